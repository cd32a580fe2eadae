package chart

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// TestSystemsCompactBeyondLegibility: up to maxLabelledInterfaces interfaces
// each edge carries its data and mode; beyond, the interfaces become one edge
// per pair of systems and mode, marked with their number and ⚠ for
// personal-data problems, the legend says so, and crossing minimisation is
// cut short.
func TestSystemsCompactBeyondLegibility(t *testing.T) {
	small := build(t, load(t, "testdata/study/option.yaml"), "fr", "systems")[0]
	if strings.Contains(string(small.DOT), "mclimit") || strings.Contains(string(small.DOT), "×") {
		t.Error("a small map is drawn in the compact form")
	}

	// 41 interfaces: 39 by API from a to b (one without agreement on
	// personal data leaving the agency: b is an outside fund's), one by file
	// from a to b, one by API from b to c.
	var y strings.Builder
	y.WriteString("scenario: { id: s, title: S }\nunits:\n  - { id: dg, name: DG, kind: executive }\n" +
		"actors:\n  - { id: cnss, name: CNSS, kind: social-security }\n" +
		"systems:\n  - { id: a, name: A, owner: dg }\n  - { id: b, name: B, owner: cnss }\n  - { id: c, name: C, owner: dg }\ninterfaces:\n")
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
	dot := string(build(t, load(t, filepath.ToSlash(name)), "en", "systems")[0].DOT)
	if n := strings.Count(dot, " -> "); n != 3 {
		t.Errorf("%d edges, want 3 (a→b api, a→b file, b→c api):\n%s", n, dot)
	}
	for _, want := range []string{`label="⚠ ×39"`, "41 interfaces (more than 40)", `mclimit="0.2"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("the merged map lacks %q", want)
		}
	}
}

// TestSystemsMatrixBeyondMap: past maxMapLinks lines the view is an N² chart
// (golden): systems numbered and grouped by owner in rows and columns, a
// cell per sender and receiver with a letter per mode in its colour, the
// number of interfaces when several, ⚠ on red for personal data without an
// agreement, the totals sent and received; no edge is laid out. Graphviz
// must draw the table (an HTML-like label it rejects is drawn empty).
func TestSystemsMatrixBeyondMap(t *testing.T) {
	// 12 systems: four of the agency's unit dg, four of actor cnss, four
	// without owner. Every system sends to the next five by API (60 links);
	// a→b also by file three times and once by an unknown mode; d→e carries
	// personal data out of the agency (d is dg's, e the fund's) without an
	// agreement.
	var y strings.Builder
	y.WriteString("scenario: { id: m, title: M }\nunits:\n  - { id: dg, name: DG, kind: executive }\n" +
		"actors:\n  - { id: cnss, name: Caisse <sociale>, kind: social-security }\nsystems:\n")
	ids := "abcdefghijkl"
	for i, id := range ids {
		owner := []string{", owner: dg", ", owner: cnss", ""}[i/4]
		fmt.Fprintf(&y, "  - { id: %c, name: Système %c%s }\n", id, id-32, owner)
	}
	y.WriteString("interfaces:\n")
	for i := range ids {
		for k := 1; k <= 5; k++ {
			pd := ""
			if i == 3 && k == 1 {
				pd = ", personalData: true"
			}
			fmt.Fprintf(&y, "  - { id: i%d-%d, from: %c, to: %c, mode: api%s }\n", i, k, ids[i], ids[(i+k)%12], pd)
		}
	}
	y.WriteString("  - { id: f1, from: a, to: b, mode: file }\n  - { id: f2, from: a, to: b, mode: file }\n" +
		"  - { id: f3, from: a, to: b, mode: file }\n  - { id: n1, from: a, to: b }\n")
	name := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(name, []byte(y.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := load(t, filepath.ToSlash(name))
	c := build(t, r, "en", "systems")[0]
	golden.Check(t, "en/matrix-systems.dot", c.DOT)
	dot := string(c.DOT)
	if n := strings.Count(dot, " -> "); n != 1 || !strings.Contains(dot, `"matrix" -> "legend" [style="invis"]`) {
		t.Errorf("%d edges, want the legend's invisible one only", n)
	}
	for _, want := range []string{
		"64 interfaces in 62 links (more than 50)",
		// a→b: API once, file three times, a mode not given once; the row of
		// a starts with its owner, its number and its name.
		`<B>DG</B></TD><TD BGCOLOR="#eef4fb" ALIGN="RIGHT"><B>1</B></TD><TD BGCOLOR="#eef4fb" ALIGN="LEFT">Système A</TD><TD BGCOLOR="#d9d9d9"></TD><TD><FONT COLOR="#7f7f7f"><B>F</B><FONT POINT-SIZE="8">3</FONT></FONT> <FONT COLOR="#2e75b6"><B>A</B></FONT> <FONT COLOR="#a6a6a6"><B>?</B></FONT></TD>`,
		// d→e: personal data leaving the agency without an agreement.
		`<TD BGCOLOR="#f8cbcb"><FONT COLOR="#c00000"><B>⚠</B></FONT> <FONT COLOR="#2e75b6"><B>A</B></FONT></TD>`,
		"Caisse &lt;sociale&gt;", // an owner's name escaped
		"Owner not given",
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("the matrix lacks %s", want)
		}
	}
	svg, err := SVG(c.DOT)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{">Système L<", ">Sends<", ">Receives<", ">64<", ">⚠<"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the drawn matrix lacks %s", want)
		}
	}

	// The synthetic national scenario (30 systems, 120 interfaces) is drawn
	// as a matrix too; a map of 50 links or fewer is not.
	l := &model.Loader{Files: synthFiles(synth.Files(synth.National)), MaxSize: 256 << 20}
	nr, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	if dot := string(build(t, nr, "fr", "systems")[0].DOT); !strings.Contains(dot, "120 interfaces en") || strings.Contains(dot, "mclimit") {
		t.Error("the synthetic scenario's systems view is not a matrix")
	}
	r.Interfaces = r.Interfaces[:50]
	if dot := string(build(t, r, "en", "systems")[0].DOT); strings.Contains(dot, `"matrix"`) {
		t.Error("50 links are drawn as a matrix")
	}
}
