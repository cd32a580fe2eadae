package chart

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DOT is written as text. User text reaches it only through quote (IDs and
// plain labels) or htmlText (the text of HTML-like labels): never through
// Sprintf, so no name can close a string, open a tag or inject an attribute.

// quote returns s as a DOT double-quoted string. Inside, Graphviz reads `\"`
// as a quote, `\\` as a backslash (so `\N`, `\G`, `\l` in a name stay text)
// and `&...;` as an entity (so `&` is written `&amp;`). A newline becomes a
// line break, control characters are replaced by U+FFFD, invalid UTF-8 is
// repaired; every other character, right-to-left scripts included, is kept.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range clean(s) {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '&':
			b.WriteString("&amp;")
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlText returns s escaped as the text of a DOT HTML-like label: `&`, `<`,
// `>` and `"` become entities, a backslash is doubled (Graphviz replaces `\N`,
// `\G`... in HTML-like labels too, even written `&#92;N`), a newline becomes
// <BR/>, control characters are replaced by U+FFFD.
func htmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range clean(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString("<BR/>")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clean repairs invalid UTF-8, turns CR LF and CR into LF and tabs into
// spaces, and replaces the other control characters (C0, DEL, C1) and the
// bidirectional overrides and isolates (which would reorder the text around
// them) by U+FFFD. Letters of any script are kept as they are.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r':
			return '\n'
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
			r == 0xFFFE, r == 0xFFFF: // U+FFFE and U+FFFF are not XML characters: the SVG would not parse
			return utf8.RuneError
		}
		return r
	}, s)
}

// attr is one DOT attribute. A value is written quoted, or between < > when
// it is an HTML-like label built by this package (see table and htmlText).
type attr struct {
	key, val string
	html     bool
}

// at is a quoted attribute.
func at(key, val string) attr { return attr{key: key, val: val} }

// hl is an HTML-like label; markup must come from this package's builders.
func hl(markup string) attr { return attr{key: "label", val: markup, html: true} }

// dotWriter writes one DOT graph with indentation.
type dotWriter struct {
	b     bytes.Buffer
	depth int
}

// newDOT opens a directed graph with the package's defaults.
func newDOT(attrs ...attr) *dotWriter {
	w := &dotWriter{}
	w.b.WriteString("digraph chart {\n")
	w.depth = 1
	w.stmt("graph", append([]attr{at("fontname", font), at("fontsize", "11"), at("newrank", "true"),
		at("labelloc", "t"), at("labeljust", "l"), at("pad", "0.3")}, attrs...))
	w.stmt("node", []attr{at("fontname", font), at("fontsize", "10"), at("shape", "box"),
		at("style", "filled"), at("fillcolor", "white"), at("color", "#404040"), at("margin", "0.14,0.06")})
	w.stmt("edge", []attr{at("fontname", font), at("fontsize", "9"), at("color", "#404040")})
	return w
}

// font is the font of every chart. Graphviz sizes boxes with its built-in
// metrics of DejaVu Sans, as wide as the widest common sans-serif (Verdana),
// so text fits whatever font the viewer falls back to (see svgFonts).
const font = "DejaVu Sans"

func (w *dotWriter) indent() {
	for range w.depth {
		w.b.WriteString("  ")
	}
}

// stmt writes `keyword [attrs];`; keyword is graph, node or edge.
func (w *dotWriter) stmt(keyword string, attrs []attr) {
	w.indent()
	w.b.WriteString(keyword)
	w.attrs(attrs)
	w.b.WriteString(";\n")
}

func (w *dotWriter) attrs(attrs []attr) {
	if len(attrs) == 0 {
		return
	}
	w.b.WriteString(" [")
	for i, a := range attrs {
		if i > 0 {
			w.b.WriteString(", ")
		}
		w.b.WriteString(a.key)
		w.b.WriteByte('=')
		if a.html {
			w.b.WriteByte('<')
			w.b.WriteString(a.val)
			w.b.WriteByte('>')
		} else {
			w.b.WriteString(quote(a.val))
		}
	}
	w.b.WriteByte(']')
}

// node writes a node statement.
func (w *dotWriter) node(id string, attrs ...attr) {
	w.indent()
	w.b.WriteString(quote(id))
	w.attrs(attrs)
	w.b.WriteString(";\n")
}

// edge writes an edge statement.
func (w *dotWriter) edge(from, to string, attrs ...attr) {
	w.indent()
	w.b.WriteString(quote(from))
	w.b.WriteString(" -> ")
	w.b.WriteString(quote(to))
	w.attrs(attrs)
	w.b.WriteString(";\n")
}

// invisible writes an edge that only constrains the layout.
func (w *dotWriter) invisible(from, to string) {
	w.edge(from, to, at("style", "invis"))
}

// cluster opens a cluster subgraph; close it with end.
func (w *dotWriter) cluster(id string, attrs ...attr) {
	w.indent()
	w.b.WriteString("subgraph ")
	w.b.WriteString(quote("cluster_" + id))
	w.b.WriteString(" {\n")
	w.depth++
	if len(attrs) > 0 {
		w.stmt("graph", attrs)
	}
}

// sameRank writes `{rank=KIND; ids}`; kind is same, min, max, source or sink.
func (w *dotWriter) sameRank(kind string, ids []string) {
	if len(ids) == 0 {
		return
	}
	w.indent()
	w.b.WriteString("{ rank=")
	w.b.WriteString(quote(kind))
	w.b.WriteString(";")
	for _, id := range ids {
		w.b.WriteByte(' ')
		w.b.WriteString(quote(id))
		w.b.WriteByte(';')
	}
	w.b.WriteString(" }\n")
}

// end closes a cluster.
func (w *dotWriter) end() {
	w.depth--
	w.indent()
	w.b.WriteString("}\n")
}

// bytes closes the graph and returns its text.
func (w *dotWriter) bytes() []byte {
	w.b.WriteString("}\n")
	return w.b.Bytes()
}

// table builds the markup of an HTML-like label. Its methods take markup
// already built; cell text goes through text, which escapes it.
type table struct {
	b bytes.Buffer
}

// newTable opens <TABLE> with attributes written by this package.
func newTable(attrs string) *table {
	t := &table{}
	t.b.WriteString("<TABLE")
	if attrs != "" {
		t.b.WriteByte(' ')
		t.b.WriteString(attrs)
	}
	t.b.WriteString(">")
	return t
}

// row opens a row on a line of its own (Graphviz ignores the white space
// between table tags; golden diffs then show one row per line); cells
// follow, then endRow.
func (t *table) row() { t.b.WriteString("\n<TR>") }

func (t *table) endRow() { t.b.WriteString("</TR>") }

// cell writes <TD attrs>markup</TD>.
func (t *table) cell(attrs, markup string) {
	t.b.WriteString("<TD")
	if attrs != "" {
		t.b.WriteByte(' ')
		t.b.WriteString(attrs)
	}
	t.b.WriteByte('>')
	t.b.WriteString(markup)
	t.b.WriteString("</TD>")
}

// markup closes the table and returns it.
func (t *table) markup() string {
	t.b.WriteString("</TABLE>")
	return t.b.String()
}

// text escapes user or tool text for an HTML-like label.
func text(s string) string { return htmlText(s) }

// bold, small and colored wrap markup already escaped. Graphviz rejects an
// empty <B> or <FONT> (and then silently draws the whole label empty), so
// empty markup stays empty.
func bold(markup string) string { return wrapIn("<B>", markup, "</B>") }

func small(markup string) string { return wrapIn(`<FONT POINT-SIZE="8">`, markup, "</FONT>") }

func colored(color, markup string) string {
	return wrapIn(`<FONT COLOR="`+color+`">`, markup, "</FONT>")
}

func wrapIn(open, markup, end string) string {
	if markup == "" {
		return ""
	}
	return open + markup + end
}

// lines joins escaped lines with <BR/>.
func lines(markup ...string) string { return strings.Join(markup, "<BR/>") }

// wrap breaks s into lines of about width characters at spaces; a word longer
// than width stays whole. Existing line breaks are kept.
func wrap(s string, width int) []string {
	var out []string
	for _, para := range strings.Split(clean(s), "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) <= width:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// wrapText wraps s and escapes it for an HTML-like label.
func wrapText(s string, width int) string {
	ls := wrap(s, width)
	for i, l := range ls {
		ls[i] = text(l)
	}
	return lines(ls...)
}
