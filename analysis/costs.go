package analysis

import (
	"math"
	"strconv"

	"github.com/orgdesign/orgdesign/model"
)

// DefaultHorizon is the number of years costs are laid out over when the
// study does not say.
const DefaultHorizon = 5

// Horizon is the period a scenario's costs are laid out over, in whole
// calendar years. The zero value takes every default from the scenario.
type Horizon struct {
	Start int     // the first calendar year; 0: the year of the scenario's first phase start, else its year
	Years int     // 0: DefaultHorizon
	Rate  float64 // the yearly discount rate of the present value, a fraction; 0: not discounted
}

// StudyHorizon is the one horizon of a study's options, so that their costs
// are on one basis: the study's `horizon` (DefaultHorizon without one) and
// `discountRate` (0 without one), starting in the year of the study's date,
// else in the year of the earliest phase start of the scenarios, else of the
// earliest scenario year. study may be nil (scenarios compared alone).
func StudyHorizon(study *model.Study, scenarios []*model.Resolved) Horizon {
	h := Horizon{Years: DefaultHorizon}
	if study != nil {
		if study.Header.Horizon > 0 {
			h.Years = study.Header.Horizon
		}
		if r := study.Header.DiscountRate; r != nil {
			h.Rate = *r
		}
		if m, ok := month(study.Header.Date); ok {
			h.Start = m / 12
		}
	}
	if h.Start == 0 {
		for _, r := range scenarios {
			if y := scenarioStart(r); y != 0 && (h.Start == 0 || y < h.Start) {
				h.Start = y
			}
		}
	}
	return h
}

// OnStudy returns opts with the study's horizon (StudyHorizon) unless opts
// already has one: every option of a study costed on one basis. study may
// be nil.
func (o Options) OnStudy(study *model.Study, scenarios []*model.Resolved) Options {
	if o.Horizon == (Horizon{}) {
		o.Horizon = StudyHorizon(study, scenarios)
	}
	return o
}

// scenarioStart is the first year of a scenario alone: the year its earliest
// phase starts, else its target year, else 0.
func scenarioStart(r *model.Resolved) int {
	if m, ok := firstPhase(r); ok {
		return m / 12
	}
	return r.Header.Year
}

// firstPhase is the month the earliest dated phase starts.
func firstPhase(r *model.Resolved) (int, bool) {
	first, found := 0, false
	for _, p := range r.Phases {
		if m, ok := month(p.Start); ok && (!found || m < first) {
			first, found = m, true
		}
	}
	return first, found
}

// month reads YYYY, YYYY-MM or YYYY-MM-DD as a count of months (year × 12 +
// month − 1); a year alone is its January.
func month(date string) (int, bool) {
	if len(date) < 4 {
		return 0, false
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil || y <= 0 {
		return 0, false
	}
	m := 1
	if len(date) >= 7 && date[4] == '-' {
		if m, err = strconv.Atoi(date[5:7]); err != nil || m < 1 || m > 12 {
			return 0, false
		}
	}
	return y*12 + m - 1, true
}

// The kinds of costItem.
const (
	itemUnit    = "unit"    // a unit instance's own setup and annual costs
	itemStaff   = "staff"   // one staff line of a unit instance
	itemChannel = "channel" // a channel, its costs times the places it is present in
	itemSystem  = "system"  // an information system
	// itemMitigation is a mitigation's yearly cost (`annual`), whatever its
	// status; its one-off cost is the budget's, which counts it only when
	// the measure is not done.
	itemMitigation = "mitigation"
)

// costItem is one thing the agency pays for, with the phases it waits for:
// it exists once each of them has opened ("" is no phase: it exists before every phase).
// The totals of Costs, the phases' headcount and payroll and the budget all
// add up the same items.
type costItem struct {
	kind      string
	phases    [2]string // an instance's phase and its staff line's
	headcount int
	payroll   float64 // a full year
	setup     float64 // once, when it opens
	annual    float64 // a full year, besides payroll
}

// costItems lists what a scenario pays for: each unit instance's own costs
// and each of its staff lines (headcount × the profile's annual cost), each
// channel (its costs per place it is present in: each territory unit of its
// level, its `at` unit, or once; never per declared point), each system and
// each mitigation's yearly cost.
func costItems(r *model.Resolved) []costItem {
	items := make([]costItem, 0, len(r.Instances)*3+len(r.Channels)+len(r.Systems))
	for _, in := range r.Instances {
		if c := in.Unit.Cost; c != nil {
			items = append(items, costItem{kind: itemUnit, phases: [2]string{in.Phase}, setup: c.Setup, annual: c.Annual})
		}
		for j, s := range in.Staff {
			phase := s.Phase
			if phase == "" && j < len(in.Unit.Staff) {
				phase = in.Unit.Staff[j].Phase
			}
			it := costItem{kind: itemStaff, phases: [2]string{in.Phase, phase}, headcount: s.Count}
			if p := r.Profile(s.Profile); p != nil {
				it.payroll = float64(s.Count) * p.AnnualCost
			}
			items = append(items, it)
		}
	}
	for _, ch := range r.Channels {
		if ch.Cost == nil {
			continue
		}
		n := float64(max(1, len(channelPoints(r, ch))))
		items = append(items, costItem{kind: itemChannel, phases: [2]string{ch.Phase}, setup: ch.Cost.Setup * n, annual: ch.Cost.Annual * n})
	}
	for _, s := range r.Systems {
		if s.Cost != nil {
			items = append(items, costItem{kind: itemSystem, phases: [2]string{s.Phase}, setup: s.Cost.Setup, annual: s.Cost.Annual})
		}
	}
	for _, rk := range r.Risks {
		for _, m := range rk.Mitigations {
			if m.Annual != 0 {
				items = append(items, costItem{kind: itemMitigation, phases: [2]string{m.Phase}, annual: m.Annual})
			}
		}
	}
	return items
}

// Budget is a scenario's costs laid out by calendar year over a horizon:
// one-off costs (the transition, installing units and channels, building
// systems, the mitigations of the register) in the year they fall, running
// costs (payroll and the annual costs of units, channels, systems and
// mitigations) pro rata of the months each item is open in the year.
type Budget struct {
	Start    int          `json:"start"` // the first year
	Years    int          `json:"horizonYears"`
	Relative bool         `json:"relative,omitempty"` // no date anywhere: the years are numbered 1, 2… from the start
	Rate     float64      `json:"discountRate"`
	ByYear   []BudgetYear `json:"byYear"`
	// OneOff and Running are the sums over the horizon; Total is their sum,
	// the sum of the years' totals.
	OneOff  float64 `json:"oneOff"`
	Running float64 `json:"running"`
	Total   float64 `json:"total"`
	// RunningPerYear is the steady state: the running cost of a full year
	// with everything open (Costs.Payroll + Costs.Annual), whether or not the
	// horizon reaches it.
	RunningPerYear float64 `json:"runningPerYear"`
	// PresentValue discounts each year's total to the first year:
	// total / (1 + rate)^(year − start); without a rate it is Total.
	PresentValue float64 `json:"presentValue"`
	// PerHouseholdPerYear is the average cost of a year of the horizon (Total
	// / Years) per beneficiary household (demand.households); nil without
	// households.
	PerHouseholdPerYear *float64 `json:"perHouseholdPerYear"`
	// AdminShare is Indicators.AdminShare: RunningPerYear over the benefits
	// paid in a year; nil when the benefits are not declared.
	AdminShare *float64 `json:"adminShare"`
	// TransitionFrom is the month the transition cost starts to be spent
	// (YYYY-MM), spread evenly over its months; empty without one. When
	// Relative, the year is the year's number: "1-01" is year 1's first
	// month.
	TransitionFrom string `json:"transitionFrom,omitempty"`
	// Before and After are the one-off costs falling before the horizon
	// (already spent) and after it: not counted in the years.
	Before float64 `json:"oneOffBefore"`
	After  float64 `json:"oneOffAfter"`
	// Undated are the phases without a start date, taken as open from the
	// start of the horizon.
	Undated []string `json:"undatedPhases"`
}

// BudgetYear is one calendar year of a Budget.
type BudgetYear struct {
	Year         int     `json:"year"`
	Transition   float64 `json:"transition"`
	Installation float64 `json:"installation"` // the setup costs of units and channels
	Systems      float64 `json:"systems"`      // the setup costs of systems
	Mitigations  float64 `json:"mitigations"`  // the costs of the register's mitigations not yet done
	OneOff       float64 `json:"oneOff"`
	Payroll      float64 `json:"payroll"`
	OtherRunning float64 `json:"otherRunning"` // the annual costs of units, channels, systems and mitigations
	Running      float64 `json:"running"`
	Total        float64 `json:"total"`
}

// RunningPerYear is the running cost of a full year with everything open:
// the payroll and the annual costs of units, channels, systems and
// mitigations. It is the
// numerator of the administrative cost share (Indicators.AdminShare) and the
// steady state of a Budget.
func (c Costs) RunningPerYear() float64 { return c.Payroll + c.Annual }

// budget lays a scenario's costs out over the horizon h. c is the scenario's
// Costs (the steady state), share its administrative cost share.
func budget(r *model.Resolved, items []costItem, h Horizon, c Costs, share *float64, households float64) Budget {
	b := Budget{Years: h.Years, Start: h.Start, Rate: h.Rate, AdminShare: share, Undated: []string{},
		RunningPerYear: c.RunningPerYear()}
	if b.Years <= 0 {
		b.Years = DefaultHorizon
	}
	if b.Start == 0 {
		b.Start = scenarioStart(r)
	}
	if b.Start == 0 { // nothing dated: years 1, 2…
		b.Start, b.Relative = 1, true
	}
	from, to := b.Start*12, (b.Start+b.Years)*12 // the horizon's months, to excluded
	opens := map[string]int{}                    // a dated phase's first month
	for _, p := range r.Phases {
		if m, ok := month(p.Start); ok {
			opens[p.ID] = m
		} else {
			b.Undated = append(b.Undated, p.ID)
		}
	}
	// An item without a phase exists before every phase (as Phases counts
	// it): it opens at the earlier of the horizon's start and the scenario's
	// earliest phase start, so that the total does not depend on where the
	// horizon starts (a setup before it is not counted).
	unphased := from
	if m, ok := firstPhase(r); ok {
		unphased = min(from, m)
	}
	// openAt is the month an item waiting for phases opens: the latest of
	// their starts (an undated phase: the horizon's start); without a
	// phase, unphased.
	openAt := func(phases ...string) int {
		at, phased := math.MinInt, false
		for _, p := range phases {
			if p == "" {
				continue
			}
			m, ok := opens[p]
			if !ok {
				m = from
			}
			at, phased = max(at, m), true
		}
		if !phased {
			return unphased
		}
		return at
	}
	b.ByYear = make([]BudgetYear, b.Years)
	for i := range b.ByYear {
		b.ByYear[i].Year = b.Start + i
	}
	// once puts a one-off amount in the year of month m, or before or after
	// the horizon.
	once := func(m int, v float64, field func(*BudgetYear) *float64) {
		switch {
		case m < from:
			b.Before += v
		case m >= to:
			b.After += v
		default:
			*field(&b.ByYear[(m-from)/12]) += v
		}
	}
	for _, it := range items {
		at := openAt(it.phases[:]...)
		if it.setup != 0 {
			field := func(y *BudgetYear) *float64 { return &y.Installation }
			if it.kind == itemSystem {
				field = func(y *BudgetYear) *float64 { return &y.Systems }
			}
			once(at, it.setup, field)
		}
		if it.payroll == 0 && it.annual == 0 {
			continue
		}
		for i := range b.ByYear {
			share := float64(overlap(at, to, from+12*i, from+12*i+12)) / 12
			b.ByYear[i].Payroll += it.payroll * share
			b.ByYear[i].OtherRunning += it.annual * share
		}
	}
	if t := r.Transition; t != nil && t.Cost != 0 {
		start, ok := firstPhase(r)
		if !ok {
			start = from
		}
		b.TransitionFrom = strconv.Itoa(start/12) + "-" + twoDigits(start%12+1)
		if t.Months <= 0 {
			once(start, t.Cost, func(y *BudgetYear) *float64 { return &y.Transition })
		} else {
			end, per := start+t.Months, t.Cost/float64(t.Months)
			b.Before += per * float64(overlap(start, end, math.MinInt, from))
			b.After += per * float64(overlap(start, end, to, math.MaxInt))
			for i := range b.ByYear {
				b.ByYear[i].Transition += per * float64(overlap(start, end, from+12*i, from+12*i+12))
			}
		}
	}
	for _, rk := range r.Risks {
		for _, m := range rk.Mitigations {
			if m.Cost == 0 || m.Status == "done" {
				continue
			}
			at := from // a mitigation not done is still to pay: without a phase, at the horizon's start
			if m.Phase != "" {
				at = openAt(m.Phase)
			}
			once(at, m.Cost, func(y *BudgetYear) *float64 { return &y.Mitigations })
		}
	}
	for i := range b.ByYear {
		y := &b.ByYear[i]
		y.OneOff = y.Transition + y.Installation + y.Systems + y.Mitigations
		y.Running = y.Payroll + y.OtherRunning
		y.Total = y.OneOff + y.Running
		b.OneOff += y.OneOff
		b.Running += y.Running
		b.Total += y.Total
		b.PresentValue += y.Total / math.Pow(1+b.Rate, float64(i))
	}
	if households > 0 {
		v := b.Total / float64(b.Years) / households
		b.PerHouseholdPerYear = &v
	}
	return b
}

// overlap is the number of months [a, b) and [c, d) have in common.
func overlap(a, b, c, d int) int { return max(0, min(b, d)-max(a, c)) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
