package chart

import (
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// wideLayer is the most boxes one layer of a top-down org chart holds before
// the chart is laid out left to right (a fan-out of 8 is already ~13,000 pt
// wide top-down: shared/reference/libraries.md).
const wideLayer = 6

// org is the central structure: the bodies (the board at the top), one box
// per unit template with its headcount (a replicated unit as one box, "12 ×
// name", with the headcount of all its instances, under its superior), solid
// reporting lines and dotted functional lines.
func (b *builder) org() []byte {
	r, d := b.r, b.d
	costs := map[string]analysis.UnitCost{}
	for _, c := range b.a.Costs.ByUnit {
		costs[c.Unit] = c
	}
	rankdir := "TB"
	if maxLayer(r) > wideLayer {
		rankdir = "LR"
	}
	w := newDOT(b.title("org"), at("rankdir", rankdir), at("nodesep", "0.25"), at("ranksep", "0.45"))
	var lg legend
	var boards []string
	for _, x := range r.Bodies {
		if x.Kind == "board" {
			boards = append(boards, x.ID)
		}
		w.node(x.ID, append(bodyLook(x.Kind).attrs(), hl(b.bodyLabel(x)))...)
	}
	unitKinds := map[string]bool{}
	replicated := false
	for _, u := range r.Units {
		unitKinds[u.Kind] = true
		c := costs[u.ID]
		lk := unitLook(u.Kind)
		var label string
		switch {
		case u.Replicated():
			replicated = true
			lk.shape = "box3d"
			label = lines(bold(text(d.int(c.Instances)+" × ")+wrapText(templateName(u), 26)), small(text(d.staff(c.Headcount))))
		case u.At != "":
			label = lines(bold(wrapText(b.instanceName(u), 26)), small(text(d.staff(c.Headcount))))
		default:
			label = lines(bold(wrapText(u.Name, 26)), small(text(d.staff(c.Headcount))))
		}
		w.node(u.ID, append(lk.attrs(), hl(label))...)
	}
	w.sameRank("min", boards)
	for _, x := range r.Bodies {
		if x.ReportsTo != "" && r.Lookup(x.ReportsTo) != nil {
			w.edge(x.ReportsTo, x.ID, reportsLine.attrs()...)
		}
	}
	dotted := false
	for _, u := range r.Units {
		if u.ReportsTo != "" && r.Lookup(u.ReportsTo) != nil {
			w.edge(u.ReportsTo, u.ID, reportsLine.attrs()...)
		}
	}
	for _, u := range r.Units {
		for _, f := range u.FunctionalTo {
			if r.Lookup(f) == nil {
				continue
			}
			dotted = true
			w.edge(u.ID, f, append(functionalLine.attrs(), at("constraint", "false"))...)
		}
	}
	b.legendBodies(&lg)
	b.legendKinds(&lg, unitKinds)
	if replicated {
		lg.note("N ×", d.w("replicated"))
	}
	lg.line(reportsLine, d.w("reports"))
	if dotted {
		lg.line(functionalLine, d.w("functional"))
	}
	lg.write(w, d)
	return w.bytes()
}

// instanceName is the name of a unit placed with `at`, {territory} replaced.
func (b *builder) instanceName(u *model.Unit) string {
	if in := b.instancesOf(u.ID); len(in) == 1 {
		return in[0].Name
	}
	return templateName(u)
}

// bodyLabel: the name, the kind, the chair and the members.
func (b *builder) bodyLabel(x *model.Body) string {
	d := b.d
	ls := []string{bold(wrapText(x.Name, 26))}
	if kind := d.kind("body", x.Kind); !strings.EqualFold(kind, x.Name) {
		ls = append(ls, small(text(kind)))
	}
	if x.Chair != "" {
		ls = append(ls, small(wrapText(d.w("chair")+b.name(x.Chair), 34)))
	}
	if n := len(x.Members) + x.IndependentMembers; n > 0 {
		s := d.int(n) + " " + d.w("members")
		if x.IndependentMembers > 0 {
			s += " (" + d.int(x.IndependentMembers) + " " + d.w("independent") + ")"
		}
		ls = append(ls, small(text(s)))
	}
	return lines(ls...)
}

// maxLayer returns the most units and bodies on one layer of the reporting
// tree, counting layers from the roots.
func maxLayer(r *model.Resolved) int {
	parent := map[string]string{}
	var ids []string
	for _, x := range r.Bodies {
		ids = append(ids, x.ID)
		parent[x.ID] = x.ReportsTo
	}
	for _, u := range r.Units {
		ids = append(ids, u.ID)
		parent[u.ID] = u.ReportsTo
	}
	count := map[int]int{}
	best := 0
	for _, id := range ids {
		depth, seen := 0, []string{id}
		for p := parent[id]; p != "" && !slices.Contains(seen, p); p = parent[p] {
			seen = append(seen, p)
			depth++
		}
		count[depth]++
		best = max(best, count[depth])
	}
	return best
}
