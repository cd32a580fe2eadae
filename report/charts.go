package report

import (
	"errors"
	"fmt"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/chart"
	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/model"
)

// The charts of a scenario page: the chart package draws every view as DOT
// when the report is built; Render lays each out once as SVG, returns it as a
// file beside the Markdown pages (charts/<scenario>-<view>[-<page>].svg, the
// only subfolder a report has) and puts it inline in the HTML page, where the
// Markdown has its image.

// chartsDir is the folder of the chart files, beside the pages.
const chartsDir = "charts"

// ChartRef is one chart of a scenario page.
type ChartRef struct {
	View  string // one of chart.Views
	Title string // the caption: the view's name, with the territory unit's for a territory page
	Path  string // the file beside the Markdown page: charts/<scenario>-<view>[-<page>].svg
	DOT   []byte // what chart.SVG lays out
	SVG   []byte // a chart the report draws itself (the position chart), used as it is; DOT is then nil
}

// ChartsOf returns the scenario's charts of a view, in page order.
func (s *Scenario) ChartsOf(view string) []ChartRef {
	var out []ChartRef
	for _, c := range s.Charts {
		if c.View == view {
			out = append(out, c)
		}
	}
	return out
}

// chartList returns the scenario's charts; none for the index (nil).
func (s *Scenario) chartList() []ChartRef {
	if s == nil {
		return nil
	}
	return s.Charts
}

// buildCharts draws every view of a scenario.
func buildCharts(res *model.Resolved, a *analysis.Analysis, n *namer) ([]ChartRef, error) {
	charts, err := chart.Build(res, a, chart.Views, chart.Options{Lang: n.l.code})
	if err != nil {
		return nil, err
	}
	var out []ChartRef
	for _, c := range charts {
		ref := ChartRef{View: c.View, Title: n.l.Label("chart." + c.View), Path: chartsDir + "/" + c.Name("svg"), DOT: c.DOT}
		if c.Page != "" {
			ref.Title += " — " + n.name(c.Page)
		}
		if err := checkFileName(ref.Path); err != nil {
			return nil, fmt.Errorf("chart %s: %w", ref.Path, err)
		}
		out = append(out, ref)
	}
	return out, nil
}

// checkFileName refuses a file name that could leave the output folder: a
// page name, or a page name inside the charts folder.
func checkFileName(name string) error {
	if dir, base, ok := strings.Cut(name, "/"); ok {
		if dir != chartsDir {
			return fmt.Errorf("%q: only the %s folder may hold files", name, chartsDir)
		}
		return checkPageName(base)
	}
	return checkPageName(name)
}

// chartMarkdown writes a chart as a Markdown image: its caption escaped, its
// path (checked by checkFileName) between angle brackets.
func chartMarkdown(c ChartRef) (string, error) {
	if err := checkFileName(c.Path); err != nil {
		return "", err
	}
	return "![" + escape.Markdown(c.Title) + "](<" + c.Path + ">)", nil
}

// layoutCharts lays out the charts of a scenario: chart.SVG, our own
// renderer, is what every SVG of the report comes from.
func layoutCharts(s *Scenario) (map[string][]byte, error) {
	out := make(map[string][]byte, len(s.Charts))
	for _, c := range s.Charts {
		if c.SVG != nil {
			out[c.Path] = c.SVG
			continue
		}
		svg, err := chart.SVG(c.DOT)
		if err != nil {
			return nil, fmt.Errorf("chart %s: %w", c.Path, err)
		}
		out[c.Path] = svg
	}
	return out, nil
}

// svgElements are the elements Graphviz writes; anything else in a chart is
// refused rather than inlined (a script, a foreignObject, an image to load,
// an animation that could set an attribute).
var svgElements = map[string]bool{
	"svg": true, "g": true, "title": true, "desc": true, "a": true, "defs": true, "polygon": true, "polyline": true,
	"path": true, "ellipse": true, "circle": true, "rect": true, "line": true, "text": true, "tspan": true,
	"lineargradient": true, "radialgradient": true, "stop": true, "clippath": true,
}

// inlineSVG prepares a chart's SVG, as chart.SVG wrote it, to sit inside an
// HTML page beside other charts: the XML declaration, the DOCTYPE and the
// comments are dropped, and every id, with every reference to one
// (href="#…", xlink:href="#…", url(#…)), gets the prefix, so no two charts
// of a page share an id. What could run or load something is refused: an
// element Graphviz does not write, an event-handler attribute, a link or a
// url() that is not to an id of the chart itself.
func inlineSVG(svg []byte, prefix string) ([]byte, error) {
	if strings.Trim(prefix, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
		return nil, fmt.Errorf("chart id prefix %q: only lower-case letters, digits, - and _", prefix)
	}
	s := string(svg)
	var b strings.Builder
	b.Grow(len(s) + len(s)/20)
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		var close string
		switch {
		case strings.HasPrefix(s, "<!--"):
			close = "-->"
		case strings.HasPrefix(s, "<?"):
			close = "?>"
		case strings.HasPrefix(s, "<!DOCTYPE"):
			close = ">"
		case strings.HasPrefix(s, "<!"):
			return nil, errors.New("chart: unexpected markup declaration")
		default:
			tag, n, err := rewriteTag(s, prefix)
			if err != nil {
				return nil, fmt.Errorf("chart: %w", err)
			}
			b.WriteString(tag)
			s = s[n:]
			continue
		}
		end := strings.Index(s, close)
		if end < 0 {
			return nil, errors.New("chart: unterminated comment or declaration")
		}
		end += len(close)
		s = strings.TrimPrefix(s[end:], "\n")
	}
	out := strings.TrimSpace(b.String())
	if !strings.HasPrefix(out, "<svg") || !strings.HasSuffix(out, "</svg>") {
		return nil, errors.New("chart: not an SVG document")
	}
	return []byte(out), nil
}

// rewriteTag rewrites the tag at the start of s (s[0] is '<') and returns it
// with the number of bytes it took.
func rewriteTag(s, prefix string) (string, int, error) {
	if strings.HasPrefix(s, "</") {
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return "", 0, errors.New("unterminated tag")
		}
		name := strings.ToLower(strings.TrimSpace(s[2:end]))
		if !svgElements[name] {
			return "", 0, fmt.Errorf("element <%s> is not allowed", name)
		}
		return s[:end+1], end + 1, nil
	}
	i := 1
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	name := strings.ToLower(s[1:i])
	if !svgElements[name] {
		return "", 0, fmt.Errorf("element <%s> is not allowed", name)
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for {
		j := i
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		b.WriteString(s[i:j])
		i = j
		switch {
		case i >= len(s):
			return "", 0, errors.New("unterminated tag")
		case s[i] == '>':
			b.WriteByte('>')
			return b.String(), i + 1, nil
		case strings.HasPrefix(s[i:], "/>"):
			b.WriteString("/>")
			return b.String(), i + 2, nil
		}
		j = i
		for j < len(s) && s[j] != '=' && !isSpace(s[j]) && s[j] != '>' && s[j] != '/' {
			j++
		}
		attr := s[i:j]
		if j+1 >= len(s) || s[j] != '=' || (s[j+1] != '"' && s[j+1] != '\'') {
			return "", 0, fmt.Errorf("attribute %q of <%s> has no quoted value", attr, name)
		}
		quote := s[j+1]
		end := strings.IndexByte(s[j+2:], quote)
		if end < 0 {
			return "", 0, errors.New("unterminated attribute value")
		}
		value, err := rewriteAttr(name, strings.ToLower(attr), s[j+2:j+2+end], prefix)
		if err != nil {
			return "", 0, err
		}
		b.WriteString(attr + "=" + string(quote) + value + string(quote))
		i = j + 2 + end + 1
	}
}

// rewriteAttr prefixes the ids an attribute names and refuses what could run
// or load something.
func rewriteAttr(elem, attr, value, prefix string) (string, error) {
	switch {
	case strings.HasPrefix(attr, "on"):
		return "", fmt.Errorf("event attribute %s on <%s> is not allowed", attr, elem)
	case attr == "id":
		return prefix + value, nil
	case attr == "href" || attr == "xlink:href":
		if !strings.HasPrefix(value, "#") {
			return "", fmt.Errorf("link %q on <%s>: only links to the chart's own ids are allowed", value, elem)
		}
		return "#" + prefix + value[1:], nil
	}
	if strings.Count(value, "url(") != strings.Count(value, "url(#") {
		return "", fmt.Errorf("url() to anything but the chart's own ids in %s on <%s>", attr, elem)
	}
	return strings.ReplaceAll(value, "url(#", "url(#"+prefix), nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// chartImages renders the Markdown image of a chart as the chart itself,
// inline, with its caption; any other image as goldmark does.
type chartImages struct {
	charts   map[string][]byte // image destination → SVG prepared by inlineSVG
	fallback renderer.NodeRendererFunc
}

func newChartImages(charts map[string][]byte) *chartImages {
	c := &chartImages{charts: charts}
	gmhtml.NewRenderer().RegisterFuncs(registerFunc(func(kind ast.NodeKind, f renderer.NodeRendererFunc) {
		if kind == ast.KindImage {
			c.fallback = f
		}
	}))
	return c
}

// registerFunc adapts a function to goldmark's registerer, to collect the
// default HTML renderer's image function.
type registerFunc func(ast.NodeKind, renderer.NodeRendererFunc)

func (r registerFunc) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) { r(kind, f) }

// RegisterFuncs implements renderer.NodeRenderer.
func (c *chartImages) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindImage, c.render)
}

// render writes the chart in a span (an SVG is phrasing content, so the
// paragraph around the image stays valid HTML).
func (c *chartImages) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	img := n.(*ast.Image)
	svg, ok := c.charts[string(img.Destination)]
	if !ok {
		return c.fallback(w, src, n, entering)
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	caption := html.EscapeString(plainText(img, src))
	_, _ = w.WriteString(`<span class="chart" role="figure" aria-label="` + caption + `">`)
	_, _ = w.Write(svg)
	_, _ = w.WriteString(`<span class="caption">` + caption + `</span></span>`)
	return ast.WalkSkipChildren, nil
}
