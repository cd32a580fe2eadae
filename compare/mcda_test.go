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
// criteria (two computed on min–max scales, one scored on its fixed 1–5
// scale, with a group's own scores) and two groups, plus a fourth criterion
// nobody scored.
//
//	payroll (min, min–max):  A 100, B 200, C 300  → A 1, B 0.5, C 0
//	offices (max, min–max):  A 1, B 5, C 3        → A 0, B 1, C 0.5
//	feasibility (max, (mean − 1)/4), common scores: A 4, B 2, C mean(3, 5) = 4 → A 0.75, B 0.25, C 0.75
//	                                 gov's own scores: A 2, B 4, C 3            → A 0.25, B 0.75, C 0.5
//
// Weights: payroll {gov: 2, all: 1}, offices {ben: 3}, feasibility {gov: 2, ben: 1}.
//
//	gov: payroll 0.5, feasibility 0.5 → A 0.5 + 0.125 = 0.625, B 0.25 + 0.375 = 0.625, C 0.25 (A and B tie)
//	ben: payroll 0.2, offices 0.6, feasibility 0.2 → A 0.2 + 0.15 = 0.35, B 0.1 + 0.6 + 0.05 = 0.75, C 0.3 + 0.15 = 0.45
//	combined (mean): A 0.4875, B 0.6875, C 0.35; weights payroll 0.35, offices 0.3, feasibility 0.35
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
	checkRanks(t, "gov", gov.Ranks, []wantRank{{"a", 1, 0.625}, {"b", 1, 0.625}, {"c", 3, 0.25}})
	checkRanks(t, "ben", ben.Ranks, []wantRank{{"b", 1, 0.75}, {"c", 2, 0.45}, {"a", 3, 0.35}})
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"b", 1, 0.6875}, {"a", 2, 0.4875}, {"c", 3, 0.35}})

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
	// Scenario a's combined contributions: payroll (0.5·1 + 0.2·1)/2, offices 0, feasibility (0.5·0.25 + 0.2·0.75)/2.
	a := r.Combined.Ranks[1]
	want := []Contribution{{"payroll", 0.35}, {"offices", 0}, {"feasibility", 0.1375}}
	for i, c := range want {
		if got := a.Contributions[i]; got.Criterion != c.Criterion || !near(got.Value, c.Value) {
			t.Errorf("a's contribution %d: %+v, want %+v", i, got, c)
		}
	}
	// The criteria: common values and their normalisation, the combined weight.
	feas := r.Criteria[2]
	if feas.Direction != "max" || !feas.GroupScores || !near(feas.Weight, 0.35) || feas.Scale != ScaleScores || *feas.Worst != 1 || *feas.Best != 5 {
		t.Errorf("feasibility: %+v", feas)
	}
	if p := r.Criteria[0]; p.Scale != ScaleOptions || p.Worst != nil || p.Best != nil {
		t.Errorf("payroll's scale: %+v", p)
	}
	for i, w := range [][2]float64{{4, 0.75}, {2, 0.25}, {4, 0.75}} {
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
	minMax := func(dir string) scale { return scale{kind: ScaleOptions, direction: dir} }
	cases := []struct {
		name string
		in   []*float64
		sc   scale
		want []float64
	}{
		{"max", []*float64{ptr(2), ptr(4), ptr(3)}, minMax("max"), []float64{0, 1, 0.5}},
		{"min", []*float64{ptr(2), ptr(4), ptr(3)}, minMax("min"), []float64{1, 0, 0.5}},
		{"all equal", []*float64{ptr(7), ptr(7), ptr(7)}, minMax("min"), []float64{0.5, 0.5, 0.5}},
		{"missing", []*float64{ptr(1), nil, ptr(3)}, minMax("max"), nil},
		// Scores on 1–5 whatever the others: (mean − 1)/4, or (5 − mean)/4 when less is better.
		{"scores", []*float64{ptr(2), ptr(4), ptr(3)}, scaleOf(&model.Criterion{Scored: true}), []float64{0.25, 0.75, 0.5}},
		{"scores, min", []*float64{ptr(2), ptr(4), ptr(3)}, scaleOf(&model.Criterion{Scored: true, Direction: "min"}), []float64{0.75, 0.25, 0.5}},
		{"scores all equal", []*float64{ptr(5), ptr(5)}, scaleOf(&model.Criterion{Scored: true}), []float64{1, 1}},
		// A declared scale, clamped: worst 300 best 100 (less is better).
		{"declared", []*float64{ptr(350), ptr(250), ptr(100), ptr(50)}, scaleOf(&model.Criterion{Metric: "payroll", Scale: &model.Scale{Worst: 300, Best: 100}}),
			[]float64{0, 0.25, 1, 1}},
		// The capacity gap's natural scale: a share, 1 worst, 0 best.
		{"natural", []*float64{ptr(0), ptr(0.004), ptr(0.25)}, scaleOf(&model.Criterion{Metric: "capacity-gap"}), []float64{1, 0.996, 0.75}},
	}
	for _, c := range cases {
		got := normalise(c.in, c.sc)
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

func TestScaleOf(t *testing.T) {
	for _, tc := range []struct {
		c           model.Criterion
		kind, dir   string
		worst, best float64
	}{
		{model.Criterion{Scored: true}, ScaleScores, "max", 1, 5},
		{model.Criterion{Scored: true, Direction: "min"}, ScaleScores, "min", 5, 1},
		{model.Criterion{Metric: "payroll", Scale: &model.Scale{Worst: 1e6, Best: 0}}, ScaleDeclared, "min", 1e6, 0},
		{model.Criterion{Metric: "service-points", Scale: &model.Scale{Worst: 0, Best: 2000}}, ScaleDeclared, "max", 0, 2000},
		{model.Criterion{Metric: "capacity-gap"}, ScaleNatural, "min", 1, 0},
		{model.Criterion{Metric: "capacity-gap", Scale: &model.Scale{Worst: 0.2, Best: 0}}, ScaleDeclared, "min", 0.2, 0},
		{model.Criterion{Metric: "service-points"}, ScaleOptions, "max", 0, 0},
		{model.Criterion{Metric: "payroll"}, ScaleOptions, "min", 0, 0},
	} {
		sc := scaleOf(&tc.c)
		if sc.kind != tc.kind || sc.direction != tc.dir || sc.worst != tc.worst || sc.best != tc.best {
			t.Errorf("%+v: %+v, want %s %s %v→%v", tc.c, sc, tc.kind, tc.dir, tc.worst, tc.best)
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
		Stakeholders: []*model.Stakeholder{{ID: "x", Group: "silent"}, {ID: "y", Group: "gov"}},
		Criteria:     []*model.Criterion{{ID: "h", Metric: "headcount", Weights: map[string]float64{"gov": 1}}},
	}
	figs := []Figures{{Scenario: "a", Headcount: 3}, {Scenario: "b", Headcount: 1}, {Scenario: "c", Headcount: 1}}
	r := Rank(study, figs)
	if !slices.Equal(r.Unweighted, []string{"silent"}) || !slices.Equal(r.Groups, []string{"gov"}) {
		t.Errorf("unweighted %v, groups %v", r.Unweighted, r.Groups)
	}
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"b", 1, 1}, {"c", 1, 1}, {"a", 3, 0}})
}

// TestGroupsAreTheStakeholders: when the study declares stakeholder groups,
// they are the groups; a weight naming another (an error in a loaded study)
// adds none to the combined mean. Without stakeholder groups, the weights'
// and the scores' groups are ranked.
func TestGroupsAreTheStakeholders(t *testing.T) {
	study := &model.Study{
		Stakeholders: []*model.Stakeholder{{ID: "x", Group: "gov"}, {ID: "y", Group: "ben"}},
		Criteria:     []*model.Criterion{{ID: "h", Metric: "headcount", Weights: map[string]float64{AllGroups: 1, "ghost": 5}}},
		Scores:       []*model.Score{{Criterion: "h", Scenario: "a", Value: 1, Group: "phantom"}},
	}
	if got := groupsOf(study); !slices.Equal(got, []string{"gov", "ben"}) {
		t.Errorf("groups %v, want [gov ben]", got)
	}
	study.Stakeholders = []*model.Stakeholder{{ID: "x"}}
	if got := groupsOf(study); !slices.Equal(got, []string{"ghost", "phantom"}) {
		t.Errorf("groups without stakeholder groups %v, want [ghost phantom]", got)
	}
	study.Criteria[0].Weights, study.Scores = nil, nil
	if got := groupsOf(study); !slices.Equal(got, []string{AllGroups}) {
		t.Errorf("groups of a study naming none %v, want [all]", got)
	}
}
