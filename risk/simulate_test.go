package risk

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestTriangular: sampling inverts the CDF, and expect is exact for a
// function linear between whole levels.
func TestTriangular(t *testing.T) {
	d := tri{1, 2, 5}
	if got := d.expect(func(x float64) float64 { return x }); math.Abs(got-8.0/3) > 1e-12 {
		t.Errorf("E[X] = %v, want 8/3", got)
	}
	if got := d.expect(func(float64) float64 { return 1 }); math.Abs(got-1) > 1e-12 {
		t.Errorf("the density integrates to %v", got)
	}
	for u, want := range map[float64]float64{0: 1, 0.25: 2, 1: 5} { // F(2) = 1/4
		if got := d.sample(u); math.Abs(got-want) > 1e-12 {
			t.Errorf("sample(%v) = %v, want %v", u, got, want)
		}
	}
	if got := (tri{3, 3, 3}).sample(0.9); got != 3 {
		t.Errorf("a plain level samples %v", got)
	}
	// E[p(L)] for L ~ tri(2, 3, 5) and the default probabilities (slopes 0.20,
	// 0.30, 0.25 from level 2), by hand: 0.35 + 0.30·E[(L−3)+] − 0.20·E[(3−L)+]
	// − 0.05·E[(L−4)+] = 0.35 + 0.30·4/9 − 0.20/9 − 0.05/18.
	sc := newScale(DefaultCalibration())
	got := tri{2, 3, 5}.expect(func(x float64) float64 { return at(&sc.prob, x) })
	if want := 0.35 + 0.30*4/9 - 0.20/9 - 0.05/18; math.Abs(got-want) > 1e-12 {
		t.Errorf("E[p] = %v, want %v", got, want)
	}
}

// TestInterpolation: probabilities and costs between whole levels.
func TestInterpolation(t *testing.T) {
	p := [5]float64{0.1, 0.2, 0.4, 0.8, 1}
	for x, want := range map[float64]float64{1: 0.1, 2.5: 0.3, 4.25: 0.85, 5: 1} {
		if got := at(&p, x); math.Abs(got-want) > 1e-12 {
			t.Errorf("at(%v) = %v, want %v", x, got, want)
		}
	}
}

func oneRisk(l, i model.Level, ms ...Mitigation) *Assessment {
	return &Assessment{Risks: []Item{{ID: "r", Origin: OriginRegister, Likelihood: l, Impact: i, Mitigations: ms}}}
}

// TestSimulationAgreesWithExpectation: with many draws the mean loss comes
// close to the analytic expected loss, before and after mitigations.
func TestSimulationAgreesWithExpectation(t *testing.T) {
	a := oneRisk(model.Level{Low: 2, Likely: 3, High: 5, Triangular: true}, model.Level{Low: 3, Likely: 4, High: 5, Triangular: true},
		Mitigation{ID: "m", Reduces: "likelihood", By: 1, Cost: 1e6})
	s := Simulate(a, DefaultCalibration(), SimOptions{Draws: 200_000, Seed: 1})
	r := s.Risks[0]
	for _, c := range []struct {
		what             string
		mean, analytical float64
	}{{"inherent", s.Inherent.ExpectedAnnualLoss, r.ExpectedLoss}, {"residual", s.Residual.ExpectedAnnualLoss, r.ResidualExpectedLoss}} {
		if math.Abs(c.mean-c.analytical)/c.analytical > 0.02 {
			t.Errorf("%s: simulated mean %v, analytic %v", c.what, c.mean, c.analytical)
		}
	}
	if s.Residual.P90 > s.Inherent.P90 || s.Residual.P50 > s.Inherent.P50 {
		t.Errorf("mitigations raised the percentiles: %+v / %+v", s.Inherent, s.Residual)
	}
	m := s.Mitigations[0]
	if m.LossRemoved != r.ExpectedLoss-r.ResidualExpectedLoss || *m.PerUnitCost != significant(m.LossRemoved/1e6, 4) {
		t.Errorf("mitigation value %+v against %+v", m, r)
	}
}

// TestResidualNeverAboveInherent: before and after share their draws, so
// no year costs more after the mitigations.
func TestResidualNeverAboveInherent(t *testing.T) {
	a := option(t, "fr", 0)
	sc := newScale(DefaultCalibration())
	var risks []simRisk
	for _, it := range a.Risks {
		dl, di := levelsOff(it.Mitigations)
		risks = append(risks, simRisk{id: it.ID, inh: sc.side(it.Likelihood, it.Impact, 0, 0), res: sc.side(it.Likelihood, it.Impact, dl, di)})
	}
	inh, res := make([]float64, ChunkSize), make([]float64, ChunkSize)
	drawChunk(sc, risks, 3, 0, inh, res, make([]rand.PCG, ChunkSize))
	for d := range inh {
		if res[d] > inh[d]+1e-6 {
			t.Fatalf("draw %d: residual %v > inherent %v", d, res[d], inh[d])
		}
	}
}

// TestTailShares: shares of the tail sum to one; more workers change nothing.
func TestTailShares(t *testing.T) {
	a := option(t, "fr", 0)
	cal := DefaultCalibration()
	one := Simulate(a, cal, SimOptions{Draws: 3*ChunkSize + 17, Seed: 11, Workers: 1})
	seven := Simulate(a, cal, SimOptions{Draws: 3*ChunkSize + 17, Seed: 11, Workers: 7})
	if !reflect.DeepEqual(one, seven) {
		t.Fatal("1 and 7 workers differ")
	}
	sum := 0.0
	for _, r := range one.Risks {
		sum += r.TailShare
	}
	if math.Abs(sum-1) > 0.001 {
		t.Errorf("tail shares sum to %v", sum)
	}
	other := Simulate(a, cal, SimOptions{Draws: 3*ChunkSize + 17, Seed: 12})
	if reflect.DeepEqual(one.Inherent, other.Inherent) {
		t.Error("another seed gives the same figures")
	}
}

// TestSimulationEdges: open findings are not simulated (only the register
// is), and no draws give no losses.
func TestSimulationEdges(t *testing.T) {
	a := &Assessment{Findings: []Finding{{ID: "critical-system-d", Rule: "critical-system", Status: Open, Indicative: NewScore(5, 5)}}}
	s := Simulate(a, DefaultCalibration(), SimOptions{Draws: 100, Seed: 1})
	if len(s.Risks) != 0 || s.Inherent.ExpectedAnnualLoss != 0 || s.Inherent.P90 != 0 {
		t.Errorf("an open finding was simulated: %+v", s)
	}
	s = Simulate(option(t, "fr", 0), DefaultCalibration(), SimOptions{Draws: 0})
	if s.Draws != 0 || s.Inherent != (Exposure{}) || len(s.Risks) != 5 { // the register, the accepted finding included
		t.Errorf("no draws: %+v", s)
	}
}
