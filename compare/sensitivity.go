package compare

import (
	"math"
	"math/rand/v2"
)

// The perturbation factors' range: each weight is multiplied by a factor
// drawn uniformly in [FactorLow, FactorHigh].
const (
	FactorLow  = 0.5
	FactorHigh = 1.5
)

// seedStream is the PCG generator's second word: the seed is the first.
const seedStream = 0x6f72676465736967 // "orgdesig"

// Sensitivity says how the combined ranking holds when the weights move.
type Sensitivity struct {
	Leader     string       `json:"leader"` // first in the combined ranking
	Seed       uint64       `json:"seed"`
	Draws      int          `json:"draws"`
	FactorLow  float64      `json:"factorLow"`
	FactorHigh float64      `json:"factorHigh"`
	First      []FirstCount `json:"first"`      // in the set's order; empty without draws
	Thresholds []Threshold  `json:"thresholds"` // the criteria counted in the combined ranking, in the study's order
}

// FirstCount is how often a scenario came first over the draws.
type FirstCount struct {
	Scenario string  `json:"scenario"`
	Count    int     `json:"count"`
	Share    float64 `json:"share"` // Count / Draws
}

// Threshold is how far one criterion's combined weight can move before the
// leader changes.
type Threshold struct {
	Criterion string  `json:"criterion"`
	Weight    float64 `json:"weight"` // its combined weight now, 0–1
	Down      *Shift  `json:"down"`   // nil: no lower weight changes the leader
	Up        *Shift  `json:"up"`     // nil: no higher weight changes the leader
	Robust    bool    `json:"robust"` // neither
}

// Shift is a weight beyond which another scenario leads.
type Shift struct {
	Weight float64 `json:"weight"` // the criterion's weight where the new leader catches up, 0–1
	Change float64 `json:"change"` // Weight minus the current weight: negative down, positive up
	Leader string  `json:"leader"` // the scenario that leads beyond it
}

// Smallest returns the shift of the smallest change, or nil when robust.
func (t *Threshold) Smallest() *Shift {
	switch {
	case t.Down == nil:
		return t.Up
	case t.Up == nil || -t.Down.Change <= t.Up.Change:
		return t.Down
	}
	return t.Up
}

// Sensitize measures the sensitivity of a ranking's combined result: draws
// seeded perturbations of the weights (none when draws ≤ 0) and the weight
// thresholds of each criterion. It returns nil when there is no combined
// ranking.
func Sensitize(r *Ranking, seed uint64, draws int) *Sensitivity {
	if r == nil || len(r.Combined.Ranks) == 0 {
		return nil
	}
	s := &Sensitivity{Leader: r.Combined.Leader(), Seed: seed, Draws: max(draws, 0), FactorLow: FactorLow, FactorHigh: FactorHigh,
		First: []FirstCount{}, Thresholds: []Threshold{}}
	if draws > 0 {
		counts := r.perturb(seed, draws)
		for i, id := range r.Scenarios {
			s.First = append(s.First, FirstCount{Scenario: id, Count: counts[i], Share: float64(counts[i]) / float64(draws)})
		}
	}
	s.Thresholds = r.thresholds()
	return s
}

// perturb counts, over the draws, how often each scenario leads the combined
// ranking when every raw weight is multiplied by a random factor.
func (r *Ranking) perturb(seed uint64, draws int) []int {
	rng := rand.New(rand.NewPCG(seed, seedStream))
	n := len(r.Scenarios)
	counts := make([]int, n)
	combined := make([]float64, n)
	group := make([]float64, n)
	ng := float64(len(r.raw))
	for range draws {
		clear(combined)
		for gi, raw := range r.raw {
			clear(group)
			total := 0.0
			for ci, w := range raw {
				if w == 0 {
					continue
				}
				w *= FactorLow + (FactorHigh-FactorLow)*rng.Float64()
				total += w
				for s := range n {
					group[s] += w * r.norm[gi][ci][s]
				}
			}
			for s := range n {
				combined[s] += group[s] / total / ng
			}
		}
		best := 0
		for s := 1; s < n; s++ {
			if combined[s] > combined[best]+tieTolerance {
				best = s
			}
		}
		counts[best]++
	}
	return counts
}

// thresholds finds, for each criterion of the combined ranking, the nearest
// weights below and above its own at which another scenario catches up with
// the leader, the other weights keeping their proportions.
func (r *Ranking) thresholds() []Threshold {
	out := []Threshold{}
	n := len(r.Scenarios)
	score := make([]float64, n)
	contrib := map[string][]float64{} // criterion -> per scenario, in the set's order
	idx := map[string]int{}
	for i, id := range r.Scenarios {
		idx[id] = i
	}
	for _, rk := range r.Combined.Ranks {
		s := idx[rk.Scenario]
		score[s] = rk.Score
		for _, c := range rk.Contributions {
			if contrib[c.Criterion] == nil {
				contrib[c.Criterion] = make([]float64, n)
			}
			contrib[c.Criterion][s] = c.Value
		}
	}
	t := idx[r.Combined.Leader()]
	for _, w := range r.Combined.Weights {
		th := Threshold{Criterion: w.Criterion, Weight: w.Share}
		if w.Share < 1-tieTolerance {
			// S_x(s) = x·a(s) + (1−x)·b(s): a is the criterion's normalised value
			// (its contribution over its weight), b the rest rescaled to sum to 1.
			a := func(s int) float64 { return contrib[w.Criterion][s] / w.Share }
			b := func(s int) float64 { return (score[s] - contrib[w.Criterion][s]) / (1 - w.Share) }
			for s := range n {
				if s == t {
					continue
				}
				gap := min(score[s]-score[t], 0) // f(w) ≤ 0: the leader leads
				slope := (a(s) - a(t)) - (b(s) - b(t))
				if math.Abs(slope) < 1e-12 {
					continue
				}
				x := w.Share - gap/slope // a catch-up at 0 or 1 exactly is a tie the leader keeps
				switch {
				case slope > 0 && x < 1-tieTolerance && (th.Up == nil || x < th.Up.Weight):
					th.Up = &Shift{Weight: x, Change: x - w.Share, Leader: r.Scenarios[s]}
				case slope < 0 && x > tieTolerance && (th.Down == nil || x > th.Down.Weight):
					th.Down = &Shift{Weight: x, Change: x - w.Share, Leader: r.Scenarios[s]}
				}
			}
		}
		th.Robust = th.Up == nil && th.Down == nil
		out = append(out, th)
	}
	return out
}
