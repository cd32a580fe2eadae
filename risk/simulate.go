package risk

import (
	"cmp"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/orgdesign/orgdesign/model"
)

// ChunkSize is the number of draws one random stream produces. The draws are
// cut into chunks of this size whatever the number of workers, each chunk
// with its own PCG seeded from (seed, chunk index), and the results are put
// back in chunk order before any sum or percentile: the same seed gives the
// same figures on one core or sixty-four.
const ChunkSize = 4096

// MaxDraws bounds a simulation (48 bytes per draw are kept: the totals
// before and after, and where the draw's random stream stood).
const MaxDraws = 1_000_000

// SimOptions tune a simulation.
type SimOptions struct {
	Draws   int    // number of simulated years
	Seed    uint64 // the same seed gives the same figures
	Workers int    // 0: GOMAXPROCS
}

// Simulation is the quantitative view of a register: simulated years of
// losses before mitigations (inherent) and after every listed mitigation
// (residual).
type Simulation struct {
	Draws       int               `json:"draws"`
	Seed        uint64            `json:"seed"`
	ChunkSize   int               `json:"chunkSize"`
	Calibration Calibration       `json:"calibration"`
	Inherent    Exposure          `json:"inherent"`
	Residual    Exposure          `json:"residual"`
	Risks       []RiskLoss        `json:"risks"`       // by share of the tail, largest first, then id
	Mitigations []MitigationValue `json:"mitigations"` // by loss removed per unit of cost, best first
}

// Exposure is the distribution of the total annual loss over the draws.
type Exposure struct {
	ExpectedAnnualLoss float64 `json:"expectedAnnualLoss"` // the mean over the draws
	P50                float64 `json:"p50"`
	P90                float64 `json:"p90"`
}

// RiskLoss is one register risk's part of the losses.
type RiskLoss struct {
	ID                   string  `json:"id"`
	ExpectedLoss         float64 `json:"expectedLoss"`         // analytic, before mitigations
	ResidualExpectedLoss float64 `json:"residualExpectedLoss"` // analytic, after every mitigation
	TailShare            float64 `json:"tailShare"`            // mean share of the loss in the draws at or above P90, before mitigations
}

// MitigationValue is a mitigation's cost effectiveness: the expected annual
// loss it removes alone from its risk's inherent loss (analytic expected
// values), per unit of its cost.
type MitigationValue struct {
	ID          string   `json:"id"`
	Risk        string   `json:"risk"`
	Cost        float64  `json:"cost"`
	LossRemoved float64  `json:"lossRemoved"`
	PerUnitCost *float64 `json:"perUnitCost"` // null when the mitigation has no cost
}

// tri is a triangular distribution on the level scale: low, mode, high.
type tri struct{ a, c, b float64 }

func triOf(l model.Level, minus int) tri {
	lo, mode, hi := l.Low, l.Likely, l.High
	if !l.Triangular {
		lo, hi = mode, mode
	}
	return tri{float64(clamp(lo - minus)), float64(clamp(mode - minus)), float64(clamp(hi - minus))}
}

// sample draws from the distribution by inverting its CDF at u in [0, 1).
func (t tri) sample(u float64) float64 {
	if t.a == t.b {
		return t.c
	}
	w := t.b - t.a
	if u < (t.c-t.a)/w {
		return t.a + math.Sqrt(u*w*(t.c-t.a))
	}
	return t.b - math.Sqrt((1-u)*w*(t.b-t.c))
}

// pdf is the distribution's density at x.
func (t tri) pdf(x float64) float64 {
	switch {
	case x < t.a || x > t.b:
		return 0
	case x < t.c:
		return 2 * (x - t.a) / ((t.b - t.a) * (t.c - t.a))
	case x == t.c:
		return 2 / (t.b - t.a)
	}
	return 2 * (t.b - x) / ((t.b - t.a) * (t.b - t.c))
}

// expect is E[g(X)] for X of the distribution, exactly for a g linear
// between whole levels: Simpson's rule on the pieces between the knots.
func (t tri) expect(g func(float64) float64) float64 {
	if t.a == t.b {
		return g(t.c)
	}
	knots := []float64{t.a, t.c, t.b}
	for k := math.Ceil(t.a); k < t.b; k++ {
		knots = append(knots, k)
	}
	slices.Sort(knots)
	knots = slices.Compact(knots)
	sum := 0.0
	for i := 1; i < len(knots); i++ {
		x0, x1 := knots[i-1], knots[i]
		m := (x0 + x1) / 2
		sum += float64((x1 - x0) / 6 * (float64(g(x0)*t.pdf(x0)) + float64(4*g(m)*t.pdf(m)) + float64(g(x1)*t.pdf(x1))))
	}
	return sum
}

// at interpolates a per-level figure at a continuous level in [1, 5].
func at(v *[5]float64, x float64) float64 {
	i := int(x)
	if i >= 5 {
		return v[4]
	}
	if i < 1 {
		return v[0]
	}
	f := x - float64(i)
	return v[i-1] + float64(f*(v[i]-v[i-1])) // no fused multiply-add: the same bytes on every CPU
}

// scale is a calibration in the form the draws use.
type scale struct {
	prob, low, high [5]float64
}

func newScale(c Calibration) *scale {
	s := &scale{prob: c.Likelihood}
	for i, r := range c.Impact {
		s.low[i], s.high[i] = r.Low, r.High
	}
	return s
}

// meanCost is the expected cost of an occurrence at impact level x: the
// middle of the range (the cost is drawn from a symmetric triangular
// distribution over it).
func (s *scale) meanCost(x float64) float64 { return (at(&s.low, x) + at(&s.high, x)) / 2 }

// side is a register risk before or after its mitigations, ready for the draws.
type side struct {
	l, i tri
	p    float64 // the probability when the likelihood is a plain level; -1 when it is drawn
}

func (s *scale) side(l, i model.Level, dl, di int) side {
	sd := side{l: triOf(l, dl), i: triOf(i, di), p: -1}
	if sd.l.a == sd.l.b {
		sd.p = at(&s.prob, sd.l.c)
	}
	return sd
}

// loss draws one risk's loss in one year from four uniforms.
func (s *scale) loss(sd *side, u1, u2, u3, u4 float64) float64 {
	p := sd.p
	if p < 0 {
		p = at(&s.prob, sd.l.sample(u1))
	}
	if u2 >= p {
		return 0
	}
	x := sd.i.sample(u3)
	lo, hi := at(&s.low, x), at(&s.high, x)
	return tri{lo, (lo + hi) / 2, hi}.sample(u4)
}

// expectedLoss is a risk's analytic expected annual loss.
func (s *scale) expectedLoss(l, i tri) float64 {
	return l.expect(func(x float64) float64 { return at(&s.prob, x) }) * i.expect(s.meanCost)
}

// levelsOff sums the levels mitigations take off the likelihood and the impact.
func levelsOff(ms []Mitigation) (likelihood, impact int) {
	for _, m := range ms {
		switch {
		case m.By <= 0:
		case m.Reduces == "likelihood":
			likelihood += m.By
		case m.Reduces == "impact":
			impact += m.By
		}
	}
	return likelihood, impact
}

// simRisk is a register risk prepared for the draws.
type simRisk struct {
	id       string
	inh, res side
}

// Simulate draws opts.Draws years of losses for the register risks of an
// assessment, the findings it accepts included (the open findings carry the
// rules' levels, not the user's estimates, and have no mitigations: they are
// not risks of the assessment). Each risk
// occurs in a year with the probability of its likelihood level (a
// triangular level is drawn on the continuous scale and the probability
// interpolated between whole levels); its cost is drawn in the range of its
// impact level, from a triangular distribution with its mode at the middle.
// Before and after mitigations share the same draws. P50 and P90 are
// nearest-rank percentiles of the total.
func Simulate(a *Assessment, cal Calibration, opts SimOptions) *Simulation {
	n := max(0, min(opts.Draws, MaxDraws))
	sim := &Simulation{Draws: n, Seed: opts.Seed, ChunkSize: ChunkSize, Calibration: cal, Risks: []RiskLoss{}, Mitigations: []MitigationValue{}}
	sc := newScale(cal)
	var risks []simRisk
	for _, it := range a.Risks {
		dl, di := levelsOff(it.Mitigations)
		risks = append(risks, simRisk{id: it.ID, inh: sc.side(it.Likelihood, it.Impact, 0, 0), res: sc.side(it.Likelihood, it.Impact, dl, di)})
		inherent := sc.expectedLoss(triOf(it.Likelihood, 0), triOf(it.Impact, 0))
		sim.Risks = append(sim.Risks, RiskLoss{ID: it.ID, ExpectedLoss: math.Round(inherent),
			ResidualExpectedLoss: math.Round(sc.expectedLoss(triOf(it.Likelihood, dl), triOf(it.Impact, di)))})
		for _, m := range it.Mitigations {
			ml, mi := levelsOff([]Mitigation{m})
			mv := MitigationValue{ID: m.ID, Risk: it.ID, Cost: m.Cost,
				LossRemoved: math.Round(inherent - sc.expectedLoss(triOf(it.Likelihood, ml), triOf(it.Impact, mi)))}
			if m.Cost > 0 {
				r := significant(mv.LossRemoved/m.Cost, 4)
				mv.PerUnitCost = &r
			}
			sim.Mitigations = append(sim.Mitigations, mv)
		}
	}
	slices.SortStableFunc(sim.Mitigations, func(x, y MitigationValue) int {
		switch {
		case x.PerUnitCost != nil && y.PerUnitCost != nil:
			if c := cmp.Compare(*y.PerUnitCost, *x.PerUnitCost); c != 0 {
				return c
			}
		case x.PerUnitCost != nil:
			return -1
		case y.PerUnitCost != nil:
			return 1
		}
		return cmp.Compare(x.ID, y.ID)
	})
	if n == 0 {
		return sim
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunks := (n + ChunkSize - 1) / ChunkSize
	inh := make([]float64, n)
	res := make([]float64, n)
	states := make([]rand.PCG, n)
	sums := make([][2]float64, chunks)
	part := func(c int) (int, int) { return c * ChunkSize, min(n, (c+1)*ChunkSize) }
	parallel(chunks, workers, func(c int) {
		lo, hi := part(c)
		sums[c] = drawChunk(sc, risks, opts.Seed, c, inh[lo:hi], res[lo:hi], states[lo:hi])
	})
	var sumInh, sumRes float64
	for _, s := range sums { // chunk order
		sumInh += s[0]
		sumRes += s[1]
	}
	p90 := exposure(&sim.Inherent, inh, sumInh)
	exposure(&sim.Residual, res, sumRes)
	// Second pass: the years at or above the inherent P90 drawn again from
	// where their stream stood, keeping each risk's share of the loss.
	shares := make([][]float64, chunks)
	tail := make([]int, chunks)
	parallel(chunks, workers, func(c int) {
		lo, hi := part(c)
		shares[c], tail[c] = tailChunk(sc, risks, inh[lo:hi], states[lo:hi], p90)
	})
	total := make([]float64, len(risks))
	years := 0
	for c := range chunks {
		years += tail[c]
		for k, v := range shares[c] {
			total[k] += v
		}
	}
	for k := range sim.Risks {
		if years > 0 {
			sim.Risks[k].TailShare = round(total[k]/float64(years), 4)
		}
	}
	slices.SortStableFunc(sim.Risks, func(x, y RiskLoss) int {
		return cmp.Or(cmp.Compare(y.TailShare, x.TailShare), cmp.Compare(y.ExpectedLoss, x.ExpectedLoss), cmp.Compare(x.ID, y.ID))
	})
	return sim
}

// parallel runs do for every chunk on a pool of workers.
func parallel(chunks, workers int, do func(c int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, chunks) {
		wg.Go(func() {
			for c := range next {
				do(c)
			}
		})
	}
	for c := range chunks {
		next <- c
	}
	close(next)
	wg.Wait()
}

// uniform draws a float64 in [0, 1) from a PCG stream, as rand.Float64 does,
// without the interface call.
func uniform(p *rand.PCG) float64 { return float64(p.Uint64()<<11>>11) / (1 << 53) }

// drawChunk fills one chunk's yearly totals before and after mitigations,
// and where its stream stood at the start of each year, and returns the
// sums of the totals. The chunk's stream is a PCG seeded with (seed, chunk).
func drawChunk(sc *scale, risks []simRisk, seed uint64, chunk int, inh, res []float64, states []rand.PCG) [2]float64 {
	pcg := rand.NewPCG(seed, uint64(chunk))
	var sum [2]float64
	for d := range inh {
		states[d] = *pcg
		var ti, tr float64
		for k := range risks {
			r := &risks[k]
			u1, u2, u3, u4 := uniform(pcg), uniform(pcg), uniform(pcg), uniform(pcg)
			ti += sc.loss(&r.inh, u1, u2, u3, u4)
			tr += sc.loss(&r.res, u1, u2, u3, u4)
		}
		inh[d], res[d] = ti, tr
		sum[0] += ti
		sum[1] += tr
	}
	return sum
}

// tailChunk draws again the years of one chunk at or above the threshold
// (years without loss aside) and sums each risk's share of their total.
func tailChunk(sc *scale, risks []simRisk, totals []float64, states []rand.PCG, threshold float64) ([]float64, int) {
	shares := make([]float64, len(risks))
	years := 0
	for d, total := range totals {
		if total < threshold || total <= 0 {
			continue
		}
		years++
		pcg := states[d]
		for k := range risks {
			u1, u2, u3, u4 := uniform(&pcg), uniform(&pcg), uniform(&pcg), uniform(&pcg)
			shares[k] += sc.loss(&risks[k].inh, u1, u2, u3, u4) / total
		}
	}
	return shares, years
}

// exposure sets the mean and percentiles of the totals (rounded to the unit
// of currency) and returns the exact P90.
func exposure(e *Exposure, totals []float64, sum float64) float64 {
	sorted := slices.Clone(totals)
	slices.Sort(sorted)
	rank := func(q float64) float64 { // nearest rank
		i := int(math.Ceil(q*float64(len(sorted)))) - 1
		return sorted[max(0, min(len(sorted)-1, i))]
	}
	e.ExpectedAnnualLoss = math.Round(sum / float64(len(totals)))
	e.P50 = math.Round(rank(0.5))
	p90 := rank(0.9)
	e.P90 = math.Round(p90)
	return p90
}
