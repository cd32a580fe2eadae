package chart

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/model"
)

// maxLabelledInterfaces is the number of interfaces above which the map
// stops labelling each edge with its data: past it the labels overlap
// into an unreadable block (and laying them out is most of the chart's cost);
// the interfaces of one mode between two systems are then one edge marked
// with their number, the details being in the report's interfaces table.
const maxLabelledInterfaces = 40

// systems is the interoperability map: the systems grouped by owner (the
// agency's own units in blue clusters, other owners in grey), the interfaces
// as edges styled by mode; personal data exchanged without a signed
// agreement or without a legal basis in red and bold, marked ⚠ in the label.
// Beyond maxLabelledInterfaces, the compact form: edges merged per pair of
// systems and mode, a problem shown by the colour and a ⚠ alone.
func (b *builder) systems() []byte {
	r, d := b.r, b.d
	var drawn []*model.Interface // those whose two systems exist
	for _, f := range r.Interfaces {
		if r.Lookup(f.From) != nil && r.Lookup(f.To) != nil {
			drawn = append(drawn, f)
		}
	}
	problems := map[string][]string{}
	for _, is := range b.a.Systems.PersonalData {
		problems[is.Interface] = is.Problems
	}
	owners, members := systemsByOwner(r.Systems)
	if links := countLinks(drawn); links > maxMapLinks {
		return b.systemsMatrix(drawn, problems, owners, members, links)
	}
	compact := len(drawn) > maxLabelledInterfaces
	graph := []attr{at("rankdir", "LR"), at("nodesep", "0.3"), at("ranksep", "1.2")}
	if compact {
		// Crossing minimisation finds nothing better than its first order on
		// such a map (measured: 258,185 crossings before and after) and is
		// most of its layout time: a few passes are enough.
		graph = append(graph, at("mclimit", "0.2"))
	}
	w := newDOT(append([]attr{b.title("systems")}, graph...)...)
	var lg legend

	own := false
	for i, o := range owners {
		label, fill, color := b.ownerLook(o, 0)
		own = own || b.internal(o)
		w.cluster("owner-"+strconv.Itoa(i), at("label", label), at("style", "rounded,filled"), at("fillcolor", fill), at("color", color))
		for _, s := range members[o] {
			ls := []string{bold(wrapText(s.Name, 26))}
			if s.Kind != "" {
				ls = append(ls, small(text(d.kind("sys", s.Kind))))
			}
			w.node(s.ID, append(systemLook.attrs(), hl(lines(ls...)))...)
		}
		w.end()
	}

	modes := map[string]bool{}
	issues := false
	var pairOrder []linkKey // the compact form's edges, in order of appearance
	pairs := map[linkKey]*link{}
	for _, f := range drawn {
		modes[f.Mode] = true
		if compact {
			k := linkKey{f.From, f.To, f.Mode}
			p, ok := pairs[k]
			if !ok {
				p = &link{}
				pairs[k] = p
				pairOrder = append(pairOrder, k)
			}
			p.n++
			if len(problems[f.ID]) > 0 {
				p.issue, issues = true, true
			}
			continue
		}
		ln := modeLine(f.Mode)
		var ls []string
		if len(f.Data) > 0 {
			ls = append(ls, wrapText(strings.Join(f.Data, ", "), 32))
		}
		meta := d.kind("mode", f.Mode) // "mode." when it is not given
		if f.Frequency != "" {
			meta += " · " + f.Frequency
		}
		ls = append(ls, small(wrapText(meta, 40)))
		if ps := problems[f.ID]; len(ps) > 0 {
			issues = true
			var why []string
			for _, p := range ps {
				why = append(why, d.kind("pd", p))
			}
			ls = append([]string{bold(wrapText("⚠ "+d.w("personal")+strings.Join(why, ", "), 36))}, ls...)
			ln.color, ln.penwidth = issueColor, "3"
		}
		w.edge(f.From, f.To, append(ln.attrs(), hl(lines(ls...)))...)
	}
	for _, k := range pairOrder {
		p := pairs[k]
		ln := modeLine(k.mode)
		var mark []string
		if p.issue {
			ln.color, ln.penwidth = issueColor, "3"
			mark = append(mark, "⚠")
		}
		if p.n > 1 {
			mark = append(mark, "×"+strconv.Itoa(p.n))
		}
		attrs := ln.attrs()
		if len(mark) > 0 {
			attrs = append(attrs, at("label", strings.Join(mark, " ")))
		}
		w.edge(k.from, k.to, attrs...)
	}
	if compact {
		lg.note("×n", fmt.Sprintf(d.w("compact-interfaces"), len(drawn), maxLabelledInterfaces))
	}

	if own {
		lg.swatch("#eef4fb", "", d.w("agency"))
	}
	for _, m := range model.InterfaceModes {
		if modes[m] {
			lg.line(modeLines[m], d.kind("mode", m))
		}
	}
	if modes[""] {
		lg.line(modeLines[""], d.w("mode."))
	}
	if issues {
		lg.line(line{color: issueColor, style: "solid", penwidth: "3"}, "⚠ "+d.w("pd-issue"))
	}
	lg.write(w, d)
	return w.bytes()
}

// modeLine is the line of an interface mode; an unknown mode is drawn as one
// not given.
func modeLine(mode string) line {
	if ln, ok := modeLines[mode]; ok {
		return ln
	}
	return modeLines[""]
}

// internal reports whether an id names the agency or one of its units.
func (b *builder) internal(id string) bool {
	if id == model.Reserved {
		return true
	}
	return b.r.Unit(id) != nil
}
