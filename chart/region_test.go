package chart

import (
	"bytes"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// TestFoldedLeaves checks, on the synthetic national scenario, that the
// service points of a province are drawn as one table reached by one line
// from their antenna, while the channel's aggregate keeps its own box.
func TestFoldedLeaves(t *testing.T) {
	l := &model.Loader{Files: synthFiles(synth.Files(synth.National)), MaxSize: 256 << 20}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	var page []byte
	for _, c := range build(t, r, "fr", "territory") {
		if c.Page == "r03" {
			page = c.DOT
		}
	}
	want := []string{
		`"fold:p003" [shape="plain", style="", label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="8" CELLPADDING="5">` + "\n" +
			`<TR><TD BGCOLOR="#e2f0d9" COLOR="#404040"><B>Point Commune 4</B><BR/><FONT POINT-SIZE="8">1 agent</FONT></TD><TD BGCOLOR="#e2f0d9" COLOR="#404040"><B>Point Commune 379</B>`,
		`"ap-p003" -> "fold:p003" [color="#404040"`,
		`"guichets@p003" [fillcolor="#fbe5d6"`,
		`"ap-p003" -> "guichets@p003" [style="invis"];`,
	}
	for _, w := range want {
		if !bytes.Contains(page, []byte(w)) {
			t.Errorf("r03: missing %s", w)
		}
	}
	for _, no := range []string{`"pc-c00003" [`, `-> "pc-c00003"`} {
		if bytes.Contains(page, []byte(no)) {
			t.Errorf("r03: %s drawn on its own", no)
		}
	}
	if n := strings.Count(string(page), "<B>Point Commune "); n != 120 {
		t.Errorf("r03: %d service points, want 120", n)
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
