package chart

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// TestSystemsCompactBeyondLegibility: up to maxLabelledInterfaces interfaces
// each edge carries its data and mode; beyond, the synthetic scenario's 120
// interfaces become one edge per pair of systems and mode, marked with their
// number and ⚠ for personal-data problems, the legend says so, and crossing
// minimisation is cut short.
func TestSystemsCompactBeyondLegibility(t *testing.T) {
	small := build(t, load(t, "testdata/study/option.yaml"), "fr", "systems")[0]
	if strings.Contains(string(small.DOT), "mclimit") || strings.Contains(string(small.DOT), "×") {
		t.Error("a small map is drawn in the compact form")
	}

	l := &model.Loader{Files: synthFiles(synth.Files(synth.National)), MaxSize: 256 << 20}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	if len(r.Interfaces) <= maxLabelledInterfaces {
		t.Fatalf("the synthetic scenario has %d interfaces only", len(r.Interfaces))
	}
	dot := string(build(t, r, "fr", "systems")[0].DOT)
	for _, want := range []string{`mclimit="0.2"`, "120 interfaces (plus de 40)", `label="⚠`} {
		if !strings.Contains(dot, want) {
			t.Errorf("the compact map lacks %q", want)
		}
	}
	if strings.Contains(dot, "POINT-SIZE=\"8\">API") || strings.Contains(dot, "données personnelles : ") {
		t.Error("the compact map still labels edges with their data")
	}

	// 41 interfaces: 39 by API from a to b (one without agreement on
	// personal data), one by file from a to b, one by API from b to c.
	var y strings.Builder
	y.WriteString("scenario: { id: s, title: S }\nunits:\n  - { id: dg, name: DG, kind: executive }\n" +
		"systems:\n  - { id: a, name: A, owner: dg }\n  - { id: b, name: B, owner: dg }\n  - { id: c, name: C, owner: dg }\ninterfaces:\n")
	for i := range 39 {
		pd := ""
		if i == 7 {
			pd = ", personalData: true"
		}
		fmt.Fprintf(&y, "  - { id: i%d, from: a, to: b, mode: api, data: [d%d]%s }\n", i, i, pd)
	}
	y.WriteString("  - { id: f, from: a, to: b, mode: file, data: [x] }\n  - { id: g, from: b, to: c, mode: api, data: [y] }\n")
	name := filepath.Join(t.TempDir(), "s.yaml")
	if err := os.WriteFile(name, []byte(y.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	dot = string(build(t, load(t, filepath.ToSlash(name)), "en", "systems")[0].DOT)
	if n := strings.Count(dot, " -> "); n != 3 {
		t.Errorf("%d edges, want 3 (a→b api, a→b file, b→c api):\n%s", n, dot)
	}
	for _, want := range []string{`label="⚠ ×39"`, "41 interfaces (more than 40)"} {
		if !strings.Contains(dot, want) {
			t.Errorf("the merged map lacks %q", want)
		}
	}
}
