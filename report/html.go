package report

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/orgdesign/orgdesign/templates"
)

// newMarkdown returns the converter: GFM, the default (safe) renderer, which
// omits raw HTML, links only to http, https, mailto and addresses without a
// scheme (safeLinks), heading ids, the charts' images drawn inline, and
// GitHub's callouts (a quote opening with [!WARNING]) as alert blocks.
func newMarkdown(charts *chartImages) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(safeLinks{}, 100), util.Prioritized(callouts{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(charts, 100), util.Prioritized(newScrollTables(), 100), util.Prioritized(callouts{}, 100))),
	)
}

// unicodeIDs generates heading ids that keep every letter and digit, accents
// and non-Latin scripts included ("Délégation régionale" → délégation-régionale,
// Arabic stays Arabic); words are joined by single hyphens, punctuation is
// dropped, and a repeated id gets -1, -2... as goldmark's own ids do.
type unicodeIDs struct {
	used map[string]bool
}

func newUnicodeIDs() *unicodeIDs { return &unicodeIDs{used: map[string]bool{}} }

// Generate returns a new id for a heading's text.
func (s *unicodeIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	gap := false
	for _, r := range string(value) {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_' || unicode.Is(unicode.Pd, r):
			gap = true
		}
	}
	base := b.String()
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return []byte(id)
}

// Put records an id given explicitly.
func (s *unicodeIDs) Put(value []byte) { s.used[string(value)] = true }

// safeID reports whether an id can stand in an attribute and a URL fragment as
// it is: only letters, digits, marks and hyphens, which unicodeIDs guarantees.
func safeID(id string) bool {
	return id != "" && !strings.ContainsFunc(id, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == '-')
	})
}

// TOCEntry is one heading of a page's table of contents.
type TOCEntry struct {
	ID       string
	Text     string
	Children []TOCEntry // the h3 under an h2
}

// Href is the link's attribute: the id is written as it is (html/template
// would percent-encode accents and Arabic in a URL), which safeID allows.
func (e TOCEntry) Href() template.HTMLAttr {
	return template.HTMLAttr(`href="#` + e.ID + `"`)
}

// convert turns a page's Markdown into HTML and its table of contents (h2, h3).
func convert(md goldmark.Markdown, src []byte) ([]byte, []TOCEntry, error) {
	ctx := parser.NewContext(parser.WithIDs(newUnicodeIDs()))
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var toc []TOCEntry
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if h.Level < 2 || h.Level > 3 {
			return ast.WalkSkipChildren, nil
		}
		v, _ := h.AttributeString("id")
		id, _ := v.([]byte)
		if !safeID(string(id)) {
			return ast.WalkStop, fmt.Errorf("heading %q has an unusable id %q", plainText(h, src), id)
		}
		e := TOCEntry{ID: string(id), Text: plainText(h, src)}
		if h.Level == 3 && len(toc) > 0 {
			last := &toc[len(toc)-1]
			last.Children = append(last.Children, e)
		} else {
			toc = append(toc, e)
		}
		return ast.WalkSkipChildren, nil
	})
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), toc, nil
}

// scrollTables renders each table inside <div class="table-scroll">: on a
// screen a table wider than the text (many countries, long addresses)
// scrolls on its own instead of widening the page; on paper it is a table.
type scrollTables struct {
	table renderer.NodeRendererFunc
}

func newScrollTables() *scrollTables {
	s := &scrollTables{}
	extension.NewTableHTMLRenderer().RegisterFuncs(registerFunc(func(kind ast.NodeKind, f renderer.NodeRendererFunc) {
		if kind == east.KindTable {
			s.table = f
		}
	}))
	return s
}

// RegisterFuncs implements renderer.NodeRenderer.
func (s *scrollTables) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTable, s.render)
}

func (s *scrollTables) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"table-scroll\">\n")
		return s.table(w, src, n, entering)
	}
	status, err := s.table(w, src, n, entering)
	_, _ = w.WriteString("</div>\n")
	return status, err
}

// htmlPage is what the page layout reads.
type htmlPage struct {
	Lang  string
	Title string
	TOC   []TOCEntry
	Body  template.HTML // goldmark's safe output
}

func parseHTMLTemplate(l *Language, ov templates.Overrides) (*template.Template, error) {
	return templates.HTML(template.FuncMap{
		"t": func(key string) (string, error) {
			v, ok := l.strings.Get("label", key)
			if !ok {
				return "", fmt.Errorf("no label %q in the %s strings", key, l.code)
			}
			return v, nil
		},
	}, ov)
}

// renderHTML converts a page's Markdown and wraps it in the layout.
func renderHTML(t *template.Template, md goldmark.Markdown, lang, title string, src []byte) ([]byte, error) {
	body, toc, err := convert(md, src)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = t.ExecuteTemplate(&buf, templates.Page, htmlPage{Lang: lang, Title: title, TOC: toc, Body: template.HTML(body)})
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
