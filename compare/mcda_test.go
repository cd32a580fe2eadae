package compare

import (
	"math"
	"slices"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func ptr(v float64) *float64 { return &v }

// handStudy is the hand-computed case: three scenarios, three weighted
// criteria (two computed, one scored, with a group's own scores) and two
// groups, plus a fourth criterion nobody scored.
//
//	payroll (min):  A 100, B 200, C 300  → A 1, B 0.5, C 0
//	offices (max):  A 1, B 5, C 3        → A 0, B 1, C 0.5
//	feasibility (max), common scores: A 4, B 2, C mean(3, 5) = 4 → A 1, B 0, C 1
//	                   gov's own scores: A 2, B 4, C 3            → A 0, B 1, C 0.5
//
// Weights: payroll {gov: 2, all: 1}, offices {ben: 3}, feasibility {gov: 2, ben: 1}.
//
//	gov: payroll 0.5, feasibility 0.5 → A 0.5, B 0.75, C 0.25
//	ben: payroll 0.2, offices 0.6, feasibility 0.2 → A 0.4, B 0.7, C 0.5
//	combined (mean): A 0.45, B 0.725, C 0.375; weights payroll 0.35, offices 0.3, feasibility 0.35
func handStudy() (*model.Study, []Figures) {
	study := &model.Study{
		Stakeholders: []*model.Stakeholder{{ID: "s1", Group: "gov"}, {ID: "s2", Group: "ben"}},
		Criteria: []*model.Criterion{
			{ID: "payroll", Title: "Payroll", Metric: "payroll", Direction: "min", Weights: map[string]float64{"gov": 2, "all": 1}},
			{ID: "offices", Title: "Offices", Metric: "offices", Weights: map[string]float64{"ben": 3}},
			{ID: "feasibility", Title: "Feasibility", Scored: true, Weights: map[string]float64{"gov": 2, "ben": 1}},
			{ID: "legal", Title: "Legal texts", Scored: true, Weights: map[string]float64{"all": 1}},
		},
		Scores: []*model.Score{
			{Criterion: "feasibility", Scenario: "a", Value: 4},
			{Criterion: "feasibility", Scenario: "b", Value: 2},
			{Criterion: "feasibility", Scenario: "c", Value: 3},
			{Criterion: "feasibility", Scenario: "c", Value: 5},
			{Criterion: "feasibility", Scenario: "a", Value: 2, Group: "gov"},
			{Criterion: "feasibility", Scenario: "b", Value: 4, Group: "gov"},
			{Criterion: "feasibility", Scenario: "c", Value: 3, Group: "gov"},
			{Criterion: "feasibility", Scenario: "zz", Value: 1}, // a scenario not compared: ignored
		},
	}
	figs := []Figures{
		{Scenario: "a", Payroll: 100, Offices: 1},
		{Scenario: "b", Payroll: 200, Offices: 5},
		{Scenario: "c", Payroll: 300, Offices: 3},
	}
	return study, figs
}

type wantRank struct {
	scenario string
	rank     int
	score    float64
}

func checkRanks(t *testing.T, what string, got []Place, want []wantRank) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d ranks, want %d", what, len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Scenario != w.scenario || g.Rank != w.rank || !near(g.Score, w.score) {
			t.Errorf("%s #%d: %s rank %d score %.6f, want %s rank %d score %.6f", what, i+1, g.Scenario, g.Rank, g.Score, w.scenario, w.rank, w.score)
		}
	}
}

func TestRankHandComputed(t *testing.T) {
	study, figs := handStudy()
	r := Rank(study, figs)
	if !slices.Equal(r.Groups, []string{"gov", "ben"}) {
		t.Fatalf("groups %v, want [gov ben]", r.Groups)
	}
	if len(r.ByGroup) != 2 {
		t.Fatalf("%d group rankings, want 2", len(r.ByGroup))
	}
	gov, ben := r.ByGroup[0], r.ByGroup[1]
	checkRanks(t, "gov", gov.Ranks, []wantRank{{"b", 1, 0.75}, {"a", 2, 0.5}, {"c", 3, 0.25}})
	checkRanks(t, "ben", ben.Ranks, []wantRank{{"b", 1, 0.7}, {"c", 2, 0.5}, {"a", 3, 0.4}})
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"b", 1, 0.725}, {"a", 2, 0.45}, {"c", 3, 0.375}})

	wantShares := map[string][]Weight{
		"gov": {{"payroll", 2, 0.5}, {"feasibility", 2, 0.5}},
		"ben": {{"payroll", 1, 0.2}, {"offices", 3, 0.6}, {"feasibility", 1, 0.2}},
		"":    {{"payroll", 0, 0.35}, {"offices", 0, 0.3}, {"feasibility", 0, 0.35}},
	}
	for _, g := range []GroupRanking{gov, ben, r.Combined} {
		want := wantShares[g.Group]
		if len(g.Weights) != len(want) {
			t.Errorf("%q weights %v, want %v", g.Group, g.Weights, want)
			continue
		}
		for i, w := range want {
			if got := g.Weights[i]; got.Criterion != w.Criterion || got.Raw != w.Raw || !near(got.Share, w.Share) {
				t.Errorf("%q weight %d: %+v, want %+v", g.Group, i, got, w)
			}
		}
		if !slices.Equal(g.LeftOut, []string{"legal"}) {
			t.Errorf("%q left out %v, want [legal]", g.Group, g.LeftOut)
		}
	}
	// Scenario a's combined contributions: payroll (0.5·1 + 0.2·1)/2, offices 0, feasibility (0.5·0 + 0.2·1)/2.
	a := r.Combined.Ranks[1]
	want := []Contribution{{"payroll", 0.35}, {"offices", 0}, {"feasibility", 0.1}}
	for i, c := range want {
		if got := a.Contributions[i]; got.Criterion != c.Criterion || !near(got.Value, c.Value) {
			t.Errorf("a's contribution %d: %+v, want %+v", i, got, c)
		}
	}
	// The criteria: common values and their normalisation, the combined weight.
	feas := r.Criteria[2]
	if feas.Direction != "max" || !feas.GroupScores || !near(feas.Weight, 0.35) {
		t.Errorf("feasibility: %+v", feas)
	}
	for i, w := range [][2]float64{{4, 1}, {2, 0}, {4, 1}} {
		v := feas.Values[i]
		if v.Value == nil || v.Normalised == nil || !near(*v.Value, w[0]) || !near(*v.Normalised, w[1]) {
			t.Errorf("feasibility of %s: %v %v, want %v", v.Scenario, v.Value, v.Normalised, w)
		}
	}
	if r.Criteria[1].Direction != "max" || r.Criteria[0].Direction != "min" {
		t.Errorf("directions: offices %s, payroll %s", r.Criteria[1].Direction, r.Criteria[0].Direction)
	}
	// Nobody scored "legal": three missing values, not zeros, that both groups lose.
	if len(r.Missing) != 3 {
		t.Fatalf("missing %+v, want 3", r.Missing)
	}
	for i, m := range r.Missing {
		if m.Criterion != "legal" || m.Scenario != figs[i].Scenario || m.Reason != MissingScore || !slices.Equal(m.Groups, []string{"gov", "ben"}) {
			t.Errorf("missing %d: %+v", i, m)
		}
		if r.Criteria[3].Values[i].Value != nil || r.Criteria[3].Values[i].Normalised != nil {
			t.Errorf("legal has a value for %s", m.Scenario)
		}
	}
	if r.Criteria[3].Weight != 0 || len(r.Unweighted) != 0 {
		t.Errorf("legal weight %v, unweighted %v", r.Criteria[3].Weight, r.Unweighted)
	}
}

func TestNormalise(t *testing.T) {
	cases := []struct {
		name string
		in   []*float64
		dir  string
		want []float64
	}{
		{"max", []*float64{ptr(2), ptr(4), ptr(3)}, "max", []float64{0, 1, 0.5}},
		{"min", []*float64{ptr(2), ptr(4), ptr(3)}, "min", []float64{1, 0, 0.5}},
		{"all equal", []*float64{ptr(7), ptr(7), ptr(7)}, "min", []float64{0.5, 0.5, 0.5}},
		{"missing", []*float64{ptr(1), nil, ptr(3)}, "max", nil},
	}
	for _, c := range cases {
		got := normalise(c.in, c.dir)
		if len(got) != len(c.want) || (got == nil) != (c.want == nil) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if !near(got[i], c.want[i]) {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
	}
}

func TestMissingComputedValues(t *testing.T) {
	// No transition section, no benchmark country, a metric the tool does
	// not know: each a missing value with its reason, left out of the one
	// group's ranking; payroll alone ranks.
	study := &model.Study{Criteria: []*model.Criterion{
		{ID: "months", Metric: "transition-months"},
		{ID: "distance", Metric: "benchmark-distance"},
		{ID: "bogus", Metric: "bogus"},
		{ID: "payroll", Metric: "payroll"},
	}}
	six := 6.0
	figs := []Figures{{Scenario: "a", Payroll: 2, TransitionMonths: &six}, {Scenario: "b", Payroll: 1}}
	r := Rank(study, figs)
	if !slices.Equal(r.Groups, []string{AllGroups}) {
		t.Fatalf("groups %v, want [all]", r.Groups)
	}
	var got []string
	for _, m := range r.Missing {
		got = append(got, m.Criterion+"/"+m.Scenario+"/"+m.Reason)
	}
	want := []string{"months/b/no-transition", "distance/a/no-benchmark", "distance/b/no-benchmark", "bogus/a/unknown-metric", "bogus/b/unknown-metric"}
	if !slices.Equal(got, want) {
		t.Errorf("missing %v, want %v", got, want)
	}
	if !slices.Equal(r.ByGroup[0].LeftOut, []string{"months", "distance", "bogus"}) {
		t.Errorf("left out %v", r.ByGroup[0].LeftOut)
	}
	checkRanks(t, "all", r.Combined.Ranks, []wantRank{{"b", 1, 1}, {"a", 2, 0}})
}

func TestRankTiesAndUnweighted(t *testing.T) {
	// Equal scores share a rank and keep the set's order; a stakeholder group
	// that weighs nothing is listed, not ranked.
	study := &model.Study{
		Stakeholders: []*model.Stakeholder{{ID: "x", Group: "silent"}},
		Criteria:     []*model.Criterion{{ID: "h", Metric: "headcount", Weights: map[string]float64{"gov": 1}}},
	}
	figs := []Figures{{Scenario: "a", Headcount: 3}, {Scenario: "b", Headcount: 1}, {Scenario: "c", Headcount: 1}}
	r := Rank(study, figs)
	if !slices.Equal(r.Unweighted, []string{"silent"}) || !slices.Equal(r.Groups, []string{"gov"}) {
		t.Errorf("unweighted %v, groups %v", r.Unweighted, r.Groups)
	}
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"b", 1, 1}, {"c", 1, 1}, {"a", 3, 0}})
}
