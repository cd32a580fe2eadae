package chart

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgdesign/orgdesign/model"
)

// nationalScale writes and loads a generated national-scale scenario: 12
// regions, 75 provinces (7 in the first three regions, 6 elsewhere) and, when
// communes > 0, that many communes per province. Every region has a
// delegation, every province an antenna and a reception point; every commune
// a counter, and an office when offices is set.
func nationalScale(t testing.TB, communes int, offices bool) *model.Resolved {
	t.Helper()
	dir := t.TempDir()
	var terr strings.Builder
	levels := "[region, province]"
	if communes > 0 {
		levels = "[region, province, commune]"
	}
	fmt.Fprintf(&terr, "territory: { id: pays, name: Pays, levels: %s }\nunits:\n", levels)
	for r := 1; r <= 12; r++ {
		fmt.Fprintf(&terr, "  - { id: r%02d, name: Région numéro %d, level: region }\n", r, r)
		n := 6
		if r <= 3 {
			n = 7
		}
		for p := 1; p <= n; p++ {
			fmt.Fprintf(&terr, "  - { id: r%02d-p%d, name: Province %d de la région %d, level: province, parent: r%02d }\n", r, p, p, r, r)
			for c := 1; c <= communes; c++ {
				fmt.Fprintf(&terr, "  - { id: r%02d-p%d-c%02d, name: Commune %d-%d-%d, level: commune, parent: r%02d-p%d }\n", r, p, c, r, p, c, r, p)
			}
		}
	}
	scen := `scenario: { id: national, title: Scénario national généré, territory: pays.yaml, year: 2027 }
profiles:
  - { id: agent, title: Agent, annualCost: 100 }
units:
  - { id: dg, name: Direction générale, kind: executive, staff: [ { profile: agent, count: 5 } ] }
  - { id: dir-a, name: Direction A, kind: directorate, reportsTo: dg }
  - { id: dir-b, name: Direction B, kind: directorate, reportsTo: dg }
  - { id: dir-reseau, name: Direction du réseau, kind: directorate, reportsTo: dg }
  - { id: dr, name: "Délégation {territory}", kind: delegation, tier: regional, reportsTo: dir-reseau, per: region, staff: [ { profile: agent, count: 12 } ] }
  - { id: antenne, name: "Antenne {territory}", kind: office, tier: provincial, reportsTo: dr, per: province, staff: [ { profile: agent, count: 4 } ] }
`
	chans := `channels:
  - { id: portail, name: Portail, kind: digital, stages: [intake] }
  - { id: accueil, name: Accueil provincial, kind: office, per: province, stages: [intake] }
`
	if communes > 0 {
		if offices {
			scen += `  - { id: bureau, name: "Bureau {territory}", kind: office, tier: local, reportsTo: antenne, per: commune, staff: [ { profile: agent, count: 1 } ] }
`
		}
		chans += `  - { id: guichet, name: Guichet communal, kind: partner-counter, per: commune, stages: [intake] }
`
	}
	if err := os.WriteFile(filepath.Join(dir, "pays.yaml"), []byte(terr.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "national.yaml")
	if err := os.WriteFile(name, []byte(scen+chans), 0o644); err != nil {
		t.Fatal(err)
	}
	return load(t, filepath.ToSlash(name))
}

// TestTerritoryPagesPrint checks, on national-scale scenarios, that every
// territory page holds at most DefaultMaxBoxes boxes (besides the legend) and
// that its laid-out SVG keeps an aspect ratio within 1:4–4:1, so it prints on
// A3: with provinces only (one by one), with communes holding a counter each
// (one by one, folded into columns), and with communes holding an office and
// a counter each (too many: aggregated by province).
func TestTerritoryPagesPrint(t *testing.T) {
	cases := []struct {
		name       string
		communes   int
		offices    bool
		aggregated bool
	}{
		{"12 regions × ~6 provinces", 0, false, false},
		{"communes with a counter", 20, false, false},
		{"communes with an office and a counter", 20, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := nationalScale(t, c.communes, c.offices)
			cs := build(t, r, "fr", "territory")
			if len(cs) != 13 {
				t.Fatalf("%d territory pages, want 13 (national and 12 regions)", len(cs))
			}
			for _, ch := range cs {
				boxes := countBoxes(ch.DOT)
				if boxes > DefaultMaxBoxes {
					t.Errorf("%s: %d boxes, more than %d", ch.Name("dot"), boxes, DefaultMaxBoxes)
				}
				if agg := bytes.Contains(ch.DOT, []byte(`"agg:`)); ch.Page != "" && agg != c.aggregated {
					t.Errorf("%s: aggregated = %v, want %v", ch.Name("dot"), agg, c.aggregated)
				}
				start := time.Now()
				svg, err := SVG(ch.DOT)
				if err != nil {
					t.Fatal(err)
				}
				w, h := svgSize(t, svg)
				t.Logf("%s: %d boxes, %.0f × %.0f pt (%.2f), drawn in %v", ch.Name("svg"), boxes, w, h, w/h, time.Since(start).Round(time.Millisecond))
				if ratio := w / h; ratio < 0.25 || ratio > 4 {
					t.Errorf("%s: %.0f × %.0f pt, aspect ratio %.2f outside 1:4–4:1", ch.Name("svg"), w, h, ratio)
				}
			}
			if !c.aggregated {
				return
			}
			// One by one, a region of 7 provinces and 140 communes would be
			// 1 + 7 + 7 + 280 boxes: the communes are aggregated by province.
			var r01 []byte
			for _, ch := range cs {
				if ch.Page == "r01" {
					r01 = ch.DOT
				}
			}
			for _, want := range []string{`"agg:bureau@r01-p1"`, `<B>20 × Bureau</B>`, `"agg:guichet@r01-p7"`, `"antenne-r01-p1" -> "agg:bureau@r01-p1"`} {
				if !bytes.Contains(r01, []byte(want)) {
					t.Errorf("r01: missing %s", want)
				}
			}
		})
	}
}

// countBoxes counts the node statements of DOT text written by this package,
// the legend aside.
func countBoxes(dot []byte) int {
	n := 0
	for _, l := range strings.Split(string(dot), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, `"`) && !strings.Contains(l, `" -> "`) && !strings.HasPrefix(l, `"legend"`) {
			n++
		}
	}
	return n
}

// BenchmarkDOT builds every view of a national-scale scenario (12 regions,
// 75 provinces, 1,500 communes with an office and a counter each).
func BenchmarkDOT(b *testing.B) {
	r := nationalScale(b, 20, true)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(r, nil, Views, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSVG draws every chart of the same scenario (DOT built once).
func BenchmarkSVG(b *testing.B) {
	r := nationalScale(b, 20, true)
	cs, err := Build(r, nil, Views, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cs {
			if _, err := SVG(c.DOT); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSVGTerritory draws the 13 territory pages of that scenario.
func BenchmarkSVGTerritory(b *testing.B) {
	r := nationalScale(b, 20, true)
	cs, err := Build(r, nil, []string{"territory"}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, c := range cs {
			if _, err := SVG(c.DOT); err != nil {
				b.Fatal(err)
			}
		}
	}
}
