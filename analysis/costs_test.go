package analysis

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9*math.Max(1, math.Abs(b)) }

// checkYears compares a budget's years with hand-computed ones, each as
// {year, transition, installation, systems, mitigations, payroll, other running}.
func checkYears(t *testing.T, b Budget, want [][7]float64) {
	t.Helper()
	if len(b.ByYear) != len(want) {
		t.Fatalf("%d years, want %d: %+v", len(b.ByYear), len(want), b.ByYear)
	}
	for i, w := range want {
		y := b.ByYear[i]
		got := [7]float64{float64(y.Year), y.Transition, y.Installation, y.Systems, y.Mitigations, y.Payroll, y.OtherRunning}
		for k := range w {
			if !near(got[k], w[k]) {
				t.Errorf("year %d = %v, want %v", y.Year, got, w)
				break
			}
		}
		oneOff := w[1] + w[2] + w[3] + w[4]
		if !near(y.OneOff, oneOff) || !near(y.Running, w[5]+w[6]) || !near(y.Total, oneOff+w[5]+w[6]) {
			t.Errorf("year %d: one-off, running, total = %v, %v, %v; want %v, %v, %v", y.Year, y.OneOff, y.Running, y.Total, oneOff, w[5]+w[6], oneOff+w[5]+w[6])
		}
	}
}

// TestBudgetByHand lays the fixture's costs out over 2026–2028 at 10 %.
func TestBudgetByHand(t *testing.T) {
	a := Analyze(load(t, "testdata/costs.yaml"), Options{Horizon: Horizon{Start: 2026, Years: 3, Rate: 0.1}})
	b := a.Budget
	// 2026: the transition (1,800 over 18 months from the first phase, 2026-09)
	// spends 4 × 100; the DG, without a phase, is installed in the first year
	// (60); the system opens 2026-09 (300); the mitigation without a phase (30);
	// payroll 2 cadres × 120; running DG 24 + system 4/12 × 36 = 12.
	// 2027: transition 12 × 100; 2 DR × 100 + 3 counters × 10 from 2027-04;
	// the regional mitigation 50 (the one done is not counted); payroll
	// 240 + 2 DR × 1 agent × 12 × 9/12 = 18; running DG 24 + DR 2 × 12 × 9/12
	// = 18 + counters 3 × 12 × 9/12 = 27 + system 36.
	// 2028: transition 2 × 100; payroll 240 + 2 × 12 + the reinforcement
	// (2 agents × 12 in each DR from 2028-10: 2 × 24 × 3/12 = 12); running
	// 24 + 24 + 36 + 36.
	checkYears(t, b, [][7]float64{
		{2026, 400, 60, 300, 30, 240, 36},
		{2027, 1200, 230, 0, 50, 258, 105},
		{2028, 200, 0, 0, 0, 276, 120},
	})
	if b.OneOff != 2470 || b.Running != 1035 || b.Total != 3505 {
		t.Errorf("one-off, running, total = %v, %v, %v; want 2470, 1035, 3505", b.OneOff, b.Running, b.Total)
	}
	// Steady state: payroll 240 + 2 × (12 + 24) = 312; annual 24 + 2 × 12 + 3 × 12 + 36 = 120.
	if b.RunningPerYear != 432 {
		t.Errorf("running per year = %v, want 432", b.RunningPerYear)
	}
	if pv := 1066 + 1843/1.1 + 596/1.21; !near(b.PresentValue, pv) {
		t.Errorf("present value = %v, want %v", b.PresentValue, pv)
	}
	// 3,505 over 3 years and 1,000 households.
	if b.PerHouseholdPerYear == nil || !near(*b.PerHouseholdPerYear, 3505.0/3/1000) {
		t.Errorf("per household per year = %v, want %v", b.PerHouseholdPerYear, 3505.0/3/1000)
	}
	// The admin share is the indicator's: 432 / 4,320.
	if b.AdminShare == nil || *b.AdminShare != 0.1 || a.Indicators.AdminShare == nil || *a.Indicators.AdminShare != 0.1 {
		t.Errorf("admin share = %v (indicator %v), want 0.1", b.AdminShare, a.Indicators.AdminShare)
	}
	if b.Before != 0 || b.After != 0 || b.TransitionFrom != "2026-09" || len(b.Undated) != 0 {
		t.Errorf("before, after, transition from, undated = %v, %v, %q, %v", b.Before, b.After, b.TransitionFrom, b.Undated)
	}
	// The steady state is what the other figures already say.
	if b.RunningPerYear != a.Costs.Payroll+a.Costs.Annual {
		t.Errorf("running per year %v differs from payroll + annual %v", b.RunningPerYear, a.Costs.Payroll+a.Costs.Annual)
	}
}

// TestBudgetHorizonOne starts the horizon after the system and the first
// months of the transition, for one year: what fell before or falls after is
// left out, and said.
func TestBudgetHorizonOne(t *testing.T) {
	b := Analyze(load(t, "testdata/costs.yaml"), Options{Horizon: Horizon{Start: 2027, Years: 1}}).Budget
	// The DG, without a phase, exists before every phase: it opens with the
	// first (2026-09), so its setup falls before the horizon, like the
	// system's; the mitigation without a phase, not yet done, is still to
	// pay: 30 in 2027 beside the regional one's 50. The system, open since
	// 2026-09, runs the whole year.
	checkYears(t, b, [][7]float64{{2027, 1200, 230, 0, 80, 258, 105}})
	// Before: 4 months of transition (400), the system (300) and the DG's
	// setup (60); after: 2 months (200).
	if b.Before != 760 || b.After != 200 {
		t.Errorf("before, after = %v, %v; want 760, 200", b.Before, b.After)
	}
	// Not discounted: the present value is the total.
	if b.Rate != 0 || b.PresentValue != b.Total || b.Total != 1873 {
		t.Errorf("rate, present value, total = %v, %v, %v; want 0, 1873, 1873", b.Rate, b.PresentValue, b.Total)
	}
	// Where the horizon starts changes which years are counted, not what a
	// year costs: 2027 is the same year in a horizon from 2026, but for the
	// mitigation without a phase, which falls in the horizon's first year.
	from2026 := Analyze(load(t, "testdata/costs.yaml"), Options{Horizon: Horizon{Start: 2026, Years: 2}}).Budget
	y, z := from2026.ByYear[1], b.ByYear[0]
	if y.Installation != z.Installation || y.Systems != z.Systems || y.Transition != z.Transition || y.Running != z.Running || z.Mitigations-y.Mitigations != 30 {
		t.Errorf("2027 from a horizon starting in 2026: %+v; from one starting in 2027: %+v", y, z)
	}
}

// TestBudgetDefaults: a scenario alone starts with its first phase (2026
// here), over DefaultHorizon years, undiscounted.
func TestBudgetDefaults(t *testing.T) {
	b := Analyze(load(t, "testdata/costs.yaml"), Options{}).Budget
	if b.Start != 2026 || b.Years != DefaultHorizon || b.Rate != 0 || len(b.ByYear) != 5 || b.Relative {
		t.Fatalf("start, years, rate = %d, %d, %v (%d years, relative %v); want 2026, 5, 0", b.Start, b.Years, b.Rate, len(b.ByYear), b.Relative)
	}
	// Every one-off cost falls within 2026–2030, and each later year runs at the steady state.
	if b.OneOff != 2470 || b.ByYear[3].Running != 432 || b.ByYear[4].Total != 432 {
		t.Errorf("one-off %v, 2029 running %v, 2030 total %v; want 2470, 432, 432", b.OneOff, b.ByYear[3].Running, b.ByYear[4].Total)
	}
}

// A scenario with no phase at all.
const noPhases = `scenario: { id: plat, title: Plat, currency: XOF%s }
transition: { cost: 120, months: 24 }
profiles: [ { id: agent, title: Agent, annualCost: 10 } ]
units: [ { id: dg, name: DG, kind: executive, cost: { setup: 7, annual: 2 }, staff: [ { profile: agent, count: 3 } ] } ]
phases: %s
`

func loadText(t *testing.T, text string) *model.Resolved {
	t.Helper()
	l := &model.Loader{Files: memFiles{"s.yaml": []byte(text)}}
	r, ds, err := l.Scenario("s.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return r
}

func TestBudgetWithoutPhases(t *testing.T) {
	// From the scenario's year: the transition spread over 2030–2031 from
	// January 2030, everything else open from the start.
	b := Analyze(loadText(t, fmt.Sprintf(noPhases, ", year: 2030", "[]")), Options{Horizon: Horizon{Years: 3}}).Budget
	checkYears(t, b, [][7]float64{{2030, 60, 7, 0, 0, 30, 2}, {2031, 60, 0, 0, 0, 30, 2}, {2032, 0, 0, 0, 0, 30, 2}})
	if b.TransitionFrom != "2030-01" || b.PerHouseholdPerYear != nil || b.AdminShare != nil {
		t.Errorf("transition from %q, per household %v, admin share %v; want 2030-01, nil, nil", b.TransitionFrom, b.PerHouseholdPerYear, b.AdminShare)
	}
	// Nothing dated at all: years 1, 2, 3.
	b = Analyze(loadText(t, fmt.Sprintf(noPhases, "", "[]")), Options{Horizon: Horizon{Years: 3}}).Budget
	if !b.Relative || b.ByYear[0].Year != 1 || b.ByYear[2].Year != 3 || b.Total != 120+7+3*32 {
		t.Errorf("relative %v, years %d–%d, total %v; want true, 1–3, %v", b.Relative, b.ByYear[0].Year, b.ByYear[2].Year, b.Total, 120+7+3*32)
	}
	// An undated phase counts from the start and is named.
	b = Analyze(loadText(t, fmt.Sprintf(noPhases, ", year: 2030", "[ { id: ph-x, title: X } ]")), Options{}).Budget
	if !reflect.DeepEqual(b.Undated, []string{"ph-x"}) || b.Start != 2030 {
		t.Errorf("undated %v, start %d; want [ph-x], 2030", b.Undated, b.Start)
	}
	// A transition without months is spent in the month it starts.
	r := loadText(t, fmt.Sprintf(noPhases, ", year: 2030", "[]"))
	r.Transition.Months = 0
	b = Analyze(r, Options{Horizon: Horizon{Years: 2}}).Budget
	if b.ByYear[0].Transition != 120 || b.ByYear[1].Transition != 0 {
		t.Errorf("transition without months = %v, %v; want 120, 0", b.ByYear[0].Transition, b.ByYear[1].Transition)
	}
}

func TestStudyHorizon(t *testing.T) {
	a := load(t, "testdata/costs.yaml")  // first phase 2026-09
	o := load(t, "testdata/option.yaml") // first phase 2027-01
	rate := 0.04
	st := &model.Study{Header: model.StudyHeader{Date: "2025-11", Horizon: 10, DiscountRate: &rate}}
	check := func(what string, got, want Horizon) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %+v, want %+v", what, got, want)
		}
	}
	check("study with a date", StudyHorizon(st, []*model.Resolved{a, o}), Horizon{Start: 2025, Years: 10, Rate: 0.04})
	st.Header.Date = ""
	check("study without a date", StudyHorizon(st, []*model.Resolved{o, a}), Horizon{Start: 2026, Years: 10, Rate: 0.04})
	check("no study", StudyHorizon(nil, []*model.Resolved{o}), Horizon{Start: 2027, Years: DefaultHorizon})
	check("nothing dated", StudyHorizon(nil, []*model.Resolved{loadText(t, fmt.Sprintf(noPhases, "", "[]"))}), Horizon{Years: DefaultHorizon})
}

// TestPhasesShareItems: the figures by phase and the totals add up the same
// items as the budget (a staff line with its own phase counts from it).
func TestPhasesShareItems(t *testing.T) {
	a := Analyze(load(t, "testdata/costs.yaml"), Options{})
	got := map[string][2]float64{}
	for _, p := range a.Phases {
		got[p.Phase] = [2]float64{float64(p.Headcount), p.Payroll}
	}
	want := map[string][2]float64{"ph-prep": {2, 240}, "ph-regions": {4, 264}, "ph-renfort": {8, 312}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("phases = %v, want %v", got, want)
	}
	if a.Costs.Setup != 590 || a.Costs.Annual != 120 {
		t.Errorf("setup, annual besides staff = %v, %v; want 590, 120", a.Costs.Setup, a.Costs.Annual)
	}
}

// TestMitigationAnnual: a mitigation's `annual` is a running cost from its
// phase (else from the start), whatever its status, and part of the steady
// state and the administrative share; its one-off `cost` counts only while
// the measure is not done.
func TestMitigationAnnual(t *testing.T) {
	a := Analyze(loadText(t, `scenario: { id: m, title: M, currency: XOF, year: 2030 }
phases: [ { id: ph-1, title: Un, start: 2030-01 }, { id: ph-2, title: Deux, start: 2030-07 } ]
profiles: [ { id: agent, title: Agent, annualCost: 10 } ]
units: [ { id: dg, name: DG, kind: executive, staff: [ { profile: agent, count: 3 } ] } ]
demand: { households: 100, benefitsPerYear: 1000 }
risks:
  - id: r1
    title: R
    category: operational
    owner: dg
    likelihood: 3
    impact: 3
    mitigations:
      - { id: m-faite, title: Faite, reduces: impact, by: 1, cost: 70, annual: 12, status: done, phase: ph-2 }
      - { id: m-prevue, title: Prévue, reduces: likelihood, by: 1, cost: 50, annual: 24, status: planned }
`), Options{Horizon: Horizon{Start: 2030, Years: 2}})
	b := a.Budget
	// 2030: payroll 3 × 10; the measure done runs from July, 12 × 6/12 = 6,
	// the planned one, without a phase, all year, 24; the planned one's cost
	// 50 once, the done one's 70 not counted. 2031: 30 and 12 + 24.
	checkYears(t, b, [][7]float64{{2030, 0, 0, 0, 50, 30, 30}, {2031, 0, 0, 0, 0, 30, 36}})
	if b.Total != 176 {
		t.Errorf("total = %v, want 176", b.Total)
	}
	// Steady state: 30 + 36 = 66, over the benefits 1,000.
	if a.Costs.Annual != 36 || b.RunningPerYear != 66 || b.AdminShare == nil || !near(*b.AdminShare, 0.066) {
		t.Errorf("annual %v, running per year %v, admin share %v; want 36, 66, 0.066", a.Costs.Annual, b.RunningPerYear, b.AdminShare)
	}
}
