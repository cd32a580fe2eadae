package compare

import (
	"math"
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// Reversal says whether the combined ranking depends on which options are
// compared: the criteria counted whose scale is min–max over the options,
// and, for each option, whether ranking the others without it, by the same
// method, changes their order.
type Reversal struct {
	// OptionScales are the criteria counted in the combined ranking whose
	// scale depends on the options compared (ScaleOptions), in the study's
	// order.
	OptionScales []string  `json:"optionScales"`
	Removals     []Removal `json:"removals"` // one per option, in the set's order; none with fewer than three options
	Reorders     bool      `json:"reorders"` // some removal reorders the others
}

// Removal is the ranking of the other options when one is removed.
type Removal struct {
	Removed   string `json:"removed"`
	Reordered []Pair `json:"reordered"` // the pairs of other options whose order changes
}

// Pair is two options whose order changes: Ahead is ahead of Behind in the
// full ranking (or tied with it and first in the set's order); without the
// removed option, Behind is ahead, or they tie, or a tie is broken.
type Pair struct {
	Ahead  string `json:"ahead"`
	Behind string `json:"behind"`
}

// reversal ranks the options again without each of them in turn (with three
// options or more) and records the pairs of the others whose order changes.
func (r *Ranking) reversal(study *model.Study, figs []Figures) {
	if len(r.Combined.Ranks) == 0 {
		return
	}
	rv := &Reversal{OptionScales: []string{}, Removals: []Removal{}}
	for i, c := range r.Criteria {
		if c.Scale == ScaleOptions && c.Weight > 0 {
			rv.OptionScales = append(rv.OptionScales, study.Criteria[i].ID)
		}
	}
	r.Reversal = rv
	if len(figs) < 3 {
		return
	}
	full := scores(r.Combined.Ranks)
	for i := range figs {
		rest := slices.Delete(slices.Clone(figs), i, i+1)
		sub := rank(study, rest)
		m := Removal{Removed: figs[i].Scenario, Reordered: []Pair{}}
		if len(sub.Combined.Ranks) == 0 { // the others have no ranking at all
			rv.Removals = append(rv.Removals, m)
			continue
		}
		without := scores(sub.Combined.Ranks)
		for _, a := range r.Combined.Ranks {
			for _, b := range r.Combined.Ranks {
				if a.Scenario == figs[i].Scenario || b.Scenario == figs[i].Scenario || !before(r.Combined.Ranks, a.Scenario, b.Scenario) {
					continue
				}
				if order3(full[a.Scenario], full[b.Scenario]) != order3(without[a.Scenario], without[b.Scenario]) {
					m.Reordered = append(m.Reordered, Pair{Ahead: a.Scenario, Behind: b.Scenario})
				}
			}
		}
		rv.Reorders = rv.Reorders || len(m.Reordered) > 0
		rv.Removals = append(rv.Removals, m)
	}
}

func scores(ranks []Place) map[string]float64 {
	out := make(map[string]float64, len(ranks))
	for _, p := range ranks {
		out[p.Scenario] = p.Score
	}
	return out
}

// before reports whether a comes before b in a ranking's order.
func before(ranks []Place, a, b string) bool {
	return slices.IndexFunc(ranks, func(p Place) bool { return p.Scenario == a }) <
		slices.IndexFunc(ranks, func(p Place) bool { return p.Scenario == b })
}

// order3 compares two scores: 1 when the first is ahead, −1 behind, 0 tied
// (within tieTolerance).
func order3(a, b float64) int {
	switch {
	case math.Abs(a-b) <= tieTolerance:
		return 0
	case a > b:
		return 1
	}
	return -1
}
