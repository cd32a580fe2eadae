package chart

import (
	"github.com/orgdesign/orgdesign/model"
)

var governsLine = line{color: "#7f6000", style: "solid", penwidth: "2"}

// upstream kinds of actors stand left of the agency (those that govern,
// fund, oversee or support it); the others stand right of it.
var upstream = map[string]bool{"government": true, "ministry": true, "oversight": true, "international": true}

// ecosystem is the agency among the institutions around it, in three
// columns: the bodies and the upstream actors (government, ministries,
// oversight, international partners) on the left; the agency, with any unit,
// channel or system a relation names, in the middle; the other actors on the
// right. Actors are grouped in one cluster per kind. Relations are labelled
// and styled by kind; they do not move boxes (constraint=false), so the
// columns hold however the relations run.
func (b *builder) ecosystem() []byte {
	r, d := b.r, b.d
	w := newDOT(b.title("ecosystem"), at("rankdir", "LR"), at("nodesep", "0.2"), at("ranksep", "2.2"))
	var lg legend

	declared := map[string]bool{model.Reserved: true}
	for _, x := range r.Actors {
		declared[x.ID] = true
	}
	for _, x := range r.Bodies {
		declared[x.ID] = true
	}
	var inside []string // units, channels and systems a relation names
	for _, rel := range r.Relations {
		for _, id := range []string{rel.From, rel.To} {
			if !declared[id] && r.Lookup(id) != nil {
				declared[id] = true
				inside = append(inside, id)
			}
		}
	}
	w.cluster("agency", at("label", ""), at("style", "rounded"), at("color", "#1f4e79"), at("penwidth", "2"))
	w.node(model.Reserved, append(agencyLook.attrs(),
		hl(lines(bold(text(d.w("agency"))), small(wrapText(r.Header.Title, 36)))))...)
	for _, id := range inside {
		lk := systemLook
		switch x := r.Lookup(id).Item.(type) {
		case *model.Unit:
			lk = unitLook(x.Kind)
		case *model.Channel:
			lk = channelLook
		}
		w.node(id, append(lk.attrs(), hl(wrapText(b.name(id), 26)))...)
	}
	w.sameRank("same", append([]string{model.Reserved}, inside...))
	w.end()

	if len(r.Bodies) > 0 {
		w.cluster("bodies", at("label", d.w("bodies")), at("style", "rounded,filled"), at("fillcolor", "#fffbf0"), at("color", "#bf9000"))
		for _, x := range r.Bodies {
			w.node(x.ID, append(bodyLook(x.Kind).attrs(), hl(b.bodyLabel(x)))...)
			w.invisible(x.ID, model.Reserved)
		}
		w.end()
	}
	for _, k := range model.ActorKinds {
		var actors []*model.Actor
		for _, x := range r.Actors {
			if x.Kind == k {
				actors = append(actors, x)
			}
		}
		if len(actors) == 0 {
			continue
		}
		w.cluster("kind-"+k, at("label", d.kind("actor", k)), at("style", "rounded,filled"), at("fillcolor", "#f7f7f7"), at("color", "#bfbfbf"))
		for _, x := range actors {
			b.actorNode(w, x)
		}
		w.end()
	}
	for _, x := range r.Actors { // a kind outside the closed list (validation reports it)
		if _, ok := actorFills[x.Kind]; !ok {
			b.actorNode(w, x)
		}
	}

	relKinds := map[string]bool{}
	for _, rel := range r.Relations {
		if !declared[rel.From] || !declared[rel.To] {
			continue
		}
		ln, ok := relationLines[rel.Kind]
		if !ok {
			ln = line{color: "#404040", style: "solid"}
		}
		relKinds[rel.Kind] = true
		label := rel.Label
		if label == "" {
			label = d.kind("rel", rel.Kind)
		}
		w.edge(rel.From, rel.To, append(ln.attrs(), at("constraint", "false"), hl(wrapText(label, 30)))...)
	}
	governs := false
	for _, x := range r.Bodies {
		switch {
		case x.ReportsTo != "" && declared[x.ReportsTo]:
			w.edge(x.ReportsTo, x.ID, append(reportsLine.attrs(), at("constraint", "false"))...)
		case x.ReportsTo == "":
			governs = true
			w.edge(x.ID, model.Reserved, append(governsLine.attrs(), at("constraint", "false"), hl(text(d.w("governs"))))...)
		}
	}

	lg.box(agencyLook, d.w("agency"))
	b.legendBodies(&lg)
	if governs {
		lg.line(governsLine, d.w("governs"))
	}
	for _, k := range model.RelationKinds {
		if relKinds[k] {
			lg.line(relationLines[k], d.kind("rel", k))
		}
	}
	lg.write(w, d)
	return w.bytes()
}

// actorNode draws an actor, with its short name in bold when it has one, and
// places it left or right of the agency by kind.
func (b *builder) actorNode(w *dotWriter, x *model.Actor) {
	label := bold(wrapText(x.Name, 28))
	if x.ShortName != "" {
		label = lines(bold(text(x.ShortName)), small(wrapText(x.Name, 36)))
	}
	fill, ok := actorFills[x.Kind]
	if !ok {
		fill = "white"
	}
	w.node(x.ID, at("fillcolor", fill), at("style", "filled,rounded"), hl(label))
	if upstream[x.Kind] {
		w.invisible(x.ID, model.Reserved)
	} else {
		w.invisible(model.Reserved, x.ID)
	}
}
