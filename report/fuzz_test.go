package report

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
)

// FuzzHTML writes fuzzed text into the test study's files, wherever a user
// writes text: plain into every name and title, a source's address (and a
// unit's id and the scenario's id when it is a valid id), md into every
// Markdown field. The files go through the loader, Build and Render
// (without the charts go-graphviz lays out: it is slow, and DOT has its own
// fuzzer; the charts the report draws itself stay); the HTML pages are
// parsed as a browser would and checked: no element or attribute outside those
// the page uses (the layout's and what Markdown writes), no event handler, no
// address but http, https, mailto and a fragment, one <style>, the same <meta>
// elements; and the plain text, in the page's heading and title, reads back as
// text. What the loader or Build refuses is skipped (the user is told why); a
// report built must render.
func FuzzHTML(f *testing.F) {
	hostile := []string{
		`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `'><svg onload=alert(1)>`,
		`javascript:alert(1)`, ` JaVaScRiPt:alert(1)`, "java\tscript:alert(1)", `data:text/html;base64,PHNjcmlwdD4=`,
		`[clic](javascript:alert(1))`, `[clic](<javascript:alert(1)>)`, `![x](javascript:alert(1))`, `<a href="javascript:x">a</a>`,
		`<https://example.org/?q="><script>>`, `[a]: javascript:alert(1)` + "\n\n[a]", `<!-- open`, `<![CDATA[x]]>`,
		"a\x00b", "nul\x00<script>", "line\u2028sep\u2029par", "abc\u202edcba\u202c", "\u2066isolate\u2069", "\ufeffbom",
		"*em* **strong** `code` ~~del~~", "# heading\n\n- list\n\n| a | b |\n|---|:-:|\n| 1 | 2 |", "- [ ] task",
		"&lt;script&gt; &#60;script&#62; &#x3C;", "<style>body{display:none}</style>", `<iframe src="//evil.example">`,
		"{{.}} {{template \"x\"}}", "%3Cscript%3E", `\<script\>`, "a-valid-id", "x",
		"\x00chart 0\x00", "a\x00chart 1\x00b", // the marks charts replace (write.go)
	}
	for _, s := range hostile {
		f.Add(s, s)
	}
	f.Add("Option B", "Texte *simple*.")
	fx := loadHTMLFixture(f)
	f.Fuzz(func(t *testing.T, plain, md string) {
		r, err := fx.build(plain, md)
		if err != nil {
			return // the loader or Build refused the text, saying why
		}
		pages, err := render(r)
		if err != nil {
			t.Fatalf("a report built is not rendered: %v", err)
		}
		for _, p := range pages {
			checkPage(t, fx, p, plain)
		}
	})
}

// TestChartMarksCannotBeForged: a name or a Markdown field written like
// the mark a chart replaces in a page (NUL, "chart", its rank, NUL) stays
// text: each page holds exactly its own charts.
func TestChartMarksCannotBeForged(t *testing.T) {
	fx := loadHTMLFixture(t)
	for _, text := range []string{"\x00chart 0\x00", "x\x00chart 1\x00y"} {
		r, err := fx.build(text, text)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := render(r)
		if err != nil {
			t.Fatal(err)
		}
		charts := map[string]int{"index.html": 0}
		for _, s := range r.Scenarios {
			charts[s.Page+".html"] = len(s.Charts) // render keeps the report's own charts
		}
		for _, p := range pages {
			if n := bytes.Count(p.Data, []byte("<svg")); n != charts[p.Name] {
				t.Errorf("%q: %s holds %d charts, want %d", text, p.Name, n, charts[p.Name])
			}
			if bytes.IndexByte(p.Data, 0) >= 0 {
				t.Errorf("%q: %s holds a NUL byte", text, p.Name)
			}
		}
	}
}

// TestMarkdownLinkSchemes: a Markdown field links to http, https, mailto and
// addresses without a scheme only (safeLinks, found by FuzzHTML: goldmark
// kept any scheme but four).
func TestMarkdownLinkSchemes(t *testing.T) {
	md := newMarkdown(newChartImages(nil))
	for _, c := range []struct{ in, want string }{
		{"[a](https://example.org/x)", `<a href="https://example.org/x">a</a>`},
		{"[a](HTTP://example.org)", `<a href="HTTP://example.org">a</a>`},
		{"[a](mailto:x@example.org)", `<a href="mailto:x@example.org">a</a>`},
		{"[a](#synthèse)", `<a href="#synth%C3%A8se">a</a>`},
		{"[a](option-b.html#x)", `<a href="option-b.html#x">a</a>`},
		{"[a](ms-msdt:/id)", `<a href="">a</a>`},
		{"[a]: jaascript:alert(1)\n\n[a]", `<a href="">a</a>`},
		{"[a](< JavaScript:alert(1)>)", `<a href="">a</a>`},
		{"[a](smb://host/share)", `<a href="">a</a>`},
		{"![x](smb://host/i.png)", `<img src="" alt="x">`},
		{"<smb://host/a&b>", "<p>smb://host/a&amp;b</p>"},
		{"<https://example.org>", `<a href="https://example.org">https://example.org</a>`},
		{"www.example.org", `<a href="http://www.example.org">www.example.org</a>`},
		{"x@example.org", `<a href="mailto:x@example.org">x@example.org</a>`},
	} {
		var out bytes.Buffer
		if err := md.Convert([]byte(c.in), &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("%q → %q, want %s", c.in, out.String(), c.want)
		}
	}
}

// htmlFixture is the test study as YAML trees whose text fields the fuzzer
// fills, and what its pages hold with harmless text.
type htmlFixture struct {
	mu      sync.Mutex // the trees are filled in place
	files   map[string]*yaml.Node
	plain   []*yaml.Node // names and titles
	md      []*yaml.Node // Markdown fields
	url     []*yaml.Node // addresses
	ids     []*yaml.Node // one unit's id and its references, the scenario's id (fuzzUnit or fuzzScenario)
	bench   *Benchmarks
	allowed map[string]bool // element names the pages use, and what Markdown writes
	attrs   map[string]bool // attribute names likewise
	styles  map[string]bool // style attributes the layout writes
	meta    int             // <meta> elements of a page
}

// The keys whose values are text: plain, Markdown, an address.
var (
	plainKeys = map[string]bool{"name": true, "title": true, "shortName": true, "client": true,
		"vision": true, "mission": true, "values": true, "topics": true, "unit": true, "legalBasis": true}
	mdKeys = map[string]bool{"summary": true, "description": true, "notes": true, "evidence": true, "recommendation": true, "outcomes": true}
)

// The unit and the scenario whose ids the fuzzer renames.
const fuzzUnit, fuzzScenario = "accueil", "option-deconcentree"

// markdownElements are what goldmark writes from GFM (raw HTML omitted).
var markdownElements = []string{"p", "em", "strong", "del", "a", "code", "pre", "ul", "ol", "li", "blockquote",
	"h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "input"}

var markdownAttrs = []string{"href", "src", "alt", "title", "id", "style", "checked", "disabled", "type", "start"}

func loadHTMLFixture(f testing.TB) *htmlFixture {
	fx := &htmlFixture{files: map[string]*yaml.Node{}}
	dir := "testdata/study"
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			f.Fatal(err)
		}
		fx.files[path.Join(dir, e.Name())] = &n
		fx.collect(&n, "")
	}
	if len(fx.plain) == 0 || len(fx.md) == 0 || len(fx.url) == 0 || len(fx.ids) < 3 {
		f.Fatalf("the fixture has %d plain, %d Markdown, %d address fields and %d ids to fill",
			len(fx.plain), len(fx.md), len(fx.url), len(fx.ids))
	}
	countries, ds, err := benchmarks.Read(benchmarks.Group{Files: model.OSFiles{},
		Names: []string{"../benchmarks/testdata/xx.yaml", "../benchmarks/testdata/yy.yaml"}})
	if err != nil || ds.HasErrors() {
		f.Fatal(err, ds)
	}
	ins, ds, err := benchmarks.Instruments()
	if err != nil || ds.HasErrors() {
		f.Fatal(err, ds)
	}
	fx.bench = &Benchmarks{Countries: countries, Instruments: ins}

	// What the pages hold with harmless text.
	r, err := fx.build("Texte", "Texte")
	if err != nil {
		f.Fatal(err)
	}
	pages, err := render(r)
	if err != nil {
		f.Fatal(err)
	}
	fx.allowed, fx.attrs, fx.styles, fx.meta = map[string]bool{}, map[string]bool{}, map[string]bool{}, -1
	for _, e := range markdownElements {
		fx.allowed[e] = true
	}
	for _, a := range markdownAttrs {
		fx.attrs[a] = true
	}
	for _, p := range pages {
		doc, err := html.Parse(bytes.NewReader(p.Data))
		if err != nil {
			f.Fatal(err)
		}
		meta := 0
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			fx.allowed[n.Data] = true
			for _, a := range n.Attr {
				fx.attrs[attrName(a)] = true
				if a.Key == "style" {
					fx.styles[a.Val] = true
				}
			}
			if n.Data == "meta" {
				meta++
			}
		}
		if fx.meta >= 0 && meta != fx.meta {
			f.Fatalf("%s: %d <meta> elements, another page %d", p.Name, meta, fx.meta)
		}
		fx.meta = meta
	}
	for _, bad := range []string{"script", "iframe", "object", "embed", "form", "base", "link", "frame", "foreignObject"} {
		if fx.allowed[bad] {
			f.Fatalf("the pages hold a <%s> with harmless text", bad)
		}
	}
	return fx
}

func attrName(a html.Attribute) string {
	if a.Namespace != "" {
		return a.Namespace + ":" + a.Key
	}
	return a.Key
}

// collect records the text fields under n; key is the mapping key holding n.
func (fx *htmlFixture) collect(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			fx.collect(c, "")
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			fx.collect(c, key)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			fx.collect(n.Content[i+1], n.Content[i].Value)
		}
	case yaml.ScalarNode:
		switch {
		case n.Value == fuzzUnit || n.Value == fuzzScenario:
			fx.ids = append(fx.ids, n)
		case plainKeys[key]:
			fx.plain = append(fx.plain, n)
		case mdKeys[key]:
			fx.md = append(fx.md, n)
		case key == "url":
			fx.url = append(fx.url, n)
		}
	}
}

// fuzzFiles serves the filled trees to the loader.
type fuzzFiles map[string][]byte

func (m fuzzFiles) ReadFile(name string) ([]byte, error) {
	if b, ok := m[path.Clean(name)]; ok {
		return b, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// build fills the trees, loads them and builds the report; an error when the
// loader or Build refuses the text.
func (fx *htmlFixture) build(plain, md string) (*Report, error) {
	fx.mu.Lock()
	defer fx.mu.Unlock()
	// YAML files are UTF-8: other bytes cannot reach the loader.
	plain, md = strings.ToValidUTF8(plain, "\uFFFD"), strings.ToValidUTF8(md, "\uFFFD")
	fill := func(ns []*yaml.Node, s string) {
		for _, n := range ns {
			n.Tag, n.Style, n.Value = "!!str", yaml.DoubleQuotedStyle, s
		}
	}
	fill(fx.plain, plain)
	fill(fx.md, md)
	fill(fx.url, plain)
	orig := make([]string, len(fx.ids))
	for i, n := range fx.ids {
		orig[i] = n.Value
		if model.ValidID(plain) {
			n.Value = plain
		}
	}
	files := fuzzFiles{}
	for name, n := range fx.files {
		data, err := yaml.Marshal(n)
		if err != nil {
			return nil, err
		}
		files[name] = data
	}
	for i, n := range fx.ids {
		n.Value = orig[i]
	}
	l := &model.Loader{Files: files}
	set, diags, err := l.LoadSet([]string{"testdata/study/study.yaml"})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%v", diags)
	}
	return BuildWith(set, diags, "fr", BuildOptions{Benchmarks: fx.bench})
}

// render renders the HTML pages of a report.
func render(r *Report) ([]File, error) {
	for _, s := range r.Scenarios {
		// The charts the report draws itself stay (the position chart, the heat
		// maps); those go-graphviz lays out go: it is slow, and its input, DOT,
		// has its own fuzzer (chart.FuzzEscape).
		s.Charts = slices.DeleteFunc(s.Charts, func(c ChartRef) bool { return c.SVG == nil })
	}
	return Render(r, Options{NoMarkdown: true})
}

// checkPage parses an HTML page and checks what the fuzzed text may not do.
func checkPage(t *testing.T, fx *htmlFixture, p File, plain string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(p.Data))
	if err != nil {
		t.Fatalf("%s: %v", p.Name, err)
	}
	styles, meta, h1, title := 0, 0, []string{}, ""
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if !fx.allowed[n.Data] {
			t.Fatalf("%s: a <%s> element, which the page does not use\n%s", p.Name, n.Data, p.Data)
		}
		switch n.Data {
		case "style":
			styles++
		case "meta":
			meta++
		case "h1":
			h1 = append(h1, textOf(n))
		case "title":
			if n.Namespace == "" { // not a chart's <title>
				title = textOf(n)
			}
		}
		for _, a := range n.Attr {
			name := attrName(a)
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || !fx.attrs[name] {
				t.Fatalf("%s: <%s %s=%q>: an attribute the page does not use\n%s", p.Name, n.Data, name, a.Val, p.Data)
			}
			if isURLAttr(a.Key) && !safeURL(a.Val, n.Data == "img" && a.Key == "src") {
				t.Fatalf("%s: <%s %s=%q>: an address the page may not hold", p.Name, n.Data, name, a.Val)
			}
			if a.Key == "style" && !fx.styles[a.Val] && !alignStyle(a.Val) {
				t.Fatalf("%s: <%s style=%q>: a style the page does not write", p.Name, n.Data, a.Val)
			}
		}
	}
	if styles != 1 || meta != fx.meta {
		t.Fatalf("%s: %d <style> and %d <meta> elements, want 1 and %d", p.Name, styles, meta, fx.meta)
	}
	// Every page starts with the title of its study or scenario, plain text
	// exactly: in its first heading (through Markdown, which drops control
	// characters) and in its <title> (through html/template).
	if want := readsAs(plain); len(h1) == 0 || h1[0] != want {
		t.Fatalf("%s: the heading reads %q, want %q (from %q)", p.Name, h1, want, plain)
	}
	want := strings.Join(strings.Fields(strings.ReplaceAll(strings.ToValidUTF8(plain, "\uFFFD"), "\x00", "\uFFFD")), " ")
	if !strings.HasPrefix(title, want) {
		t.Fatalf("%s: the title reads %q, want it to start with %q (from %q)", p.Name, title, want, plain)
	}
}

// textOf returns the text under n, spaces collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// readsAs is how a plain text reads in a page (escape.Markdown's rules: line
// breaks and tabs become spaces, other control characters go), spaces
// collapsed.
func readsAs(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

func isURLAttr(key string) bool {
	return slices.Contains([]string{"href", "src", "action", "formaction", "poster", "background", "cite", "xlink:href", "srcset"}, key)
}

// safeURL reports whether an address is a fragment, relative, or http, https
// or mailto (and, for an image, data:image/ as goldmark allows), read as a
// browser does: tabs and line breaks anywhere and leading spaces and control
// characters ignored, a scheme being a letter, then letters, digits, + - or .,
// then a colon.
func safeURL(u string, img bool) bool {
	u = strings.TrimLeftFunc(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u), func(r rune) bool { return r <= ' ' })
	i := strings.IndexFunc(u, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '+' || r == '-' || r == '.')
	})
	if i <= 0 || u[i] != ':' || !unicode.IsLetter(rune(u[0])) {
		return true // no scheme: relative
	}
	switch scheme := strings.ToLower(u[:i]); scheme {
	case "http", "https", "mailto":
		return true
	case "data":
		return img && strings.HasPrefix(strings.ToLower(u[i+1:]), "image/")
	}
	return false
}

// alignStyle reports whether a style is a table cell's alignment, the only
// style Markdown writes (the layout's own are taken from the harmless pages).
func alignStyle(s string) bool {
	return slices.Contains([]string{"text-align:left", "text-align:center", "text-align:right"}, strings.ReplaceAll(s, " ", ""))
}
