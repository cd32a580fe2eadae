package chart

import (
	"github.com/orgdesign/orgdesign/model"
)

// The territory view: a national page with one box per top-level territory
// unit aggregating what is there, linked to the central units it reports to;
// then one page per top-level unit that holds anything below its own level,
// with its instances and service points one by one (or, past the page's box
// budget, aggregated at the level above).

// placed is one instance or channel service point located in the territory.
type placed struct {
	id       string // node id
	template string // unit template or channel id
	name     string
	place    *model.TerritoryUnit
	level    int
	inst     *model.Instance // nil for a channel's service point
}

// geo indexes the territory and what the scenario places in it.
type geo struct {
	t     *model.Territory
	level map[string]int                     // level name -> index, 0 at the top
	items []*placed                          // instances first (unit order), then service points (channel order)
	byTop map[*model.TerritoryUnit][]*placed // the items in each top-level unit
}

// geo places the instances and channel service points in the territory.
func (b *builder) geo() *geo {
	g := &geo{t: b.r.Territory, level: map[string]int{}, byTop: map[*model.TerritoryUnit][]*placed{}}
	if g.t == nil {
		return g
	}
	for i, l := range g.t.Territory.Levels {
		g.level[l] = i
	}
	for _, u := range b.r.Units {
		for _, in := range b.instancesOf(u.ID) {
			if in.Place == nil {
				continue
			}
			p := &placed{id: in.ID, template: u.ID, name: in.Name, place: in.Place, level: g.level[in.Place.Level], inst: in}
			g.items = append(g.items, p)
		}
	}
	for _, c := range b.r.Channels {
		var places []*model.TerritoryUnit
		switch {
		case c.Per != "":
			places = g.t.Level(c.Per)
		case c.At != "":
			if u := g.t.Unit(c.At); u != nil {
				places = []*model.TerritoryUnit{u}
			}
		}
		for _, pl := range places {
			g.items = append(g.items, &placed{id: c.ID + "@" + pl.ID, template: c.ID, name: c.Name, place: pl, level: g.level[pl.Level]})
		}
	}
	for _, p := range g.items {
		if top := g.ancestor(p.place, 0); top != nil {
			g.byTop[top] = append(g.byTop[top], p)
		}
	}
	return g
}

// ancestor returns the unit's ancestor (or itself) on a level index, or nil.
func (g *geo) ancestor(u *model.TerritoryUnit, level int) *model.TerritoryUnit {
	for seen := 0; u != nil && seen <= len(g.t.Units); seen++ {
		if g.level[u.Level] == level {
			return u
		}
		if g.level[u.Level] < level {
			return nil
		}
		u = g.t.Unit(u.Parent)
	}
	return nil
}

// tops returns the top-level territory units, in file order.
func (g *geo) tops() []*model.TerritoryUnit {
	if g.t == nil || len(g.t.Territory.Levels) == 0 {
		return nil
	}
	return g.t.Level(g.t.Territory.Levels[0])
}

// within returns the items placed in a top-level unit.
func (g *geo) within(top *model.TerritoryUnit) []*placed { return g.byTop[top] }

// detailed reports whether a top-level unit gets a page of its own: it holds
// something placed below its own level.
func detailed(items []*placed) bool {
	for _, p := range items {
		if p.level > 0 {
			return true
		}
	}
	return false
}

// territory returns the national page, then a page per detailed top-level
// unit, in territory order.
func (b *builder) territory() []page {
	g := b.geo()
	pages := []page{{dot: b.national(g)}}
	for _, top := range g.tops() {
		if items := g.within(top); detailed(items) {
			pages = append(pages, page{id: top.ID, dot: b.regional(g, top, items)})
		}
	}
	return pages
}

// counted is one line of an aggregate: n instances of a template or n points of a channel.
type counted struct {
	template string
	n        int
}

// tally counts items by template in declaration order (units, then channels)
// and sums the headcount of the instances.
func (b *builder) tally(items []*placed) ([]counted, int) {
	var out []counted
	staff := 0
	idx := map[string]int{}
	for _, p := range items {
		if p.inst != nil {
			staff += p.inst.Headcount
		}
		i, ok := idx[p.template]
		if !ok {
			i = len(out)
			idx[p.template] = i
			out = append(out, counted{template: p.template})
		}
		out[i].n++
	}
	return out, staff
}

// national is the first page: one box per top-level unit (double outline when
// it has a page of its own), in columns, linked to the units its instances
// report to; the national channels in one box.
func (b *builder) national(g *geo) []byte {
	r, d := b.r, b.d
	w := newDOT(b.title("territory"), at("rankdir", "LR"), at("nodesep", "0.2"), at("ranksep", "0.9"))
	var lg legend
	tops := g.tops()
	regionOf := map[string]string{} // instance id -> region node id
	for _, top := range tops {
		for _, p := range g.within(top) {
			if p.inst != nil {
				regionOf[p.inst.ID] = "region:" + top.ID
			}
		}
	}
	type link struct{ from, to string }
	var links []link
	seen := map[link]bool{}
	var centrals []string
	isCentral := map[string]bool{}
	var ids []string
	anyDetail := false
	tallest := 1
	for _, top := range tops {
		items := g.within(top)
		id := "region:" + top.ID
		ids = append(ids, id)
		lk := regionLook
		if detailed(items) {
			lk.peripheries = "2"
			anyDetail = true
		}
		label, n := b.regionLabel(top, items)
		tallest = max(tallest, n)
		w.node(id, append(lk.attrs(), hl(label))...)
		for _, p := range items {
			if p.inst == nil || p.inst.ReportsTo == "" {
				continue
			}
			from := p.inst.ReportsTo
			if reg, ok := regionOf[from]; ok {
				from = reg
			} else if !isCentral[from] {
				isCentral[from] = true
				centrals = append(centrals, from)
			}
			l := link{from, id}
			if from != id && !seen[l] {
				seen[l] = true
				links = append(links, l)
			}
		}
	}
	kinds := map[string]bool{}
	for _, id := range centrals {
		kinds[b.writeOutside(w, id)] = true
	}
	var national []string
	for _, c := range r.Channels {
		if c.Per == "" && c.At == "" {
			national = append(national, c.Name)
		}
	}
	if len(national) > 0 {
		ls := []string{bold(text(d.w("national-ch")))}
		for _, n := range national {
			ls = append(ls, wrapText(n, 34))
		}
		w.node("national-channels", append(channelLook.attrs(), hl(lines(ls...)))...)
	}
	if len(tops) == 0 {
		w.node("no-territory", at("shape", "plaintext"), at("style", ""), at("label", d.w("no-territory")))
	}
	// The boxes stand in columns (ranks, left to right), in territory order
	// down each column (flat invisible edges), columns side by side.
	cols := columns(ids, foldRows(len(ids), tallest))
	for i, col := range cols {
		w.sameRank("same", col)
		for j := 1; j < len(col); j++ {
			w.invisible(col[j-1], col[j])
		}
		if i > 0 {
			w.invisible(cols[i-1][0], col[0])
		}
	}
	for _, l := range links {
		w.edge(l.from, l.to, reportsLine.attrs()...)
	}
	lg.box(regionLook, d.w("region-box"))
	if anyDetail {
		lg.box(look{fill: regionLook.fill, peripheries: "2"}, d.w("detail-page"))
	}
	b.legendKinds(&lg, kinds)
	if len(national) > 0 {
		lg.box(channelLook, d.w("national-ch"))
	}
	if len(links) > 0 {
		lg.line(reportsLine, d.w("reports"))
	}
	lg.write(w, d)
	return w.bytes()
}

// regionLabel is the box of a top-level unit on the national page: its name,
// then one line per template (units, then channels) with the number of
// instances or service points there, then the headcount. It returns the
// label and its number of text lines.
func (b *builder) regionLabel(top *model.TerritoryUnit, items []*placed) (string, int) {
	d := b.d
	counts, staff := b.tally(items)
	t := newTable(`BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"`)
	t.row()
	t.cell(`COLSPAN="2"`, bold(wrapText(top.Name, 30)))
	t.endRow()
	n := len(wrap(top.Name, 30))
	for _, c := range counts {
		t.row()
		t.cell(`ALIGN="RIGHT" VALIGN="TOP"`, text(d.int(c.n)+" ×\u00a0"))
		name := b.name(c.template)
		if u := b.r.Unit(c.template); u != nil && u.At != "" {
			name = b.instanceName(u)
		}
		t.cell(`ALIGN="LEFT" BALIGN="LEFT"`, wrapText(name, 30))
		t.endRow()
		n += len(wrap(name, 30))
	}
	if staff > 0 {
		t.row()
		t.cell(`COLSPAN="2"`, small(text(d.staff(staff))))
		t.endRow()
		n++
	}
	return t.markup(), n
}

// writeOutside draws a superior that is not placed on the page (a central
// unit, a body, an instance elsewhere) and returns its unit kind, if any.
func (b *builder) writeOutside(w *dotWriter, id string) string {
	d := b.d
	for _, in := range b.r.Instances {
		if in.ID != id {
			continue
		}
		lk := unitLook(in.Unit.Kind)
		sub := d.w("headquarters")
		if in.Place != nil {
			sub = in.Place.Name
		}
		w.node(id, append(lk.attrs(), hl(lines(bold(wrapText(in.Name, 26)), small(text(sub)))))...)
		return in.Unit.Kind
	}
	if e := b.r.Lookup(id); e != nil {
		if x, ok := e.Item.(*model.Body); ok {
			w.node(id, append(bodyLook(x.Kind).attrs(), hl(bold(wrapText(x.Name, 26))))...)
			return ""
		}
	}
	w.node(id, hl(wrapText(b.name(id), 26)))
	return ""
}

// foldRows returns how many boxes a column holds when n boxes of about
// `lines` text lines are folded into columns so the page stays within the
// 1:4–4:1 aspect ratio A3 prints: columns are added while the page is
// taller than 1.4 times its width (A3 portrait).
func foldRows(n, lines int) int {
	const boxW, boxH = 230.0, 16.0 // points: a box and its gap across, one text line down
	h := func(rows int) float64 { return float64(rows) * (float64(lines)*boxH + 20) }
	cols := 1
	for cols < n {
		rows := (n + cols - 1) / cols
		if h(rows) <= 1.4*float64(cols+1)*boxW {
			break
		}
		cols++
	}
	return (n + cols - 1) / cols
}

// columns splits ids into columns of at most rows.
func columns(ids []string, rows int) [][]string {
	if rows <= 0 {
		rows = 1
	}
	var out [][]string
	for i := 0; i < len(ids); i += rows {
		out = append(out, ids[i:min(i+rows, len(ids))])
	}
	return out
}
