package risk

import (
	"fmt"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// national resolves the synthetic national scenario of n communes and its analysis.
func national(b *testing.B, n int) (*model.Resolved, *analysis.Analysis) {
	b.Helper()
	l := &model.Loader{Files: synth.Files(n)}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		b.Fatal(err, ds)
	}
	return r, analysis.Analyze(r, analysis.Options{})
}

// BenchmarkAssess scores the register (300 triangular risks) and runs every
// rule over the national scenario (1,503 communes) and ten times that; the
// analysis is computed once, outside the loop.
func BenchmarkAssess(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		r, a := national(b, n)
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Assess(r, a, Options{})
			}
		})
	}
}

// BenchmarkSimulate draws 10,000 years of the 300 register risks of the
// national scenario and of ten times that (the register does not grow with
// the communes, so neither should the time), on GOMAXPROCS workers.
func BenchmarkSimulate(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		r, a := national(b, n)
		as, _ := Assess(r, a, Options{})
		cal, _ := Calibrate(r, nil)
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Simulate(as, cal, SimOptions{Draws: 10_000, Seed: 1})
			}
		})
	}
}
