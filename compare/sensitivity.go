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

// linear is the combined ranking seen one criterion at a time: every
// scenario's score and each criterion's contribution, in the set's order.
// Moving a criterion's combined weight w to x, the others keeping their
// proportions, gives S_x(s) = x·a(s) + (1 − x)·b(s), where a is the
// criterion's normalised value (its contribution over w) and b the rest of
// the score rescaled to sum to 1.
type linear struct {
	score   []float64
	contrib map[string][]float64 // criterion -> per scenario
	idx     map[string]int
}

func (r *Ranking) linear() linear {
	n := len(r.Scenarios)
	l := linear{score: make([]float64, n), contrib: map[string][]float64{}, idx: map[string]int{}}
	for i, id := range r.Scenarios {
		l.idx[id] = i
	}
	for _, rk := range r.Combined.Ranks {
		s := l.idx[rk.Scenario]
		l.score[s] = rk.Score
		for _, c := range rk.Contributions {
			if l.contrib[c.Criterion] == nil {
				l.contrib[c.Criterion] = make([]float64, n)
			}
			l.contrib[c.Criterion][s] = c.Value
		}
	}
	return l
}

// ab returns a(s) and b(s) for a criterion of combined weight w < 1.
func (l linear) ab(criterion string, w float64, s int) (a, b float64) {
	c := l.contrib[criterion][s]
	return c / w, (l.score[s] - c) / (1 - w)
}

// thresholds finds, for each criterion of the combined ranking, the nearest
// weights below and above its own at which another scenario catches up with
// the leader, the other weights keeping their proportions.
func (r *Ranking) thresholds() []Threshold {
	out := []Threshold{}
	n := len(r.Scenarios)
	l := r.linear()
	t := l.idx[r.Combined.Leader()]
	for _, w := range r.Combined.Weights {
		th := Threshold{Criterion: w.Criterion, Weight: w.Share}
		if w.Share < 1-tieTolerance {
			at, bt := l.ab(w.Criterion, w.Share, t)
			for s := range n {
				if s == t {
					continue
				}
				as, bs := l.ab(w.Criterion, w.Share, s)
				gap := min(l.score[s]-l.score[t], 0) // f(w) ≤ 0: the leader leads
				slope := (as - at) - (bs - bt)
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

// Interval is the range of one criterion's combined weight over which a
// scenario leads the combined ranking (scores at least as much as every
// other; at an end it ties), the other criteria's weights keeping their
// proportions. A range reduced to one weight, where the scenario only ties
// the leader, is no lead.
type Interval struct {
	Criterion string   `json:"criterion"`
	Weight    float64  `json:"weight"` // its combined weight now, 0–1
	From      *float64 `json:"from"`   // nil (with To) when no weight makes the scenario lead
	To        *float64 `json:"to"`
}

// LeadIntervals returns, for each criterion counted in the combined ranking
// (in its order), the interval of its combined weight over which a scenario
// leads. With S_x(s) = x·a(s) + (1 − x)·b(s) (see linear), the scenario t
// leads at x when, for every other s, d_s(x) = S_x(t) − S_x(s) ≥ 0; each
// d_s is linear in x, so the set is an interval of [0, 1], found exactly.
func (r *Ranking) LeadIntervals(scenario string) []Interval {
	out := []Interval{}
	l := r.linear()
	t, ok := l.idx[scenario]
	if !ok || len(r.Combined.Ranks) == 0 {
		return out
	}
	for _, w := range r.Combined.Weights {
		iv := Interval{Criterion: w.Criterion, Weight: w.Share}
		lo, hi := 0.0, 1.0
		if w.Share >= 1-tieTolerance { // the only criterion: its weight cannot move
			lo = w.Share
			for s := range r.Scenarios {
				if l.score[s] > l.score[t]+tieTolerance {
					lo = 2 // never leads
				}
			}
		} else {
			at, bt := l.ab(w.Criterion, w.Share, t)
			for s := range r.Scenarios {
				if s == t {
					continue
				}
				as, bs := l.ab(w.Criterion, w.Share, s)
				d0 := bt - bs            // d_s(0)
				k := (at - as) - d0      // d_s(1) − d_s(0)
				if math.Abs(k) < 1e-12 { // parallel: always ahead or always behind
					if d0 < -tieTolerance {
						lo = 2
					}
					continue
				}
				x := -d0 / k
				if k > 0 {
					lo = max(lo, x)
				} else {
					hi = min(hi, x)
				}
			}
		}
		if lo < hi-tieTolerance && lo <= 1 || w.Share >= 1-tieTolerance && lo <= hi { // a single point is a tie, not a lead
			from, to := min(max(lo, 0), 1), min(max(hi, 0), 1)
			iv.From, iv.To = &from, &to
		}
		out = append(out, iv)
	}
	return out
}
