package report

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/orgdesign/orgdesign/internal/escape"
)

// markdownCell writes a field documented as Markdown inside a table cell,
// on one line: its inline Markdown (emphasis, code, links) is kept, and
// rendered like any field's (raw HTML off, unsafe links emptied); its
// paragraphs, and the lines of a heading, a list or a quote, are joined by
// a space; what a cell cannot hold as Markdown (a code block, a table) is
// flattened to its escaped text, and raw HTML blocks and rules are left out.
// Every unescaped pipe is escaped, so the cell ends where the field does;
// control characters are dropped.
func markdownCell(s string) string {
	s = strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\r\n", "\n")
	src := []byte(s)
	doc := fieldParser.Parse(text.NewReader(src))
	var parts []string
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch b := c.(type) {
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
				parts = append(parts, inlineSource(b, src))
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				parts = append(parts, escape.Markdown(linesOf(b, src)))
			case *extast.Table:
				_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
					if cell, ok := n.(*extast.TableCell); ok && entering {
						parts = append(parts, escape.Markdown(plainText(cell, src)))
						return ast.WalkSkipChildren, nil
					}
					return ast.WalkContinue, nil
				})
			case *ast.HTMLBlock, *ast.ThematicBreak:
			default: // lists, list items, quotes: their blocks, in order
				walk(c)
			}
		}
	}
	walk(doc)
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

// inlineSource is the Markdown source of a block's inline content, its
// lines joined by a space, control characters dropped and every unescaped
// pipe escaped.
func inlineSource(n ast.Node, src []byte) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, linesOf(n, src))
	var b strings.Builder
	backslashes := 0
	for _, r := range s {
		if r == '|' && backslashes%2 == 0 {
			b.WriteByte('\\')
		}
		if r == '\\' {
			backslashes++
		} else {
			backslashes = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// linesOf joins a block's source lines with a space.
func linesOf(n ast.Node, src []byte) string {
	lines := n.Lines()
	out := make([]string, 0, lines.Len())
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		out = append(out, strings.TrimRight(string(seg.Value(src)), " \t\n"))
	}
	return strings.Join(out, " ")
}
