package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

func updating() bool { return golden.Updating() }

func checkGolden(t *testing.T, name string, got []byte) { t.Helper(); golden.Check(t, name, got) }

// loadFixture loads the test study and its two scenarios.
func loadFixture(t *testing.T) (*model.Set, model.Diagnostics) {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	set, diags, err := l.LoadSet([]string{"testdata/study/study.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("the fixture has errors:\n%v", diags)
	}
	if len(set.Scenarios) != 2 || set.Baseline == nil {
		t.Fatalf("the fixture should give 2 scenarios and a baseline, got %d", len(set.Scenarios))
	}
	return set, diags
}

// fixtureBenchmarks are the two fixture countries of the benchmarks package
// and the embedded instruments: the golden pages do not change when the
// embedded country files do.
func fixtureBenchmarks(t *testing.T) *Benchmarks {
	t.Helper()
	countries, ds, err := benchmarks.Read(benchmarks.Group{Files: model.OSFiles{},
		Names: []string{"../benchmarks/testdata/xx.yaml", "../benchmarks/testdata/yy.yaml"}})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	ins, ds, err := benchmarks.Instruments()
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return &Benchmarks{Countries: countries, Instruments: ins}
}

func renderFixture(t *testing.T, lang string) []File {
	t.Helper()
	set, diags := loadFixture(t)
	r, err := BuildWith(set, diags, lang, BuildOptions{Benchmarks: fixtureBenchmarks(t), Simulate: 2000, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// inlineSVGRE matches a chart drawn inline in an HTML page. Its drawing is
// the chart package's to test (its DOT is golden there); the report's golden
// pages keep where each chart goes and its caption.
var inlineSVGRE = regexp.MustCompile(`(?s)<svg\b.*?</svg>`)

func TestGolden(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			files := renderFixture(t, lang)
			var names, charts []string
			for _, f := range files {
				if strings.HasPrefix(f.Name, "charts/") {
					charts = append(charts, f.Name)
					if !bytes.HasPrefix(f.Data, []byte("<?xml")) || !bytes.Contains(f.Data, []byte("</svg>")) {
						t.Errorf("%s is not an SVG file: %.80q", f.Name, f.Data)
					}
					continue
				}
				names = append(names, f.Name)
				data := f.Data
				if strings.HasSuffix(f.Name, ".html") {
					data = inlineSVGRE.ReplaceAll(data, []byte("<svg>…</svg>"))
				}
				checkGolden(t, lang+"/"+f.Name, data)
			}
			want := []string{"index.html", "index.md", "option-centrale.html", "option-centrale.md", "option-deconcentree.html", "option-deconcentree.md"}
			if !slices.Equal(names, want) {
				t.Errorf("files = %v, want %v", names, want)
			}
			wantCharts := []string{
				"charts/option-centrale-org.svg", "charts/option-centrale-territory.svg", "charts/option-centrale-ecosystem.svg",
				"charts/option-centrale-systems.svg", "charts/option-centrale-chain.svg", "charts/option-centrale-roadmap.svg",
				"charts/option-centrale-benchmark.svg", "charts/option-centrale-heatmap.svg",
				"charts/option-deconcentree-org.svg", "charts/option-deconcentree-territory.svg",
				"charts/option-deconcentree-territory-nord.svg", "charts/option-deconcentree-territory-sud.svg",
				"charts/option-deconcentree-ecosystem.svg", "charts/option-deconcentree-systems.svg",
				"charts/option-deconcentree-chain.svg", "charts/option-deconcentree-roadmap.svg",
				"charts/option-deconcentree-benchmark.svg", "charts/option-deconcentree-heatmap.svg",
			}
			if !slices.Equal(charts, wantCharts) {
				t.Errorf("charts = %v, want %v", charts, wantCharts)
			}
			if updating() {
				return
			}
			entries, err := os.ReadDir(filepath.Join("testdata", "golden", lang))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if !slices.Contains(names, e.Name()) {
					t.Errorf("golden file %s/%s is not produced any more: delete it", lang, e.Name())
				}
			}
		})
	}
}
