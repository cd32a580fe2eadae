package risk

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// The heat map's colours by level: green, yellow, orange, red, light enough
// for black figures.
var levelColours = map[Level]string{Low: "#c7e6b4", Medium: "#fbe99a", High: "#f7bd77", Critical: "#ee8a7d"}

// levelRanges are the scores of each level, for the legend.
var levelRanges = map[Level]string{Low: "1–4", Medium: "5–9", High: "10–14", Critical: "15–25"}

// Layout of the heat maps, in pixels.
const (
	svgCell    = 40
	svgGrid    = 5 * svgCell
	svgLeft    = 56 // room for the likelihood axis
	svgGap     = 56
	svgTop     = 54 // the title and the grid's name above
	svgWidth   = svgLeft + 2*svgGrid + svgGap + 16
	svgHeight  = svgTop + svgGrid + 80
	svgLegendY = svgTop + svgGrid + 58
)

// HeatmapSVG draws the inherent and residual heat maps side by side as a
// small self-contained SVG: 5×5 grids (likelihood up, impact across), each
// cell coloured by its level and holding its count of risks, axis labels and
// a legend of the levels, in the language given (fr or en). The title is
// escaped; the same matrix gives the same bytes. It has no element ids, so
// several can sit on one page.
func HeatmapSVG(m Matrix, title string, lang string) []byte {
	var b strings.Builder
	n := strconv.Itoa
	text := func(x, y int, anchor, attrs, s string) {
		b.WriteString(`<text x="` + n(x) + `" y="` + n(y) + `" text-anchor="` + anchor + `"` + attrs + `>`)
		_ = xml.EscapeText(&b, []byte(s))
		b.WriteString("</text>\n")
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + n(svgWidth) + `" height="` + n(svgHeight) +
		`" viewBox="0 0 ` + n(svgWidth) + " " + n(svgHeight) + `" role="img" font-family="sans-serif" font-size="12">` + "\n")
	b.WriteString("<title>")
	_ = xml.EscapeText(&b, []byte(title))
	b.WriteString("</title>\n")
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	text(svgWidth/2, 20, "middle", ` font-size="14" font-weight="bold"`, title)
	for g, grid := range []Grid{m.Inherent, m.Residual} {
		x0 := svgLeft + g*(svgGrid+svgGap)
		name := word(lang, "inherent")
		if g == 1 {
			name = word(lang, "residual")
		}
		text(x0+svgGrid/2, svgTop-10, "middle", ` font-weight="bold"`, name)
		for l := 5; l >= 1; l-- {
			y := svgTop + (5-l)*svgCell
			text(x0-8, y+svgCell/2+4, "end", "", n(l))
			for i := 1; i <= 5; i++ {
				x := x0 + (i-1)*svgCell
				b.WriteString(`<rect x="` + n(x) + `" y="` + n(y) + `" width="` + n(svgCell) + `" height="` + n(svgCell) +
					`" fill="` + levelColours[LevelOf(l*i)] + `" stroke="#ffffff" stroke-width="2"/>` + "\n")
				if c := grid[l-1][i-1]; c > 0 {
					text(x+svgCell/2, y+svgCell/2+5, "middle", ` font-size="14" font-weight="bold"`, n(c))
				}
			}
		}
		for i := 1; i <= 5; i++ {
			text(x0+(i-1)*svgCell+svgCell/2, svgTop+svgGrid+16, "middle", "", n(i))
		}
		text(x0+svgGrid/2, svgTop+svgGrid+34, "middle", "", word(lang, "impact")+" →")
		yMid := svgTop + svgGrid/2
		text(x0-30, yMid, "middle", ` transform="rotate(-90 `+n(x0-30)+" "+n(yMid)+`)"`, word(lang, "likelihood")+" →")
	}
	x := svgLeft
	for _, l := range Levels {
		b.WriteString(`<rect x="` + n(x) + `" y="` + n(svgLegendY-10) + `" width="12" height="12" fill="` + levelColours[l] + `"/>` + "\n")
		label := word(lang, "level."+l.String()) + " " + levelRanges[l]
		text(x+16, svgLegendY, "start", "", label)
		x += 16 + 7*len([]rune(label)) + 20
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}
