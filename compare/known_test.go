package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestKnownAnswerStudy follows compare/doc.go's method by hand on
// testdata/study/known.yaml and the fixture's options (payroll 1,000,000,
// 1,600,000 and 1,260,000; transition 6, 18 and 12 months; service points
// 0, 2 and 1).
//
// Normalised values:
//
//	c-masse (scale worst 2,000,000, best 0): (v − W)/(B − W) → a 0.5, b 0.2, c 0.37
//	c-delai (no scale: min–max, min):        a 1, b 0, c 0.5
//	c-faisabilite ((mean − 1)/4):            a (5−1)/4 = 1, b 0.25, c (3.5−1)/4 = 0.625;
//	                                         beneficiaires' own score for b: (4−1)/4 = 0.75
//	c-accueil (scale worst 0, best 4):       a 0, b 0.5, c 0.25
//
// Weights: gouvernement masse 3, delai 1, faisabilite 2 → 1/2, 1/6, 1/3;
// beneficiaires masse 1 (all), faisabilite 1, accueil 2 → 1/4, 1/4, 1/2.
//
//	gouvernement:  a 0.25 + 1/6 + 1/3 = 3/4; b 0.1 + 0 + 1/12 = 11/60; c 0.185 + 1/12 + 5/24 = 143/300
//	beneficiaires: a 0.125 + 0.25 + 0 = 3/8; b 0.05 + 0.1875 + 0.25 = 39/80; c 0.0925 + 0.15625 + 0.125 = 299/800
//	combined (mean): a 9/16 = 0.5625, c 2041/4800 ≈ 0.425208, b 161/480 ≈ 0.335417
//	combined weights: masse 3/8, delai 1/12, faisabilite 7/24, accueil 1/4
//
// The recommendation names option-b, third. The beneficiaries rank it first.
// Moving c-accueil's combined weight to x (the others keeping their
// proportions): S(a) = (1 − x)·3/4, S(b) = x/2 + (1 − x)·101/360,
// S(c) = x/4 + (1 − x)·1741/3600. b ≥ a when 180x ≥ 169(1 − x), x ≥ 169/349;
// b ≥ c when x ≥ 731/1631 (smaller): b leads for x in [169/349, 1]. On the
// other three criteria b's value is below a's, so no weight makes it lead.
//
// Only c-delai is on a scale that depends on the options. Without a, its
// min–max is over b and c (b 0, c 1): c's score rises, c stays ahead of b;
// without b, a 1, c 0: a stays ahead; without c, as before. No removal
// reorders the others.
func TestKnownAnswerStudy(t *testing.T) {
	l := &model.Loader{Files: model.OSFiles{}}
	set, ds, err := l.LoadSet([]string{"testdata/study/known.yaml"})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	res := Compare(set, Options{Draws: -1})
	r := res.Ranking
	wantValues := map[string][]float64{
		"c-masse": {0.5, 0.2, 0.37}, "c-delai": {1, 0, 0.5}, "c-faisabilite": {1, 0.25, 0.625}, "c-accueil": {0, 0.5, 0.25},
	}
	wantScale := map[string]string{"c-masse": ScaleDeclared, "c-delai": ScaleOptions, "c-faisabilite": ScaleScores, "c-accueil": ScaleDeclared}
	for _, c := range r.Criteria {
		if c.Scale != wantScale[c.ID] {
			t.Errorf("%s: scale %s, want %s", c.ID, c.Scale, wantScale[c.ID])
		}
		for i, v := range c.Values {
			if v.Normalised == nil || !near(*v.Normalised, wantValues[c.ID][i]) {
				t.Errorf("%s of %s: normalised %v, want %v", c.ID, v.Scenario, v.Normalised, wantValues[c.ID][i])
			}
		}
	}
	checkRanks(t, "gouvernement", r.ByGroup[0].Ranks, []wantRank{{"option-a", 1, 0.75}, {"option-c", 2, 143.0 / 300}, {"option-b", 3, 11.0 / 60}})
	checkRanks(t, "beneficiaires", r.ByGroup[1].Ranks, []wantRank{{"option-b", 1, 39.0 / 80}, {"option-a", 2, 3.0 / 8}, {"option-c", 3, 299.0 / 800}})
	checkRanks(t, "combined", r.Combined.Ranks, []wantRank{{"option-a", 1, 0.5625}, {"option-c", 2, 2041.0 / 4800}, {"option-b", 3, 161.0 / 480}})
	for i, w := range []float64{3.0 / 8, 1.0 / 12, 7.0 / 24, 1.0 / 4} {
		if !near(r.Combined.Weights[i].Share, w) {
			t.Errorf("combined weight of %s: %v, want %v", r.Combined.Weights[i].Criterion, r.Combined.Weights[i].Share, w)
		}
	}
	rv := r.Reversal
	if rv == nil || !slices.Equal(rv.OptionScales, []string{"c-delai"}) || rv.Reorders || len(rv.Removals) != 3 {
		t.Errorf("reversal %+v", rv)
	}
	rec := res.Recommendation
	if rec == nil || rec.Scenario != "option-b" || rec.Rank != 3 || !rec.Departs || rec.Leader != "option-a" ||
		!near(rec.Score, 161.0/480) || !near(rec.LeaderScore, 0.5625) || !slices.Equal(rec.GroupsFirst, []string{"beneficiaires"}) ||
		rec.Rationale != "Les ménages la placent en tête ; la proximité pèse plus que le classement ne le dit." {
		t.Fatalf("recommendation %+v", rec)
	}
	var leads []string
	for _, iv := range rec.LeadsWhen {
		leads = append(leads, interval(iv))
	}
	want := []string{"c-masse never", "c-delai never", "c-faisabilite never", fmt.Sprintf("c-accueil %.6f–%.6f", 169.0/349, 1.0)}
	if !slices.Equal(leads, want) {
		t.Errorf("leads when %v, want %v", leads, want)
	}
}

func interval(iv Interval) string {
	if iv.From == nil {
		return iv.Criterion + " never"
	}
	return fmt.Sprintf("%s %.6f–%.6f", iv.Criterion, *iv.From, *iv.To)
}

// TestLeadIntervals on thresholdStudy (see sensitivity_test.go). Moving
// c1's weight to x: S(A) = x, S(B) = 0.75(1 − x), S(C) = 0.5x + 0.625(1 − x).
// A ≥ B from x = 3/7 and A ≥ C from 5/9: A leads on [5/9, 1]; C ≥ A up to
// 5/9 and C ≥ B from 0.2: C on [0.2, 5/9]; B ≥ C up to 0.2 and B ≥ A up to
// 3/7: B on [0, 0.2].
// Moving c2's: S(A) = (2/3)(1 − x), S(B) = x + (1 − x)/6, S(C) = 0.25x +
// (2/3)(1 − x). A ≥ C only at x = 0, a tie: no lead; B ≥ A from 1/3, B ≥ C
// from 0.4: B on [0.4, 1]; C on [0, 0.4].
// Moving c3's: S(A) = (2/3)(1 − x), S(B) = 0.5x + (1 − x)/3, S(C) = x +
// (5/12)(1 − x). A ≥ C up to 0.2, A ≥ B up to 0.4: A on [0, 0.2]; B ≥ C
// never; C ≥ A from 0.2, C ≥ B always: C on [0.2, 1].
func TestLeadIntervals(t *testing.T) {
	study, figs := thresholdStudy()
	r := Rank(study, figs)
	for _, tc := range []struct {
		scenario string
		want     []string
	}{
		{"a", []string{"c1 0.555556–1.000000", "c2 never", "c3 0.000000–0.200000"}}, // c2: a tie at 0 only
		{"b", []string{"c1 0.000000–0.200000", "c2 0.400000–1.000000", "c3 never"}},
		{"c", []string{"c1 0.200000–0.555556", "c2 0.000000–0.400000", "c3 0.200000–1.000000"}},
	} {
		var got []string
		for _, iv := range r.LeadIntervals(tc.scenario) {
			got = append(got, interval(iv))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s leads when %v, want %v", tc.scenario, got, tc.want)
		}
	}
	if got := r.LeadIntervals("zz"); len(got) != 0 {
		t.Errorf("an option not compared leads when %v", got)
	}
}

// TestRankReversal: with min–max scales, removing an option reorders the
// others; on fixed scales with the same ends, nothing moves. Two criteria of
// equal weight, more is better:
//
//	x: A 0, B 6, C 10 → 0, 0.6, 1;   y: A 10, B 5, C 0 → 1, 0.5, 0
//	A 0.5, B 0.55, C 0.5: B first, A and C tied.
//
// Without A, x spans 6–10 and y 0–5: B 0.5, C 0.5, a tie where B led. Without
// C, x spans 0–6 and y 5–10: A 0.5, B 0.5, again a tie. Without B, A and C
// stay tied. On the fixed scales 0–10, the values do not depend on who is
// compared: no removal reorders.
func TestRankReversal(t *testing.T) {
	figs := []Figures{{Scenario: "a", Headcount: 0, Offices: 10}, {Scenario: "b", Headcount: 6, Offices: 5}, {Scenario: "c", Headcount: 10, Offices: 0}}
	study := &model.Study{Criteria: []*model.Criterion{
		{ID: "x", Metric: "headcount", Direction: "max"}, {ID: "y", Metric: "offices"},
	}}
	r := Rank(study, figs)
	checkRanks(t, "min–max", r.Combined.Ranks, []wantRank{{"b", 1, 0.55}, {"a", 2, 0.5}, {"c", 2, 0.5}})
	got := map[string][]Pair{}
	for _, m := range r.Reversal.Removals {
		got[m.Removed] = m.Reordered
	}
	if !r.Reversal.Reorders || !slices.Equal(r.Reversal.OptionScales, []string{"x", "y"}) ||
		!slices.Equal(got["a"], []Pair{{"b", "c"}}) || len(got["b"]) != 0 || !slices.Equal(got["c"], []Pair{{"b", "a"}}) {
		t.Errorf("reversal %+v", r.Reversal)
	}
	study.Criteria[0].Scale = &model.Scale{Worst: 0, Best: 10}
	study.Criteria[1].Scale = &model.Scale{Worst: 0, Best: 10}
	r = Rank(study, figs)
	checkRanks(t, "fixed", r.Combined.Ranks, []wantRank{{"b", 1, 0.55}, {"a", 2, 0.5}, {"c", 2, 0.5}})
	if r.Reversal.Reorders || len(r.Reversal.OptionScales) != 0 || len(r.Reversal.Removals) != 3 {
		t.Errorf("fixed scales: reversal %+v", r.Reversal)
	}
	// Two options: nothing to remove.
	if r = Rank(study, figs[:2]); r.Reversal == nil || len(r.Reversal.Removals) != 0 {
		t.Errorf("two options: reversal %+v", r.Reversal)
	}
}

// TestFixedScalesNeverReverse is the property of fixed scales: on random
// studies (seeded) where every criterion is scored or has a declared scale,
// and no value is missing, removing any one option never reorders the
// others, whatever the weights and the groups.
func TestFixedScalesNeverReverse(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 4))
	metrics := []string{"payroll", "headcount", "service-points", "transition-months", "capacity-gap"}
	for trial := range 300 {
		n := 3 + rng.IntN(5)
		figs := make([]Figures, n)
		for i := range figs {
			months, share := float64(rng.IntN(48)), rng.Float64()*0.3
			figs[i] = Figures{Scenario: fmt.Sprintf("o%d", i), Payroll: rng.Float64() * 1e8, Headcount: rng.IntN(1000),
				ServicePoints: rng.IntN(2000), TransitionMonths: &months, CapacityGapShare: &share}
		}
		groups := []string{"g1", "g2", "g3"}[:1+rng.IntN(3)]
		study := &model.Study{}
		for _, g := range groups {
			study.Stakeholders = append(study.Stakeholders, &model.Stakeholder{ID: "s-" + g, Group: g})
		}
		for ci := range 2 + rng.IntN(5) {
			c := &model.Criterion{ID: fmt.Sprintf("c%d", ci), Weights: map[string]float64{}}
			for _, g := range groups {
				if rng.IntN(4) > 0 {
					c.Weights[g] = float64(rng.IntN(5))
				}
			}
			if rng.IntN(2) == 0 {
				c.Scored = true
				for _, f := range figs {
					for range 1 + rng.IntN(3) {
						sc := &model.Score{Criterion: c.ID, Scenario: f.Scenario, Value: float64(1 + rng.IntN(5))}
						if rng.IntN(3) == 0 {
							sc.Group = groups[rng.IntN(len(groups))]
						}
						study.Scores = append(study.Scores, sc)
					}
				}
				// Every scenario has a score without a group: no value is missing.
				for _, f := range figs {
					study.Scores = append(study.Scores, &model.Score{Criterion: c.ID, Scenario: f.Scenario, Value: float64(1 + rng.IntN(5))})
				}
			} else {
				c.Metric = metrics[rng.IntN(len(metrics))]
				lo, hi := 0.0, map[string]float64{"payroll": 1e8, "headcount": 1000, "service-points": 2000, "transition-months": 48, "capacity-gap": 0.3}[c.Metric]
				hi *= 0.5 + rng.Float64() // values beyond the scale are clamped
				if rng.IntN(2) == 0 {
					lo, hi = hi, lo
				}
				c.Scale = &model.Scale{Worst: lo, Best: hi}
			}
			study.Criteria = append(study.Criteria, c)
		}
		r := Rank(study, figs)
		if r.Reversal == nil {
			continue // no weight at all: no ranking
		}
		if r.Reversal.Reorders || len(r.Reversal.OptionScales) != 0 {
			t.Fatalf("trial %d: fixed scales reorder: %+v\nranking %+v", trial, r.Reversal, r.Combined.Ranks)
		}
	}
}

func TestRecommended(t *testing.T) {
	opts := []Option{{ID: "option-a", Title: "Option A"}, {ID: "option-ab", Title: "Option A bis"}, {ID: "b", Title: "Agence hybride"}}
	for _, tc := range []struct{ text, want string }{
		{"Retenir l'**option A bis** plutôt que l'option A.", "option-ab"},
		{"Retenir l'option A, pas l'agence hybride.", "option-a"},
		{"L'équipe recommande `b`.", "b"},
		{"Retenir l'AGENCE HYBRIDE.", "b"},
		{"Retenir option-abc.", ""},                    // no id inside a longer word
		{"Retenir l\u2019option A.", "option-a"},       // typographic apostrophe
		{"Retenir l\u2019option A bis.", "option-ab"},  // the longer name still wins
		{"Retenir «\u00a0Agence hybride\u00a0».", "b"}, // no-break spaces inside « »
		{"Retenir l\u2019agence hybride\u202f!", "b"},  // narrow no-break space
		{"Retenir l\u2019éoption A.", ""},              // an accented letter is part of the word
		{"Aucune préférence.", ""},
	} {
		got := ""
		if i := Recommended(tc.text, opts); i >= 0 {
			got = opts[i].ID
		}
		if got != tc.want {
			t.Errorf("Recommended(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
