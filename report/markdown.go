package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"
	"text/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/templates"
)

// markdownBlock passes a field documented as Markdown through, as its own
// block. Markdown that would not end where the field ends (an unclosed code
// fence, an HTML comment or <script> block left open) would swallow the rest of
// the page, so such text is written as escaped plain text instead.
func markdownBlock(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.TrimRight(strings.TrimLeft(s, "\n"), " \t\n")
	if s == "" || selfContained(s) {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(escape.Markdown(line))
	}
	return b.String()
}

// sentinel is a paragraph written after a Markdown field to see whether the
// field's blocks are all closed.
const sentinel = "orgdesign-end-of-field"

// fieldParser checks Markdown fields; goldmark's parser is safe for
// concurrent use once built, and building one is most of a check's cost.
var fieldParser = goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser()

func selfContained(s string) bool {
	src := []byte(s + "\n\n" + sentinel + "\n")
	doc := fieldParser.Parse(text.NewReader(src))
	last := doc.LastChild()
	p, ok := last.(*ast.Paragraph)
	return ok && plainText(p, src) == sentinel
}

// plainText returns the text of a node's inline content, escapes resolved.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.WriteString(unescape(t.Segment.Value(src)))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// unescape resolves backslash escapes and character references in one pass,
// as goldmark's renderer does (`\&amp;` reads "&amp;"), through its writer:
// the HTML it writes is then unescaped.
func unescape(b []byte) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	gmhtml.DefaultWriter.Write(w, b)
	_ = w.Flush()
	return html.UnescapeString(buf.String())
}

// pageData is what a Markdown template reads.
type pageData struct {
	R   *Report
	S   *Scenario // nil on the index
	Ext string    // the extension of links between pages: .md or .html
}

// markdownFuncs are the Markdown templates' functions: esc (the escaping
// helper), markdown (a field documented as Markdown), markdownCell (such a
// field inside a table cell, on one line), t (a label, escaped), cite (a
// citation, escaped and linked), chart (a chart's image) and quote (a field
// documented as Markdown, set inside a block quote).
func markdownFuncs(l *Language) template.FuncMap {
	return template.FuncMap{
		"esc":          escape.Markdown,
		"markdown":     markdownBlock,
		"markdownCell": markdownCell,
		"cite":         citeMarkdown,
		"chart":        chartMarkdown,
		"quote":        quoteMarkdown,
		"t": func(key string) (string, error) {
			v, ok := l.strings.Get("label", key)
			if !ok {
				return "", fmt.Errorf("no label %q in the %s strings", key, l.code)
			}
			return escape.Markdown(v), nil
		},
	}
}

// renderMarkdown executes one Markdown template.
func renderMarkdown(t *template.Template, name string, data pageData) ([]byte, error) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	out := bytes.TrimRight(buf.Bytes(), "\n")
	return append(out, '\n'), nil
}

func parseMarkdownTemplates(l *Language, ov templates.Overrides) (*template.Template, error) {
	return templates.Markdown(markdownFuncs(l), ov)
}

// citeMarkdown writes a citation as an escaped text, linked when it has an
// address; the address goes between angle brackets so no character ends it.
func citeMarkdown(c Citation) string {
	if c.URL == "" || strings.ContainsAny(c.URL, "<>\n\r ") {
		return escape.Markdown(c.Text)
	}
	return "[" + escape.Markdown(c.Text) + "](<" + c.URL + ">)"
}

// AnalysisMarkdown renders the analysis sections of every scenario of a
// report, each under its title: the very sections of the scenario pages,
// through the same templates.
func AnalysisMarkdown(r *Report) ([]byte, error) {
	return sectionsMarkdown(r, templates.AnalyzeMarkdown)
}

// BenchmarkMarkdown renders the international comparison and the scorecard
// of every scenario of a report, each under its title: the very sections of
// the scenario pages, through the same templates.
func BenchmarkMarkdown(r *Report) ([]byte, error) {
	return sectionsMarkdown(r, templates.BenchmarkMarkdown)
}

func sectionsMarkdown(r *Report, tmpl string) ([]byte, error) {
	if r == nil {
		return nil, errors.New("report: nothing to render")
	}
	l, err := NewLanguage(r.Lang)
	if err != nil {
		return nil, err
	}
	t, err := parseMarkdownTemplates(l, nil)
	if err != nil {
		return nil, err
	}
	return renderMarkdown(t, tmpl, pageData{R: r, Ext: ".md"})
}
