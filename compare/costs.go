package compare

import "github.com/orgdesign/orgdesign/analysis"

// Costs are one option's costs over the horizon every option of the
// comparison shares (analysis.Budget, analysis.StudyHorizon).
type Costs struct {
	OneOff float64 `json:"oneOff"` // the one-off costs falling within the horizon
	// RunningPerYear is the steady state: the running cost of a full year
	// with everything open (payroll and the annual costs of units, channels,
	// systems and mitigations).
	RunningPerYear float64    `json:"runningPerYear"`
	ByYear         []YearCost `json:"byYear"`
	HorizonYears   int        `json:"horizonYears"`
	// Relative is true when nothing is dated anywhere: the years are
	// numbered 1, 2… from the start, not calendar years.
	Relative bool    `json:"relative,omitempty"`
	Total    float64 `json:"total"` // the sum of the years' totals
	// PresentValue discounts each year's total to the first year at
	// DiscountRate; without a rate it equals Total (the pages then say the
	// present value does not apply).
	PresentValue float64 `json:"presentValue"`
	DiscountRate float64 `json:"discountRate"`
	// PerHouseholdPerYear is Total / HorizonYears per beneficiary household;
	// nil without households.
	PerHouseholdPerYear *float64 `json:"perHouseholdPerYear"`
	// AdminShare is RunningPerYear over the benefits paid in a year; nil
	// when the scenario declares no benefits (demand.benefitsPerYear).
	AdminShare *float64 `json:"adminShare"`
}

// YearCost is one calendar year of an option's costs.
type YearCost struct {
	Year    int     `json:"year"`
	OneOff  float64 `json:"oneOff"`
	Running float64 `json:"running"`
	Total   float64 `json:"total"`
}

func costsOf(b analysis.Budget) Costs {
	c := Costs{OneOff: b.OneOff, RunningPerYear: b.RunningPerYear, ByYear: make([]YearCost, len(b.ByYear)), HorizonYears: b.Years, Relative: b.Relative,
		Total: b.Total, PresentValue: b.PresentValue, DiscountRate: b.Rate, PerHouseholdPerYear: b.PerHouseholdPerYear, AdminShare: b.AdminShare}
	for i, y := range b.ByYear {
		c.ByYear[i] = YearCost{Year: y.Year, OneOff: y.OneOff, Running: y.Running, Total: y.Total}
	}
	return c
}

// metric is the value of a cost metric, and whether the option has one
// and the metric is a cost metric.
func (c *Costs) metric(name string) (v float64, ok, known bool) {
	switch name {
	case "total-cost":
		return c.Total, true, true
	case "one-off-cost":
		return c.OneOff, true, true
	case "running-cost":
		return c.RunningPerYear, true, true
	case "admin-share":
		v, ok := deref(c.AdminShare)
		return v, ok, true
	}
	return 0, false, false
}
