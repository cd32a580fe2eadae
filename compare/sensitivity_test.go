package compare

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

// thresholdStudy is one group ("all") and three scored criteria whose
// normalised values are, for A, B and C:
//
//	c1 (weight 2, share 0.5):   1, 0, 0.5
//	c2 (weight 1, share 0.25):  0, 1, 0.25
//	c3 (weight 1, share 0.25):  0, 0.5, 1
//
// so A 0.5, B 0.375, C 0.5625: C leads. Moving c1's weight to x, the others
// keeping their proportions (b = the rest over 1 − 0.5):
//
//	S(A) = x, S(B) = 0.75(1 − x), S(C) = 0.5x + 0.625(1 − x)
//
// A catches C at x = 5/9 (up), B at x = 0.2 (down). For c2 (b: A 2/3,
// B 1/6, C 2/3), B catches C at x = 0.4 (up); A only ties C at x = 0. For c3
// (b: A 2/3, B 1/3, C 5/12), A catches C at x = 0.2 (down).
func thresholdStudy() (*model.Study, []Figures) {
	w := func(v float64) map[string]float64 { return map[string]float64{AllGroups: v} }
	study := &model.Study{Criteria: []*model.Criterion{
		{ID: "c1", Scored: true, Weights: w(2)},
		{ID: "c2", Scored: true, Weights: w(1)},
		{ID: "c3", Scored: true, Weights: w(1)},
	}}
	for _, s := range []struct {
		criterion string
		a, b, c   float64
	}{{"c1", 5, 1, 3}, {"c2", 1, 5, 2}, {"c3", 1, 3, 5}} {
		study.Scores = append(study.Scores,
			&model.Score{Criterion: s.criterion, Scenario: "a", Value: s.a},
			&model.Score{Criterion: s.criterion, Scenario: "b", Value: s.b},
			&model.Score{Criterion: s.criterion, Scenario: "c", Value: s.c})
	}
	return study, []Figures{{Scenario: "a"}, {Scenario: "b"}, {Scenario: "c"}}
}

func shift(s *Shift) string {
	if s == nil {
		return "none"
	}
	return fmt.Sprintf("%.6f→%s", s.Weight, s.Leader)
}

func TestThresholdsHandComputed(t *testing.T) {
	study, figs := thresholdStudy()
	r := Rank(study, figs)
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"c", 1, 0.5625}, {"a", 2, 0.5}, {"b", 3, 0.375}})
	s := Sensitize(r, 1, 0)
	if s.Leader != "c" || len(s.First) != 0 || s.Draws != 0 {
		t.Errorf("leader %s, first %v, draws %d", s.Leader, s.First, s.Draws)
	}
	want := []struct {
		criterion string
		weight    float64
		down, up  string
	}{
		{"c1", 0.5, "0.200000→b", "0.555556→a"},
		{"c2", 0.25, "none", "0.400000→b"},
		{"c3", 0.25, "0.200000→a", "none"},
	}
	if len(s.Thresholds) != len(want) {
		t.Fatalf("%d thresholds, want %d", len(s.Thresholds), len(want))
	}
	for i, w := range want {
		th := s.Thresholds[i]
		if th.Criterion != w.criterion || !near(th.Weight, w.weight) || shift(th.Down) != w.down || shift(th.Up) != w.up || th.Robust {
			t.Errorf("%s: weight %v down %s up %s robust %v; want %v down %s up %s", th.Criterion, th.Weight, shift(th.Down), shift(th.Up), th.Robust, w.weight, w.down, w.up)
		}
	}
	if th := s.Thresholds[0]; !near(th.Down.Change, -0.3) || !near(th.Up.Change, 5.0/9-0.5) || th.Smallest() != th.Up {
		t.Errorf("c1 changes: down %v up %v, smallest %v", th.Down.Change, th.Up.Change, shift(th.Smallest()))
	}
}

func TestThresholdsRobust(t *testing.T) {
	// A is best on both criteria: no weight changes the leader.
	study := &model.Study{Criteria: []*model.Criterion{
		{ID: "h", Metric: "headcount"}, {ID: "p", Metric: "payroll", Weights: map[string]float64{AllGroups: 3}},
	}}
	figs := []Figures{{Scenario: "a", Headcount: 1, Payroll: 1}, {Scenario: "b", Headcount: 2, Payroll: 3}, {Scenario: "c", Headcount: 3, Payroll: 2}}
	s := Sensitize(Rank(study, figs), 7, 1000)
	for _, th := range s.Thresholds {
		if !th.Robust || th.Down != nil || th.Up != nil || th.Smallest() != nil {
			t.Errorf("%s: %+v, want robust", th.Criterion, th)
		}
	}
	if s.First[0].Count != 1000 || s.First[0].Share != 1 {
		t.Errorf("first %+v, want a every time", s.First)
	}
}

func TestPerturbationsDeterministic(t *testing.T) {
	study, figs := thresholdStudy()
	r := Rank(study, figs)
	s := Sensitize(r, 42, 10000)
	again := Sensitize(Rank(study, figs), 42, 10000)
	total := 0
	for i, f := range s.First {
		total += f.Count
		if again.First[i] != f {
			t.Errorf("seed 42 twice: %+v then %+v", f, again.First[i])
		}
	}
	if total != 10000 {
		t.Errorf("counts add up to %d, want 10000", total)
	}
	other := Sensitize(r, 43, 10000)
	if other.First[0] == s.First[0] && other.First[2] == s.First[2] {
		t.Errorf("seeds 42 and 43 gave the same counts: %+v", s.First)
	}
	// The counts are the golden part: integers, the same on every platform.
	got, err := json.MarshalIndent(s.First, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "sensitivity-seed-42.json", append(got, '\n'))
}

func TestSensitizeWithoutRanking(t *testing.T) {
	if s := Sensitize(nil, 1, 10); s != nil {
		t.Errorf("Sensitize(nil) = %+v", s)
	}
	// Every criterion missing: no ranking, no sensitivity.
	study := &model.Study{Criteria: []*model.Criterion{{ID: "x", Scored: true}}}
	if s := Sensitize(Rank(study, []Figures{{Scenario: "a"}, {Scenario: "b"}}), 1, 10); s != nil {
		t.Errorf("Sensitize without scores = %+v", s)
	}
}
