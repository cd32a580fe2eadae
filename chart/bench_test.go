package chart

import (
	"fmt"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

type synthFiles = synth.FS

// BenchmarkCharts draws every view of the synthetic scenario at national
// scale (1,503 communes) and ten times that: dot builds the DOT text (the
// analysis computed beforehand); svg-cache=off lays every chart out with
// go-graphviz; svg-cache=warm takes every layout from the SVG cache.
func BenchmarkCharts(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		l := &model.Loader{Files: synthFiles(synth.Files(n)), MaxSize: 256 << 20}
		r, ds, err := l.Scenario("scenario.yaml")
		if err != nil || ds.HasErrors() {
			b.Fatal(err, ds)
		}
		a := analysis.Analyze(r, analysis.Options{})
		cs, err := Build(r, a, Views, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("communes=%d/dot", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(r, a, Views, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, cache := range []string{"off", "warm"} {
			b.Run(fmt.Sprintf("communes=%d/svg-cache=%s", n, cache), func(b *testing.B) {
				if cache == "off" {
					b.Setenv(CacheEnv, "off")
				} else {
					b.Setenv(CacheEnv, b.TempDir())
					svgAll(b, cs)
				}
				b.ReportAllocs()
				for b.Loop() {
					svgAll(b, cs)
				}
			})
		}
	}
}

func svgAll(b *testing.B, cs []*Chart) {
	for _, c := range cs {
		if _, err := SVG(c.DOT); err != nil {
			b.Fatal(err)
		}
	}
}
