package chart

import (
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// TestFoldedLeaves checks, on the synthetic national scenario, that the
// service points of a province are drawn as one card reached by one line
// from their antenna, listing their places with their common headcount,
// while the channel's aggregate keeps its own box; points with different
// headcounts show each one's, and points drawn differently stay a grid of
// boxes.
func TestFoldedLeaves(t *testing.T) {
	l := &model.Loader{Files: synthFiles(synth.Files(synth.National)), MaxSize: 256 << 20}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	page := func() string {
		t.Helper()
		for _, c := range build(t, r, "fr", "territory") {
			if c.Page == "r03" {
				return string(c.DOT)
			}
		}
		t.Fatal("no page r03")
		return ""
	}
	dot := page()
	want := []string{
		`"fold:p003" [shape="plain", style="", label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">` + "\n" +
			`<TR><TD BGCOLOR="#e2f0d9" COLOR="#404040" ALIGN="LEFT" BALIGN="LEFT"><B>20 × Point</B><FONT POINT-SIZE="8"> · 1 agent chacun</FONT><BR/>` +
			`Commune 4 · Commune 79 · Commune 154 · Commune 229 · Commune 304 ·<BR/>Commune 379 · `,
		`Commune 1279 · Commune 1354 · Commune 1429</TD></TR></TABLE>>];`,
		`"ap-p003" -> "fold:p003" [color="#404040"`,
		`"guichets@p003" [fillcolor="#fbe5d6"`,
		`"ap-p003" -> "guichets@p003" [style="invis"];`,
	}
	for _, w := range want {
		if !strings.Contains(dot, w) {
			t.Errorf("r03: missing %s", w)
		}
	}
	for _, no := range []string{`"pc-c00003" [`, `-> "pc-c00003"`} {
		if strings.Contains(dot, no) {
			t.Errorf("r03: %s drawn on its own", no)
		}
	}
	if n := strings.Count(dot, "Commune "); n != 120 {
		t.Errorf("r03: %d service points, want 120", n)
	}

	// Commune 79 gets two agents, and Commune 16's point becomes a service.
	for _, in := range r.Instances {
		if in.Place == nil {
			continue
		}
		switch in.Place.Name {
		case "Commune 79":
			in.Headcount = 2
		case "Commune 16":
			if in.Unit.Kind == "office" {
				u := *in.Unit
				u.Kind = "service"
				in.Unit = &u
			}
		}
	}
	dot = page()
	for _, w := range []string{
		`<B>20 × Point</B><FONT POINT-SIZE="8"> · 21 agents, effectif de chacun entre parenthèses</FONT><BR/>Commune 4 (1) · Commune 79 (2) · `,
		`"fold:p015" [shape="plain", style="", label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="8" CELLPADDING="5">`,
		`<TD BGCOLOR="#deebf7" COLOR="#404040"><B>Point Commune 16</B><BR/><FONT POINT-SIZE="8">1 agent</FONT></TD>`,
	} {
		if !strings.Contains(dot, w) {
			t.Errorf("r03 changed: missing %s", w)
		}
	}
}

// TestFoldable checks which followers of a group are drawn as one table.
func TestFoldable(t *testing.T) {
	bx := func(id string, agg bool) *box { return &box{id: id, agg: agg} }
	ids := func(bs []*box) string {
		var s []string
		for _, b := range bs {
			s = append(s, b.id)
		}
		return strings.Join(s, " ")
	}
	cases := []struct {
		name      string
		followers []*box
		edges     [][2]string
		leaves    string
		source    string
		rest      string
	}{
		{"four points of one antenna", []*box{bx("a", false), bx("b", false), bx("c", false), bx("d", false), bx("g", false)},
			[][2]string{{"ant", "a"}, {"ant", "b"}, {"ant", "c"}, {"ant", "d"}}, "a b c d", "ant", "g"},
		{"three are too few", []*box{bx("a", false), bx("b", false), bx("c", false)},
			[][2]string{{"ant", "a"}, {"ant", "b"}, {"ant", "c"}}, "", "", "a b c"},
		{"counters without a line", []*box{bx("a", false), bx("b", false), bx("c", false), bx("d", false), bx("e", false)},
			[][2]string{{"ant", "a"}}, "b c d e", "", "a"},
		{"the most numerous source wins", []*box{bx("a", false), bx("b", false), bx("c", false), bx("d", false), bx("e", false), bx("f", false), bx("g", false), bx("h", false), bx("i", false)},
			[][2]string{{"x", "a"}, {"x", "b"}, {"x", "c"}, {"x", "d"}, {"y", "e"}, {"y", "f"}, {"y", "g"}, {"y", "h"}, {"y", "i"}}, "e f g h i", "y", "a b c d"},
		{"boxes with a line out, two lines in, or aggregates stay", []*box{bx("a", false), bx("b", false), bx("c", true), bx("d", false), bx("e", false), bx("f", false), bx("g", false), bx("h", false)},
			[][2]string{{"x", "a"}, {"a", "z"}, {"x", "b"}, {"y", "b"}, {"x", "c"}, {"x", "d"}, {"x", "e"}, {"x", "f"}, {"x", "g"}}, "d e f g", "x", "a b c h"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hasOut, sources := map[string]bool{}, map[string][]string{}
			for _, e := range c.edges {
				hasOut[e[0]] = true
				sources[e[1]] = append(sources[e[1]], e[0])
			}
			leaves, source, rest := foldable(c.followers, hasOut, sources)
			if ids(leaves) != c.leaves || source != c.source || ids(rest) != c.rest {
				t.Errorf("foldable = [%s] from %q, rest [%s]; want [%s] from %q, rest [%s]",
					ids(leaves), source, ids(rest), c.leaves, c.source, c.rest)
			}
		})
	}
}
