package risk

import (
	"bytes"
	"encoding/json"
	"regexp"
	"runtime"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
)

// option assesses the golden fixture, with a simulation when draws > 0.
func option(t *testing.T, lang string, draws int) *Assessment {
	t.Helper()
	r := loadFile(t, "option.yaml")
	a, ds := Assess(r, nil, Options{Lang: lang})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if draws > 0 {
		cal, ds := Calibrate(r, nil)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		a.Simulation = Simulate(a, cal, SimOptions{Draws: draws, Seed: 7})
	}
	return a
}

func toJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRegisterGolden is the whole register of the fixture, as JSON.
func TestRegisterGolden(t *testing.T) {
	golden.Check(t, "register-option.json", toJSON(t, option(t, "fr", 0)))
}

// TestOutputsGolden: text and Markdown in both languages, with a simulation.
func TestOutputsGolden(t *testing.T) {
	for _, lang := range Languages {
		a := option(t, lang, 5000)
		var b bytes.Buffer
		if err := WriteText(&b, []*Assessment{a}, lang); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "option-"+lang+".txt", b.Bytes())
		md, err := Markdown([]*Assessment{a}, lang)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "option-"+lang+".md", md)
	}
}

// TestSimulationGolden: the seeded simulation gives the same bytes on one
// core and on four (the chunks' streams do not depend on the workers).
func TestSimulationGolden(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var outs [][]byte
	for _, procs := range []int{1, 4} {
		runtime.GOMAXPROCS(procs)
		a := option(t, "fr", 2*ChunkSize+1000) // two whole chunks and a partial one
		outs = append(outs, toJSON(t, a.Simulation))
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatalf("GOMAXPROCS 1 and 4 differ:\n%s", golden.FirstDiff(outs[0], outs[1]))
	}
	golden.Check(t, "simulation-option.json", outs[0])
}

func TestHeatmapGolden(t *testing.T) {
	golden.Check(t, "heatmap-option.svg", HeatmapSVG(option(t, "fr", 0).Matrix, "Cartes de chaleur <Option> & co", "fr"))
}

// TestMarkdownSections: the sections alone, at the level a report asks for,
// are the document's without the scenario heading.
func TestMarkdownSections(t *testing.T) {
	a := option(t, "en", 500)
	md, err := MarkdownSections(a, "en", 3)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(md, []byte("### Risk register\n")) || !bytes.Contains(md, []byte("\n#### Calibration\n")) ||
		bytes.Contains(md, []byte("\n## ")) {
		t.Errorf("sections at level 3:\n%s", md)
	}
	doc, err := Markdown([]*Assessment{a}, "en")
	if err != nil {
		t.Fatal(err)
	}
	body := bytes.SplitN(doc, []byte("\n\n"), 2)[1] // without the scenario's heading
	if got, want := headingsLevelled(md), headingsLevelled(body); !bytes.Equal(got, want) {
		t.Errorf("the sections differ from the document's:\n%s", golden.FirstDiff(want, got))
	}
}

// headingsLevelled writes every heading with a single #.
func headingsLevelled(md []byte) []byte {
	return regexp.MustCompile(`(?m)^#+ `).ReplaceAll(md, []byte("# "))
}
