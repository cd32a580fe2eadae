package benchmarks

import (
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// fig is a known figure on a basis.
func fig(v float64, unit, year, basis string) *model.Figure {
	return &model.Figure{Value: model.Quantity{Value: v, Known: true}, Unit: unit, Year: year, Basis: basis}
}

// shown is what the tests compare of a Value.
type shown struct {
	Known, Comparable bool
	Value             float64
	Unit              string
	Reasons           []string
}

func shownOf(v Value) shown {
	return shown{Known: v.Known, Comparable: v.Comparable, Value: v.Value, Unit: v.Unit, Reasons: v.Reasons}
}

// TestStaffPer10kBases: of all the pairs of a staff figure and a beneficiary
// count, the one on the scenario's basis (programme staff over households in
// the programme today, at most two years apart) is compared; without one, the
// pair with the fewest reasons is shown, not compared, with its reasons.
func TestStaffPer10kBases(t *testing.T) {
	for _, tc := range []struct {
		name          string
		staff         []*model.Figure
		beneficiaries []*model.Figure
		want          shown
	}{
		// 100 / 2,000 × 10,000 = 500: the count of 2021 is one year from the staff's, 2018 two, 2024 four.
		{"nearest year", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "households", "2024", "caseload"), fig(2000, "households", "2021", "caseload"), fig(4000, "households", "2018", "caseload")},
			shown{Known: true, Comparable: true, Value: 500, Unit: "per 10,000 households"}},
		{"later on a tie", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "households", "2019", "caseload"), fig(2000, "households", "2021/22", "caseload")},
			shown{Known: true, Comparable: true, Value: 500, Unit: "per 10,000 households"}},
		// Families count like households: 100 / 4,000 × 10,000 = 250.
		{"households before nearer individuals", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "individuals", "2020", "caseload"), fig(4000, "families", "2022", "caseload")},
			shown{Known: true, Comparable: true, Value: 250, Unit: "per 10,000 families"}},
		{"two years apart compared", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "households", "2018", "caseload")},
			shown{Known: true, Comparable: true, Value: 1000, Unit: "per 10,000 households"}},
		{"three years apart not compared", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "households", "2023", "caseload")},
			shown{Known: true, Value: 1000, Unit: "per 10,000 households", Reasons: []string{ReasonYearsApart}}},
		{"other unit not compared", []*model.Figure{fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "individuals", "2020", "caseload")},
			shown{Known: true, Value: 1000, Unit: "per 10,000 individuals", Reasons: []string{ReasonNotHouseholds}}},
		// The Philippines: the active households, not those served since the
		// launch, although the cumulative count is of the staff's year.
		// 100 / 2,000 × 10,000 = 500.
		{"caseload before a cumulative count of the same year", []*model.Figure{fig(100, "individuals", "2024", "programme")},
			[]*model.Figure{fig(2000, "households", "2023-08", "caseload"), fig(5000, "households", "2024-04", "cumulative")},
			shown{Known: true, Comparable: true, Value: 500, Unit: "per 10,000 households"}},
		// 100 / 5,000 × 10,000 = 200, shown with its reason.
		{"a cumulative count alone", []*model.Figure{fig(100, "individuals", "2024", "programme")},
			[]*model.Figure{fig(5000, "households", "2024-04", "cumulative")},
			shown{Known: true, Value: 200, Unit: "per 10,000 households", Reasons: []string{ReasonCumulative}}},
		// France: the whole CAF staff over RSA households (one reason) before
		// the same staff over all recipients (two). 300 / 20,000 × 10,000 = 150.
		{"whole agency's staff over one programme's households", []*model.Figure{fig(300, "individuals", "2022", "agency")},
			[]*model.Figure{fig(100000, "recipients", "2022", "caseload"), fig(20000, "households", "2023-12", "caseload")},
			shown{Known: true, Value: 150, Unit: "per 10,000 households", Reasons: []string{ReasonAgencyStaff}}},
		// The programme's staff of 2020 is compared; the agency's of 2024,
		// later, is not what the scenario counts. 100 / 1,000 × 10,000.
		{"programme staff before a later agency figure", []*model.Figure{fig(900, "individuals", "2024", "agency"), fig(100, "posts", "2020", "programme")},
			[]*model.Figure{fig(1000, "households", "2020", "caseload"), fig(1500, "households", "2024", "caseload")},
			shown{Known: true, Comparable: true, Value: 1000, Unit: "per 10,000 households"}},
		{"basis not declared", []*model.Figure{fig(100, "posts", "2020", "")},
			[]*model.Figure{fig(1000, "households", "2020", "caseload")},
			shown{Known: true, Value: 1000, Unit: "per 10,000 households", Reasons: []string{ReasonNoBasis}}},
		// Every reason at once, in their order. 100 / 1,000 × 10,000.
		{"every reason", []*model.Figure{fig(100, "individuals", "2015", "agency")},
			[]*model.Figure{fig(1000, "individuals", "2024", "cumulative")},
			shown{Known: true, Value: 1000, Unit: "per 10,000 individuals", Reasons: []string{ReasonCumulative, ReasonAgencyStaff, ReasonNotHouseholds, ReasonYearsApart}}},
		{"no staff figure", []*model.Figure{{Basis: "programme"}},
			[]*model.Figure{fig(1000, "households", "2020", "caseload")}, shown{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := staffPer10k("x", &model.CountryFile{Staff: tc.staff, Beneficiaries: tc.beneficiaries})
			if got := shownOf(v); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v (basis %s)", got, tc.want, v.Basis)
			}
		})
	}
}

// TestAdminCostShareBases: a share over benefits is compared, the latest
// first; a share of the total budget is shown, not compared, only when the
// file has none over benefits.
func TestAdminCostShareBases(t *testing.T) {
	for _, tc := range []struct {
		name string
		list []*model.Figure
		want shown
	}{
		{"over benefits before a later share of the budget", []*model.Figure{fig(0.03, "", "2021", "benefits"), fig(0.025, "", "2024", "budget")},
			shown{Known: true, Comparable: true, Value: 0.03, Unit: "share"}},
		{"the latest over benefits", []*model.Figure{fig(0.074, "", "2021", "benefits"), fig(0.093, "", "2024", "benefits")},
			shown{Known: true, Comparable: true, Value: 0.093, Unit: "share"}},
		{"a share of the budget alone", []*model.Figure{fig(0.028, "", "2022/23", "budget")},
			shown{Known: true, Value: 0.028, Unit: "share", Reasons: []string{ReasonShareOfBudget}}},
		{"basis not declared", []*model.Figure{fig(0.05, "", "2020", "")},
			shown{Known: true, Value: 0.05, Unit: "share", Reasons: []string{ReasonNoBasis}}},
		{"unknown", []*model.Figure{{Basis: "benefits"}}, shown{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := shownOf(adminCostShare("x", &model.CountryFile{AdminCostShare: tc.list})); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestStatsComparableOnly: minimum, median and maximum, and the position,
// count the comparable values alone. Comparable 10, 30, 20 (not 1000, on
// another basis): min 10, median 20, max 30; the scenario's 25 is high.
func TestStatsComparableOnly(t *testing.T) {
	ind := Indicator{Scenario: ptr(25), Values: []Value{
		{Country: "a", Known: true, Value: 10, Comparable: true},
		{Country: "b", Known: true, Value: 1000, Reasons: []string{ReasonAgencyStaff}},
		{Country: "c", Known: true, Value: 30, Comparable: true},
		{Country: "d"},
		{Country: "e", Known: true, Value: 20, Comparable: true},
	}}
	stats(&ind)
	if ind.Peers != 3 || *ind.Min != 10 || *ind.Median != 20 || *ind.Max != 30 || ind.Position != "high" {
		t.Errorf("peers %d, min %v, median %v, max %v, position %q", ind.Peers, *ind.Min, *ind.Median, *ind.Max, ind.Position)
	}
}

// TestScenarioAdminShare: the scenario's administrative cost share is the
// analysis' (running cost over benefits: 0.1 for the fixture option), set
// beside the countries' shares over benefits only.
func TestScenarioAdminShare(t *testing.T) {
	c := fixture(t)
	for _, ind := range c.Indicators {
		if ind.Key != AdminCostShare {
			continue
		}
		// xx: 0.04 over benefits (its 0.05 of the budget set aside); yy: 0.08 of the budget, shown only.
		if ind.Scenario == nil || *ind.Scenario != 0.1 || ind.Peers != 1 || *ind.Median != 0.04 || ind.Position != "above-max" {
			t.Errorf("admin share: %+v", ind)
		}
		if v := ind.Values[1]; !v.Known || v.Comparable || !reflect.DeepEqual(v.Reasons, []string{ReasonShareOfBudget}) {
			t.Errorf("yy's share of the budget: %+v", v)
		}
		return
	}
	t.Fatal("no admin share indicator")
}

// TestScenarioAdminShareUnknown: without benefits declared, the scenario's
// share is unknown (nil, never 0) and has no position.
func TestScenarioAdminShareUnknown(t *testing.T) {
	countries, ds, err := Read(Group{model.OSFiles{}, []string{"testdata/xx.yaml"}})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	ind := indicators(&analysis.Analysis{}, countries, "")[6]
	if ind.Key != AdminCostShare || ind.Scenario != nil || ind.Position != "" || ind.Peers != 1 {
		t.Errorf("%+v", ind)
	}
}
