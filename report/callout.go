package report

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// callouts turn a block quote that opens with a GitHub callout marker on a
// line of its own ("> [!WARNING]", "> [!NOTE]"...) into an alert block in
// the HTML: <div class="callout callout-warning" role="alert">, styled in
// page.html.tmpl, the marker dropped. The Markdown keeps the marker, which
// GitHub and other readers show as an alert. Any other quote stays a quote.
type callouts struct{}

// calloutKinds are the markers GitHub knows and the role each block gets.
var calloutKinds = map[string]string{"NOTE": "note", "TIP": "note", "IMPORTANT": "note", "WARNING": "alert", "CAUTION": "alert"}

// calloutAttr is the attribute the transformer leaves on a quote it turned
// into a callout, for the renderer; it is never written out.
var calloutAttr = []byte("data-callout")

// Transform implements parser.ASTTransformer.
func (callouts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		p, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || p.Lines().Len() == 0 {
			continue
		}
		first := p.Lines().At(0)
		line := strings.TrimSpace(string(first.Value(src)))
		if !strings.HasPrefix(line, "[!") || !strings.HasSuffix(line, "]") {
			continue
		}
		kind := line[2 : len(line)-1]
		if _, known := calloutKinds[kind]; !known {
			continue
		}
		// Drop the inline nodes of the marker's line.
		for c := p.FirstChild(); c != nil; {
			next := c.NextSibling()
			t, isText := c.(*ast.Text)
			if !isText || t.Segment.Start >= first.Stop {
				break
			}
			p.RemoveChild(p, c)
			c = next
		}
		if p.ChildCount() == 0 {
			q.RemoveChild(q, p)
		}
		q.SetAttribute(calloutAttr, []byte(strings.ToLower(kind)))
	}
}

// RegisterFuncs implements renderer.NodeRenderer: quotes render as goldmark
// renders them, callouts as alert blocks.
func (callouts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindBlockquote, renderQuote)
}

func renderQuote(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	v, ok := n.AttributeString(string(calloutAttr))
	kind, _ := v.([]byte)
	switch {
	case !ok && entering:
		_, _ = w.WriteString("<blockquote>\n")
	case !ok:
		_, _ = w.WriteString("</blockquote>\n")
	case entering:
		_, _ = w.WriteString(`<div class="callout callout-` + string(kind) + `" role="` + calloutKinds[string(bytes.ToUpper(kind))] + `">` + "\n")
	default:
		_, _ = w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}

// quoteMarkdown sets a field documented as Markdown (markdownBlock) inside a
// block quote: "> " before each line, ">" alone on an empty one.
func quoteMarkdown(field string) string {
	lines := strings.Split(markdownBlock(field), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}
