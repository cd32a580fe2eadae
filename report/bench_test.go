package report

import (
	"fmt"
	"testing"

	"github.com/orgdesign/orgdesign/chart"
	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// BenchmarkReport loads the synthetic scenario at national scale (1,503
// communes) and ten times that, builds the report and renders it (HTML,
// Markdown and the charts as SVG): what `orgdesign report` does, short of writing
// the folder. With svg-cache=off every chart is laid out; with
// svg-cache=warm every layout comes from the SVG cache, filled before the
// timer starts, as when a report is regenerated with unchanged charts.
func BenchmarkReport(b *testing.B) {
	for _, n := range []int{synth.National, synth.TenTimes} {
		files := synth.Files(n)
		for _, cache := range []string{"off", "warm"} {
			b.Run(fmt.Sprintf("communes=%d/svg-cache=%s", n, cache), func(b *testing.B) {
				if cache == "off" {
					b.Setenv(chart.CacheEnv, "off")
				} else {
					b.Setenv(chart.CacheEnv, b.TempDir())
					report(b, files)
				}
				b.ReportAllocs()
				for b.Loop() {
					report(b, files)
				}
			})
		}
	}
}

// report does the work of `orgdesign report` on a scenario, short of writing.
func report(b *testing.B, files synth.FS) {
	l := &model.Loader{Files: files, MaxSize: 256 << 20}
	set, ds, err := l.LoadSet([]string{"scenario.yaml"})
	if err != nil || ds.HasErrors() {
		b.Fatal(err, ds)
	}
	r, err := Build(set, ds, "fr")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Render(r, Options{}); err != nil {
		b.Fatal(err)
	}
}
