package compare

import (
	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// DefaultDraws is the number of weight perturbations when Options.Draws is 0.
const DefaultDraws = 10000

// MaxDraws bounds Options.Draws.
const MaxDraws = 10_000_000

// Options tune a comparison.
type Options struct {
	Study     *model.Study         // criteria and scores; nil: the set's study
	Countries []*model.CountryFile // the benchmark countries; none: no nearest peer, no benchmark distance
	Analysis  analysis.Options
	Seed      uint64 // of the weight perturbations
	Draws     int    // weight perturbations; 0: DefaultDraws, negative: none
}

// Result is the comparison of a set's scenarios.
type Result struct {
	Study       string       `json:"study,omitempty"` // the id of the study the criteria come from
	Scenarios   []Figures    `json:"scenarios"`       // in the set's order
	Ranking     *Ranking     `json:"ranking"`         // nil without criteria
	Sensitivity *Sensitivity `json:"sensitivity"`     // nil without a combined ranking
}

// Figures are one scenario's key figures, side by side with the others'.
type Figures struct {
	Scenario         string   `json:"scenario"`
	Title            string   `json:"title"`
	Baseline         bool     `json:"baseline,omitempty"`
	Currency         string   `json:"currency,omitempty"`
	Headcount        int      `json:"headcount"`
	Payroll          float64  `json:"payroll"`
	AnnualCost       float64  `json:"annualCost"` // units, channels and systems, every year besides payroll
	SetupCost        float64  `json:"setupCost"`
	TransitionCost   *float64 `json:"transitionCost"`   // nil without a transition section
	TransitionMonths *float64 `json:"transitionMonths"` // idem
	Prerequisites    int      `json:"prerequisites"`
	Offices          int      `json:"offices"`
	CapacityGap      int      `json:"capacityGap"`
	ChainGaps        int      `json:"chainGaps"`        // delivery-chain stages without an accountable
	RACIGaps         int      `json:"raciGaps"`         // stages and mandates without an accountable
	Exposure         int      `json:"residualExposure"` // the register's residual scores, accepted findings included
	HighRisks        int      `json:"highRisks"`        // register risks of residual level high or critical
	CriticalRisks    int      `json:"criticalRisks"`    // register risks of residual level critical
	OpenFindings     int      `json:"openFindings"`     // the rules' findings neither accepted nor dismissed
	NearestPeer      string   `json:"nearestPeer,omitempty"`
	PeerScore        *float64 `json:"peerScore"` // the nearest peer's score, 0–1; nil without countries
}

// Metric returns the value of a computed criterion's metric, and whether the
// scenario has one.
func (f *Figures) Metric(name string) (float64, bool) {
	switch name {
	case "payroll":
		return f.Payroll, true
	case "headcount":
		return float64(f.Headcount), true
	case "annual-cost":
		return f.AnnualCost, true
	case "setup-cost":
		return f.SetupCost, true
	case "residual-risk":
		return float64(f.Exposure), true
	case "open-findings":
		return float64(f.OpenFindings), true
	case "capacity-gap":
		return float64(f.CapacityGap), true
	case "transition-cost":
		return deref(f.TransitionCost)
	case "transition-months":
		return deref(f.TransitionMonths)
	case "offices":
		return float64(f.Offices), true
	case "chain-gaps":
		return float64(f.ChainGaps), true
	case "benchmark-distance":
		if f.PeerScore == nil {
			return 0, false
		}
		return 1 - *f.PeerScore, true
	}
	return 0, false
}

func deref(p *float64) (float64, bool) {
	if p == nil {
		return 0, false
	}
	return *p, true
}

// KeyFigures computes one scenario's figures from its analysis, its risk
// assessment and its benchmark comparison (nil: no peer).
func KeyFigures(r *model.Resolved, a *analysis.Analysis, ra *risk.Assessment, bc *benchmarks.Comparison) Figures {
	f := Figures{Scenario: r.Header.ID, Title: r.Header.Title, Currency: r.Header.Currency,
		Headcount: a.Costs.Headcount, Payroll: a.Costs.Payroll, AnnualCost: a.Costs.Annual, SetupCost: a.Costs.Setup,
		Prerequisites: len(r.Prerequisites), Offices: a.Indicators.Offices, CapacityGap: a.Capacity.Gap,
		ChainGaps: len(a.RACI.Gaps), RACIGaps: len(a.RACI.Gaps) + len(a.RACI.MandateGaps)}
	if t := r.Transition; t != nil {
		cost, months := t.Cost, float64(t.Months)
		f.TransitionCost, f.TransitionMonths = &cost, &months
	}
	if ra != nil {
		f.Exposure, f.HighRisks, f.CriticalRisks = ra.Exposure(), ra.AtOrAbove(risk.High), ra.AtOrAbove(risk.Critical)
		f.OpenFindings = ra.OpenFindings()
	}
	if bc != nil && len(bc.Peers) > 0 {
		score := bc.Peers[0].Score
		f.NearestPeer, f.PeerScore = bc.Peers[0].Country, &score
	}
	return f
}

// Side computes the key figures of every scenario of a set, in its order.
func Side(set *model.Set, countries []*model.CountryFile, opts analysis.Options) []Figures {
	out := make([]Figures, 0, len(set.Scenarios))
	for _, r := range set.Scenarios {
		a := analysis.Analyze(r, opts)
		ra, _ := risk.Assess(r, a, risk.Options{Analysis: opts})
		var bc *benchmarks.Comparison
		if len(countries) > 0 {
			bc = benchmarks.Compare(r, a, countries)
		}
		f := KeyFigures(r, a, ra, bc)
		f.Baseline = r == set.Baseline
		out = append(out, f)
	}
	return out
}

// Compare sets the scenarios of a set side by side and, when the study (the
// options' or the set's) has criteria, ranks them and measures how the
// ranking holds when the weights move.
func Compare(set *model.Set, opts Options) *Result {
	res := &Result{Scenarios: Side(set, opts.Countries, opts.Analysis)}
	study := opts.Study
	if study == nil {
		study = set.Study
	}
	if study == nil || len(study.Criteria) == 0 {
		return res
	}
	res.Study = study.Header.ID
	res.Ranking = Rank(study, res.Scenarios)
	draws := opts.Draws
	if draws == 0 {
		draws = DefaultDraws
	}
	if draws > MaxDraws {
		draws = MaxDraws
	}
	res.Sensitivity = Sensitize(res.Ranking, opts.Seed, draws)
	return res
}
