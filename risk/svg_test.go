package risk

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// TestHeatmapSVGParses: the SVG is well-formed XML with a title, 50 cells,
// the counts in them, and the hostile title escaped.
func TestHeatmapSVGParses(t *testing.T) {
	var m Matrix
	m.Inherent[4][4] = 3 // 5×5
	m.Inherent[0][0] = 1 // 1×1
	m.Residual[1][2] = 12
	title := `Cartes </title><script>alert(1)</script> & "co"`
	svg := HeatmapSVG(m, title, "en")
	if !bytes.Equal(svg, HeatmapSVG(m, title, "en")) {
		t.Fatal("two calls give different bytes")
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var root string
	var texts, titles []string
	rects, fills := 0, map[string]int{}
	var inText, inTitle bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, svg)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = x.Name.Local
			}
			switch x.Name.Local {
			case "rect":
				rects++
				for _, a := range x.Attr {
					if a.Name.Local == "fill" {
						fills[a.Value]++
					}
				}
			case "text":
				inText = true
			case "title":
				inTitle = true
			case "script":
				t.Error("a script element got through")
			}
		case xml.EndElement:
			inText, inTitle = false, false
		case xml.CharData:
			if inText {
				texts = append(texts, string(x))
			}
			if inTitle {
				titles = append(titles, string(x))
			}
		}
	}
	if root != "svg" || len(titles) != 1 || titles[0] != title {
		t.Errorf("root %q, titles %q", root, titles)
	}
	// A background, 2 × 25 cells, 4 legend swatches.
	if rects != 55 {
		t.Errorf("%d rects, want 55", rects)
	}
	// Per grid: 8 low cells (scores 1–4), 7 medium, 4 high (10, 12, 12, 10), 6 critical; plus one swatch each.
	want := map[string]int{levelColours[Low]: 2*8 + 1, levelColours[Medium]: 2*7 + 1, levelColours[High]: 2*4 + 1, levelColours[Critical]: 2*6 + 1}
	for c, n := range want {
		if fills[c] != n {
			t.Errorf("fill %s on %d rects, want %d", c, fills[c], n)
		}
	}
	joined := strings.Join(texts, "|")
	for _, w := range []string{"Inherent", "Residual", "Likelihood →", "Impact →", "|3|", "|12|", "critical 15–25", title} {
		if !strings.Contains("|"+joined+"|", w) {
			t.Errorf("no text %q in %q", w, joined)
		}
	}
	if strings.Contains(string(svg), " id=") {
		t.Error("the SVG has element ids")
	}
}
