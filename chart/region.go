package chart

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/orgdesign/orgdesign/model"
)

// box is one box of a regional page: an item, or the items of one template
// aggregated under one territory unit.
type box struct {
	id      string
	items   []*placed
	agg     bool
	place   *model.TerritoryUnit // the item's place, or the unit aggregated under
	cluster *model.TerritoryUnit // its second-level ancestor; nil on the top level
}

// regionLayout is a regional page before it is written.
type regionLayout struct {
	boxes     []*box
	boxOf     map[string]*box // instance id -> its box
	externals []string        // superiors outside the page, in order of appearance
	edges     [][2]string     // reporting lines, deduplicated
}

// layoutRegion places the items of a top-level unit into boxes, one per item
// on levels down to detail, aggregated by template under their ancestor on
// level detail below it.
func (b *builder) layoutRegion(g *geo, items []*placed, detail int) *regionLayout {
	l := &regionLayout{boxOf: map[string]*box{}}
	agg := map[string]*box{}
	for _, p := range items {
		var bx *box
		if p.level <= detail {
			bx = &box{id: p.id, items: []*placed{p}, place: p.place}
			l.boxes = append(l.boxes, bx)
		} else {
			anc := g.ancestor(p.place, detail)
			key := "agg:" + p.template + "@" + anc.ID
			if bx = agg[key]; bx == nil {
				bx = &box{id: key, agg: true, place: anc}
				agg[key] = bx
				l.boxes = append(l.boxes, bx)
			}
			bx.items = append(bx.items, p)
		}
		if g.level[bx.place.Level] >= 1 {
			bx.cluster = g.ancestor(bx.place, 1)
		}
		if p.inst != nil {
			l.boxOf[p.inst.ID] = bx
		}
	}
	seenExt := map[string]bool{}
	seenEdge := map[[2]string]bool{}
	for _, bx := range l.boxes {
		for _, p := range bx.items {
			if p.inst == nil || p.inst.ReportsTo == "" {
				continue
			}
			from := p.inst.ReportsTo
			if sup, ok := l.boxOf[from]; ok {
				from = sup.id
			} else if !seenExt[from] {
				seenExt[from] = true
				l.externals = append(l.externals, from)
			}
			e := [2]string{from, bx.id}
			if from != bx.id && !seenEdge[e] {
				seenEdge[e] = true
				l.edges = append(l.edges, e)
			}
		}
	}
	return l
}

// regional is the page of one top-level territory unit, laid out left to
// right: the superiors outside it, its own top-level boxes, then one cluster
// per second-level unit. In each group the first unit box is the anchor; the
// other boxes follow it, folded into columns so that a cluster of many
// service points does not make the page a tall strip. The leaves among them
// that report to the same box (or to none) are drawn as one node with one
// line from that box, a card listing them (or a grid of boxes when they are
// drawn differently): a page of 200 service points then costs Graphviz a few
// nodes, not 200.
func (b *builder) regional(g *geo, top *model.TerritoryUnit, items []*placed) []byte {
	d := b.d
	detail := 0
	for _, p := range items {
		detail = max(detail, p.level)
	}
	l := b.layoutRegion(g, items, detail)
	for len(l.boxes)+len(l.externals) > b.maxBoxes && detail > 0 {
		detail--
		l = b.layoutRegion(g, items, detail)
	}
	title := hl(titleLines(d.w("title.territory")+" — "+top.Name, b.r.Header.Title))
	w := newDOT(title, at("rankdir", "LR"), at("nodesep", "0.15"), at("ranksep", "0.6"))
	var lg legend
	kinds := map[string]bool{}
	for _, id := range l.externals {
		kinds[b.writeOutside(w, id)] = true
	}
	hasIn, hasOut, sources := map[string]bool{}, map[string]bool{}, map[string][]string{}
	for _, e := range l.edges {
		hasIn[e[1]] = true
		hasOut[e[0]] = true
		sources[e[1]] = append(sources[e[1]], e[0])
	}
	folded := map[string]string{} // box id -> the id of the table it is drawn in
	var seconds []*model.TerritoryUnit
	if levels := g.t.Territory.Levels; len(levels) > 1 {
		for _, u := range g.t.Level(levels[1]) {
			if g.ancestor(u, 0) == top {
				seconds = append(seconds, u)
			}
		}
	}
	groups := map[*model.TerritoryUnit][]*box{} // nil: the top level
	for _, bx := range l.boxes {
		groups[bx.cluster] = append(groups[bx.cluster], bx)
	}
	cols := regionColumns(append([]*model.TerritoryUnit{nil}, seconds...), groups)
	anyAgg, anyPoint := false, false
	writeGroup := func(bxs []*box, cluster *model.TerritoryUnit) {
		anchor, followers := anchorOf(bxs)
		leaves, source, followers := foldable(followers, hasOut, sources)
		fold := "fold:" + top.ID
		if cluster != nil {
			fold = "fold:" + cluster.ID
		}
		for _, bx := range leaves {
			folded[bx.id] = fold
		}
		for _, bx := range bxs {
			p := bx.items[0]
			if p.inst != nil {
				kinds[p.inst.Unit.Kind] = true
			} else if !bx.agg {
				anyPoint = true
			}
			anyAgg = anyAgg || bx.agg
			if _, ok := folded[bx.id]; ok {
				continue
			}
			lk, label := b.boxLabel(bx, top, cluster)
			w.node(bx.id, append(lk.attrs(), hl(label))...)
		}
		if len(leaves) > 0 {
			w.node(fold, at("shape", "plain"), at("style", ""), hl(b.foldedTable(leaves, cols, top, cluster)))
			if source == "" && anchor != nil {
				w.invisible(anchor.id, fold)
			}
		}
		rows := (len(followers) + cols - 1) / cols
		for j, bx := range followers {
			switch {
			case j >= rows:
				w.invisible(followers[j-rows].id, bx.id)
			case anchor != nil && !hasIn[bx.id]:
				w.invisible(anchor.id, bx.id)
			}
		}
	}
	writeGroup(groups[nil], nil)
	for _, u := range seconds {
		if len(groups[u]) == 0 {
			continue
		}
		w.cluster(u.ID, at("label", u.Name), at("style", "rounded,filled"), at("fillcolor", "#fafafa"), at("color", "#bfbfbf"))
		writeGroup(groups[u], u)
		w.end()
	}
	drawn := map[string]bool{}
	for _, e := range l.edges {
		if id, ok := folded[e[1]]; ok {
			if drawn[id] {
				continue
			}
			drawn[id] = true
			e[1] = id
		}
		w.edge(e[0], e[1], reportsLine.attrs()...)
	}
	b.legendKinds(&lg, kinds)
	if anyPoint {
		lg.box(channelLook, d.w("channel-point"))
	}
	if anyAgg {
		lg.note("N ×", d.w("aggregated"))
	}
	if len(l.edges) > 0 {
		lg.line(reportsLine, d.w("reports"))
	}
	lg.write(w, d)
	return w.bytes()
}

// anchorOf returns a group's first unit box and the boxes that follow it.
func anchorOf(bxs []*box) (*box, []*box) {
	for i, bx := range bxs {
		if bx.items[0].inst != nil {
			return bx, append(append([]*box(nil), bxs[:i]...), bxs[i+1:]...)
		}
	}
	return nil, bxs
}

// minFold is the fewest leaves drawn as one table: below it, boxes of their
// own cost little layout time and keep their own shapes.
const minFold = 4

// foldable splits the followers of a group: the most numerous leaves (no
// line leaves them) that report to the same box, or to none, when there are
// at least minFold of them; their source ("" for none); and the other
// followers, which stay boxes of their own. Aggregates stay boxes: a table
// cell cannot draw their box3d shape.
func foldable(followers []*box, hasOut map[string]bool, sources map[string][]string) (leaves []*box, source string, rest []*box) {
	sourceOf := func(bx *box) (string, bool) {
		switch s := sources[bx.id]; {
		case bx.agg || hasOut[bx.id] || len(s) > 1:
			return "", false
		case len(s) == 1:
			return s[0], true
		}
		return "", true
	}
	count := map[string]int{}
	most := 0
	for _, bx := range followers {
		if s, ok := sourceOf(bx); ok {
			if count[s]++; count[s] > most {
				most, source = count[s], s
			}
		}
	}
	if most < minFold {
		return nil, "", followers
	}
	for _, bx := range followers {
		if s, ok := sourceOf(bx); ok && s == source {
			leaves = append(leaves, bx)
		} else {
			rest = append(rest, bx)
		}
	}
	return leaves, source, rest
}

// foldedTable draws leaves as one node: one card listing them when they are
// alike (foldedList), otherwise a table of cols columns, filled column by
// column, each cell drawn like the box it replaces. One node for Graphviz to
// place instead of one per box, which cost most of a regional page's layout.
func (b *builder) foldedTable(leaves []*box, cols int, top, cluster *model.TerritoryUnit) string {
	if list, ok := b.foldedList(leaves, cols, top, cluster); ok {
		return list
	}
	rows := (len(leaves) + cols - 1) / cols
	cols = (len(leaves) + rows - 1) / rows
	t := newTable(`BORDER="0" CELLBORDER="1" CELLSPACING="8" CELLPADDING="5"`)
	for r := range rows {
		t.row()
		for c := range cols {
			i := c*rows + r
			if i >= len(leaves) {
				t.cell(`BORDER="0"`, "")
				continue
			}
			lk, label := b.boxLabel(leaves[i], top, cluster)
			t.cell(lookCell(lk, label, ""))
		}
		t.endRow()
	}
	return t.markup()
}

// foldedList draws leaves of one template, drawn alike, as one card: "N ×
// name" and the headcount of each when they all have the same, then the
// places, a few to a line (each place with its headcount when they differ).
// A card is read faster than a grid of boxes saying the same thing, and
// costs Graphviz a fraction of it (each cell of an HTML-like table is sized
// and drawn on its own: 18 ms → 8 ms a page of 120 points in WebAssembly).
// ok is false when the leaves differ in template or look.
func (b *builder) foldedList(leaves []*box, cols int, top, cluster *model.TerritoryUnit) (string, bool) {
	d := b.d
	first := leaves[0].items[0]
	lk, _ := b.boxLabel(leaves[0], top, cluster)
	staff := -1 // the headcount they all have; -2 when they differ
	for _, bx := range leaves {
		p := bx.items[0]
		if l, _ := b.boxLabel(bx, top, cluster); p.template != first.template || l != lk || (p.inst == nil) != (first.inst == nil) {
			return "", false
		}
		if p.inst != nil {
			switch {
			case staff == -1:
				staff = p.inst.Headcount
			case staff != p.inst.Headcount:
				staff = -2
			}
		}
	}
	head := bold(text(d.int(len(leaves)) + " × " + b.name(first.template)))
	switch {
	case staff >= 0:
		head += small(text(" · " + fmt.Sprintf(d.w("each"), d.staff(staff))))
	case staff == -2:
		head += small(text(" · " + d.staff(sumStaff(itemsOf(leaves))) + ", " + d.w("staff-in-brackets")))
	}
	entries := make([]string, len(leaves))
	for i, bx := range leaves {
		p := bx.items[0]
		e := p.name
		if p.place != top && p.place != cluster {
			e = p.place.Name
		}
		if staff == -2 {
			e += " (" + d.int(p.inst.Headcount) + ")"
		}
		entries[i] = e
	}
	ls := []string{head}
	for _, l := range joinLines(entries, " · ", min(max(16*cols, 40), 90)) {
		ls = append(ls, text(l))
	}
	attrs, label := lookCell(lk, lines(ls...), ` ALIGN="LEFT" BALIGN="LEFT"`)
	t := newTable(`BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"`)
	t.row()
	t.cell(attrs, label)
	t.endRow()
	return t.markup(), true
}

// lookCell returns a table cell drawn like a box of that look: its fill, a
// dark border (dashed when the box's is), the label in its font colour; the
// extra attributes come before the dashed style.
func lookCell(lk look, label, extra string) (attrs, markup string) {
	attrs = `BGCOLOR="` + lk.fill + `" COLOR="#404040"` + extra
	if strings.Contains(lk.style, "dashed") {
		attrs += ` STYLE="dashed"`
	}
	if lk.fontColor != "" {
		label = colored(lk.fontColor, label)
	}
	return attrs, label
}

// itemsOf returns the first item of each box.
func itemsOf(bxs []*box) []*placed {
	out := make([]*placed, len(bxs))
	for i, bx := range bxs {
		out[i] = bx.items[0]
	}
	return out
}

// joinLines joins entries with sep into lines of about width characters,
// breaking only between entries (a place's name stays whole); sep ends
// every line but the last.
func joinLines(entries []string, sep string, width int) []string {
	var out []string
	line := ""
	for _, e := range entries {
		e = strings.Join(strings.Fields(clean(e)), " ")
		switch {
		case line == "":
			line = e
		case utf8.RuneCountInString(line)+utf8.RuneCountInString(sep)+utf8.RuneCountInString(e) <= width:
			line += sep + e
		default:
			out = append(out, line+strings.TrimRight(sep, " "))
			line = e
		}
	}
	return append(out, line)
}

// boxLabel draws a box of a regional page: an instance with its headcount, a
// service point with its place when the cluster does not already say it, or
// an aggregate "N × name" with the unit it sits under.
func (b *builder) boxLabel(bx *box, top, cluster *model.TerritoryUnit) (look, string) {
	d := b.d
	p := bx.items[0]
	switch {
	case bx.agg:
		lk := channelLook
		if p.inst != nil {
			lk = unitLook(p.inst.Unit.Kind)
		}
		lk.shape = "box3d"
		ls := []string{bold(wrapText(d.int(len(bx.items))+" × "+b.name(p.template), 28))}
		if bx.place != cluster && bx.place != top {
			ls = append(ls, small(text(bx.place.Name)))
		}
		if staff := sumStaff(bx.items); staff > 0 {
			ls = append(ls, small(text(d.staff(staff))))
		}
		return lk, lines(ls...)
	case p.inst != nil:
		return unitLook(p.inst.Unit.Kind), lines(bold(wrapText(p.name, 28)), small(text(d.staff(p.inst.Headcount))))
	}
	ls := []string{wrapText(p.name, 28)}
	if p.place != top && p.place != cluster {
		ls = append(ls, small(text(p.place.Name)))
	}
	return channelLook, lines(ls...)
}

func sumStaff(items []*placed) int {
	n := 0
	for _, p := range items {
		if p.inst != nil {
			n += p.inst.Headcount
		}
	}
	return n
}

// regionColumns chooses how many columns the followers of every group are
// folded into: the fewest that keep the page no more than 1.4 times as tall
// as wide (A3 portrait), estimated from box counts (a box is about 230 pt across with its
// gap, 45 pt down).
func regionColumns(order []*model.TerritoryUnit, groups map[*model.TerritoryUnit][]*box) int {
	const boxW, boxH, clusterPad = 230.0, 45.0, 30.0
	most := 1
	for _, u := range order {
		most = max(most, len(groups[u]))
	}
	for cols := 1; ; cols++ {
		height := 0.0
		for _, u := range order {
			if len(groups[u]) == 0 {
				continue
			}
			anchor, followers := anchorOf(groups[u])
			rows := (len(followers) + cols - 1) / cols
			if anchor != nil {
				rows = max(rows, 1)
			}
			height += float64(rows)*boxH + clusterPad
		}
		width := float64(3+cols) * boxW
		if height <= 1.4*width || cols >= most {
			return cols
		}
	}
}
