package chart

import (
	"slices"

	"github.com/orgdesign/orgdesign/model"
)

// legend collects the rows of a chart's legend: a sample (a colour swatch or
// a line) and the words that explain it.
type legend struct {
	rows []legendRow
}

type legendRow struct {
	cellAttrs string // attributes of the sample cell (built here, not user text)
	sample    string // markup of the sample
	text      string // plain text, escaped when written
}

// box adds a box sample filled with the colour.
func (l *legend) box(lk look, text string) {
	l.rows = append(l.rows, legendRow{cellAttrs: `BGCOLOR="` + lk.fill + `" BORDER="1" WIDTH="28"`, text: text})
}

// swatch adds a plain colour sample.
func (l *legend) swatch(fill, mark, text string) {
	l.rows = append(l.rows, legendRow{cellAttrs: `BGCOLOR="` + fill + `" BORDER="1" WIDTH="28"`, sample: mark, text: text})
}

// line adds a line sample.
func (l *legend) line(ln line, text string) {
	l.rows = append(l.rows, legendRow{sample: ln.sample(), text: text})
}

// note adds a row whose sample is a short mark (a symbol or a letter).
func (l *legend) note(mark, text string) {
	l.rows = append(l.rows, legendRow{sample: mark, text: text})
}

// write adds the legend to the graph as one plain node named "legend".
func (l *legend) write(w *dotWriter, d dict) {
	t := newTable(`BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="white" COLOR="#7f7f7f"`)
	t.row()
	t.cell(`COLSPAN="2" ALIGN="LEFT"`, bold(text(d.w("legend"))))
	t.endRow()
	for _, r := range l.rows {
		t.row()
		t.cell(r.cellAttrs, r.sample)
		t.cell(`ALIGN="LEFT"`, text(r.text))
		t.endRow()
	}
	w.node("legend", at("shape", "plain"), at("style", ""), hl(t.markup()))
}

// legendKinds adds the unit kinds drawn, in the closed list's order.
func (b *builder) legendKinds(lg *legend, kinds map[string]bool) {
	for _, k := range model.UnitKinds {
		if kinds[k] {
			lg.box(unitLook(k), b.d.kind("unitKind", k))
		}
	}
}

// legendBodies adds the kinds of the scenario's bodies, in the closed list's
// order.
func (b *builder) legendBodies(lg *legend) {
	for _, k := range model.BodyKinds {
		if slices.ContainsFunc(b.r.Bodies, func(x *model.Body) bool { return x.Kind == k }) {
			lg.box(bodyLook(k), b.d.kind("body", k))
		}
	}
}
