package report

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The position chart: for each indicator with comparable countries, one row
// where the countries' values are dots on a line from the lowest to the
// highest value shown, the band between the countries' minimum and maximum is
// shaded, the median is a tick and the scenario a diamond. Drawn here as SVG
// text, with only the elements inlineSVG allows (svg, g, title, rect, line,
// circle, polygon, text); every text is XML-escaped and carries no attribute,
// and coordinates are written with one decimal, so the same comparison gives
// the same bytes.

// Geometry of the position chart, in SVG user units (pixels).
const (
	posWidth  = 720
	posLabelX = 8
	posAxisX0 = 270
	posAxisX1 = 570
	posValueX = 590
	posTop    = 44 // below the legend
	posRowH   = 46
)

// positionChart draws the scenario's position among the countries; false
// when no indicator has a comparable country.
func positionChart(s *Scenario, l *Language) (ChartRef, bool) {
	var rows []BenchIndicator
	for _, ind := range s.Comparison.Indicators {
		if ind.Chart != nil {
			rows = append(rows, ind)
		}
	}
	if len(rows) == 0 {
		return ChartRef{}, false
	}
	return ChartRef{View: "benchmark", Title: l.Label("chart.benchmark"), Path: chartsDir + "/" + s.Page + "-benchmark.svg",
		SVG: positionSVG(rows, l)}, true
}

// svgWriter accumulates the chart's markup.
type svgWriter struct{ strings.Builder }

// text writes an element's content: characters XML 1.0 does not allow
// (control characters but tab and line breaks, invalid UTF-8) are dropped,
// the rest escaped.
func (w *svgWriter) text(s string) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == utf8.RuneError, r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE || r == 0xFFFF:
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	w.WriteString(html.EscapeString(s))
}

// coord writes a coordinate with one decimal.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

func positionSVG(rows []BenchIndicator, l *Language) []byte {
	height := posTop + len(rows)*posRowH + 4
	w := &svgWriter{}
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(posWidth) + `" height="` + strconv.Itoa(height) +
		`" viewBox="0 0 ` + strconv.Itoa(posWidth) + " " + strconv.Itoa(height) + `" font-family="sans-serif" font-size="11">` + "\n")
	w.WriteString("<title>")
	w.text(l.Label("chart.benchmark"))
	w.WriteString("</title>\n")
	// The legend.
	w.WriteString(`<g fill="#333">` + "\n")
	legend := func(x float64, mark, label string) {
		w.WriteString(mark)
		w.WriteString(`<text x="` + coord(x+12) + `" y="18">`)
		w.text(label)
		w.WriteString("</text>\n")
	}
	legend(posLabelX, diamond(posLabelX+4, 14, 5), l.Label("scenario"))
	legend(150, `<circle cx="154.0" cy="14.0" r="4" fill="#4a78a8"/>`, l.Label("comparableCountries"))
	legend(330, `<line x1="334.0" y1="6.0" x2="334.0" y2="22.0" stroke="#222" stroke-width="2"/>`, l.Label("median"))
	legend(430, `<rect x="428.0" y="9.0" width="10" height="10" fill="#e3e3e3"/>`, l.Label("countryRange"))
	w.WriteString("</g>\n")
	for i, ind := range rows {
		w.row(ind, float64(posTop+i*posRowH+14), l)
	}
	w.WriteString("</svg>\n")
	return []byte(w.String())
}

// diamond is the scenario's mark.
func diamond(x, y, r float64) string {
	return `<polygon points="` + coord(x) + "," + coord(y-r) + " " + coord(x+r) + "," + coord(y) + " " + coord(x) + "," + coord(y+r) + " " +
		coord(x-r) + "," + coord(y) + `" fill="#c0392b"/>`
}

// row draws one indicator at height y.
func (w *svgWriter) row(ind BenchIndicator, y float64, l *Language) {
	c := ind.Chart
	lo, hi := c.Points[0].Value, c.Points[0].Value
	loText, hiText := c.Points[0].Text, c.Points[0].Text
	for _, p := range c.Points {
		if p.Value < lo {
			lo, loText = p.Value, p.Text
		}
		if p.Value > hi {
			hi, hiText = p.Value, p.Text
		}
	}
	minV, maxV := lo, hi
	if s := c.Scenario; s != nil {
		if *s < lo {
			lo, loText = *s, ind.Scenario
		}
		if *s > hi {
			hi, hiText = *s, ind.Scenario
		}
	}
	span := hi - lo
	if span == 0 {
		span = 1
		lo -= 0.5
	}
	x := func(v float64) float64 { return posAxisX0 + (v-lo)/span*(posAxisX1-posAxisX0) }
	w.WriteString("<g>\n<text x=\"" + coord(posLabelX) + `" y="` + coord(y+4) + `" fill="#222">`)
	w.text(ind.Label)
	w.WriteString("</text>\n")
	w.WriteString(`<text x="` + coord(posLabelX) + `" y="` + coord(y+18) + `" fill="#666" font-size="9">`)
	w.text(ind.Unit)
	w.WriteString("</text>\n")
	w.WriteString(`<rect x="` + coord(x(minV)) + `" y="` + coord(y-6) + `" width="` + coord(max(x(maxV)-x(minV), 1)) + `" height="12" fill="#e3e3e3"/>` + "\n")
	w.WriteString(`<line x1="` + coord(posAxisX0) + `" y1="` + coord(y) + `" x2="` + coord(posAxisX1) + `" y2="` + coord(y) + `" stroke="#999"/>` + "\n")
	w.WriteString(`<line x1="` + coord(x(c.Median)) + `" y1="` + coord(y-9) + `" x2="` + coord(x(c.Median)) + `" y2="` + coord(y+9) +
		`" stroke="#222" stroke-width="2"><title>`)
	w.text(l.Label("median") + l.Label("colon") + " " + ind.Median)
	w.WriteString("</title></line>\n")
	for _, p := range c.Points {
		w.WriteString(`<circle cx="` + coord(x(p.Value)) + `" cy="` + coord(y) + `" r="4" fill="#4a78a8" fill-opacity="0.8"><title>`)
		w.text(p.Name + l.Label("colon") + " " + p.Text)
		w.WriteString("</title></circle>\n")
	}
	if c.Scenario != nil {
		mark := diamond(x(*c.Scenario), y, 6)
		w.WriteString(strings.TrimSuffix(mark, "/>") + "><title>")
		w.text(l.Label("scenario") + l.Label("colon") + " " + ind.Scenario)
		w.WriteString("</title></polygon>\n")
	}
	w.WriteString(`<text x="` + coord(posAxisX0) + `" y="` + coord(y+20) + `" fill="#666" font-size="9">`)
	w.text(loText)
	w.WriteString("</text>\n")
	w.WriteString(`<text x="` + coord(posAxisX1) + `" y="` + coord(y+20) + `" fill="#666" font-size="9" text-anchor="end">`)
	w.text(hiText)
	w.WriteString("</text>\n")
	w.WriteString(`<text x="` + coord(posValueX) + `" y="` + coord(y+4) + `" fill="#c0392b">`)
	w.text(l.Label("scenario") + l.Label("colon") + " " + ind.Scenario)
	w.WriteString("</text>\n</g>\n")
}
