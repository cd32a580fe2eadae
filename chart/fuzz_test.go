package chart

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// FuzzEscape: whatever a name holds, the two escapers keep it text: the DOT
// parses, lays out as exactly the two nodes written, and the SVG is
// well-formed XML with no element but Graphviz's own.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"Délégation régionale", `"><script>alert(1)</script>`, `a\"b\\`, "{x}|y", "l1\nl2", "\x07bell",
		"الوكالة الوطنية", "]]>--&#0;", `\N \G \L`, "</TD></TR></TABLE>", "\u202eevil\u202c", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		dot := "digraph G {\n  a [label=" + quote(s) + "];\n  b [shape=plain, label=<<TABLE><TR><TD>" + htmlText(s) + "</TD></TR></TABLE>>];\n  a -> b [label=" + quote(s) + "];\n}\n"
		svg, err := renderSVG([]byte(dot))
		if err != nil {
			t.Fatalf("escaped text broke the DOT: %v\n%s", err, dot)
		}
		if n := strings.Count(string(svg), `class="node"`); n != 2 {
			t.Fatalf("%d nodes drawn, want 2:\n%s", n, dot)
		}
		dec := xml.NewDecoder(bytes.NewReader(svg))
		dec.Strict = true
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			if el, ok := tok.(xml.StartElement); ok {
				switch el.Name.Local {
				case "svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a", "defs", "linearGradient", "stop":
				default:
					t.Fatalf("unexpected element <%s> in the SVG", el.Name.Local)
				}
				for _, attr := range el.Attr {
					if strings.HasPrefix(strings.ToLower(attr.Name.Local), "on") {
						t.Fatalf("event attribute %s injected", attr.Name.Local)
					}
				}
			}
		}
	})
}
