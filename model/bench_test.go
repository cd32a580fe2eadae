package model

import (
	"fmt"
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
)

// BenchmarkParse parses the synthetic territory (the larger file) at national
// scale (1,503 communes) and ten times that.
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		data := synth.Files(n)["territory.yaml"]
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, ds := Parse("territory.yaml", data, 64<<20); ds.HasErrors() {
					b.Fatal(ds)
				}
			}
		})
	}
}

// BenchmarkValidate loads, resolves, expands and validates the synthetic
// scenario with its territory, as `orgdesign validate` does.
func BenchmarkValidate(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		files := synth.Files(n)
		b.Run(fmt.Sprintf("communes=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				l := &Loader{Files: files, MaxSize: 64 << 20}
				if _, ds, err := l.Scenario("scenario.yaml"); err != nil || ds.HasErrors() {
					b.Fatal(err, ds)
				}
			}
		})
	}
}
