package tui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// The tabs, in the order the tab bar shows them.
const (
	tabUnits = iota
	tabRACI
	tabChannels
	tabSystems
	tabRisks
	tabContext
	tabDiags
	tabCount
)

// tabNames are the keys of the tabs' names (words).
var tabNames = [tabCount]string{"tabUnits", "tabRACI", "tabChannels", "tabSystems", "tabRisks", "tabContext", "tabDiags"}

// contextSections are the sections of the Context tab, in its order, with
// the keys of their headings.
var contextSections = []struct{ section, heading string }{
	{"actors", "headActors"}, {"relations", "headRelations"}, {"phases", "headPhases"}, {"profiles", "headProfiles"}, {"prerequisites", "headPrerequisites"},
}

// entry is one line of the left pane: an item of the scenario (a unit, a
// mandate, a chain entry…), a heading, or a diagnostic.
type entry struct {
	section string // the yaml section the item is written in: units, bodies, mandates, chain…
	id      string // its id; for a chain entry, its stage
	index   int    // a chain entry or a relation: its index among the edited file's own entries, -1 otherwise
	label   string
	note    string // shown on the right: ×12 instances, headcount, level
	depth   int
	kids    bool
	header  bool
	file    string    // the file the item is written in
	pos     model.Pos // where
	diag    *model.Diagnostic
	finding *risk.Finding // a finding of the structural rules, to triage or dismissed (read-only)
	level   risk.Level    // a risk's residual level, a finding's indicative one: the note's colour
	above   bool          // a risk whose residual level is above the risk appetite (▲)
}

// key identifies an entry across recomputes, to keep the selection.
func (e entry) key() string { return e.section + "\x00" + e.id + "\x00" + fmt.Sprint(e.index) }

// selectable reports whether the cursor stops on the entry.
func (e entry) selectable() bool { return !e.header }

// entries lists the left pane of a tab, with the words of w.
func entries(w words, res *result, tab int, collapsed map[string]bool) []entry {
	if res == nil {
		return nil
	}
	if tab == tabDiags {
		out := make([]entry, 0, len(res.diags))
		for i := range res.diags {
			d := &res.diags[i]
			where := fmt.Sprintf("%d:%d", d.Line, d.Col)
			if d.File != res.name {
				where = shortFile(d.File, res.name) + ":" + where
			}
			msg, _ := w.diag(d)
			out = append(out, entry{section: "", id: fmt.Sprint(i), label: where + " " + msg,
				note: w.severity(d.Severity), diag: d, file: d.File, pos: d.Pos, index: -1})
		}
		return out
	}
	r := res.resolved
	if r == nil {
		return nil
	}
	switch tab {
	case tabUnits:
		return unitTree(res, collapsed)
	case tabRACI:
		out := []entry{{header: true, label: w.say("headMandates")}}
		for _, m := range r.Mandates {
			out = append(out, item(res, "mandates", m.ID, m.Title, m.Accountable, &m.Meta))
		}
		out = append(out, entry{header: true, label: w.say("headChain")})
		for _, c := range r.Chain {
			e := item(res, "chain", c.Stage, c.Stage, c.Accountable, &c.Meta)
			if e.file == res.name && res.own != nil && res.own.Scenario != nil {
				e.index = slices.Index(res.own.Scenario.Chain, c)
			}
			if c.Accountable == "" {
				e.note = w.say("noAccountable")
			}
			out = append(out, e)
		}
		for _, st := range model.Stages {
			if !slices.ContainsFunc(r.Chain, func(c *model.ChainEntry) bool { return c.Stage == st }) {
				out = append(out, entry{header: true, label: "  " + w.say("stageNoEntry", st), index: -1})
			}
		}
		return out
	case tabChannels:
		var out []entry
		for _, c := range r.Channels {
			reach := c.Per
			if reach == "" {
				reach = c.At
			}
			out = append(out, item(res, "channels", c.ID, c.Name, reach, &c.Meta))
		}
		return out
	case tabSystems:
		out := []entry{{header: true, label: w.say("headSystems")}}
		for _, s := range r.Systems {
			out = append(out, item(res, "systems", s.ID, s.Name, s.Owner, &s.Meta))
		}
		out = append(out, entry{header: true, label: w.say("headInterfaces")})
		for _, in := range r.Interfaces {
			out = append(out, item(res, "interfaces", in.ID, in.From+" → "+in.To, in.Mode, &in.Meta))
		}
		return out
	case tabRisks:
		return riskEntries(w, res)
	case tabContext:
		return contextEntries(w, res)
	}
	return nil
}

// contextEntries lists the institutional frame and the transition (groups
// of fields), then the actors, relations, phases, staff profiles and
// prerequisites.
func contextEntries(w words, res *result) []entry {
	r := res.resolved
	out := []entry{{header: true, label: w.say("headFrame"), index: -1}}
	inst := groupEntry(res, "institution", w.say("groupInstitution"))
	if r.Institution != nil {
		inst.note = r.Institution.LegalForm
	}
	st := groupEntry(res, "strategy", w.say("groupStrategy"))
	if r.Strategy != nil && len(r.Strategy.Objectives) > 0 {
		st.note = w.count("objectives", len(r.Strategy.Objectives))
	}
	dm := groupEntry(res, "demand", w.say("groupDemand"))
	if r.Demand != nil && r.Demand.Households >= 1e6 {
		dm.note = w.say("millionHouseholds", w.num.Number(r.Demand.Households/1e6, 1))
	} else if r.Demand != nil && r.Demand.Households > 0 {
		dm.note = w.count("households", int(r.Demand.Households))
	}
	tr := groupEntry(res, "transition", w.say("groupTransition"))
	if t := r.Transition; t != nil && t.Months > 0 {
		tr.note = w.count("months", t.Months)
	}
	out = append(out, inst, st, dm, tr)
	for _, cs := range contextSections {
		out = append(out, entry{header: true, label: w.say(cs.heading), index: -1})
		switch cs.section {
		case "actors":
			for _, a := range r.Actors {
				out = append(out, item(res, "actors", a.ID, a.Name, a.Kind, &a.Meta))
			}
		case "relations":
			for _, rel := range r.Relations {
				e := item(res, "relations", relationID(rel.From, rel.To, rel.Kind), rel.From+" → "+rel.To, rel.Kind, &rel.Meta)
				if e.file == res.name && res.own != nil && res.own.Scenario != nil {
					e.index = slices.Index(res.own.Scenario.Relations, rel)
				}
				out = append(out, e)
			}
		case "phases":
			for _, p := range r.Phases {
				out = append(out, item(res, "phases", p.ID, p.Title, strings.TrimSuffix(p.Start+" → "+p.End, " → "), &p.Meta))
			}
		case "profiles":
			for _, p := range r.Profiles {
				note := ""
				if p.FrontOffice {
					note = w.say("frontOffice")
				}
				out = append(out, item(res, "profiles", p.ID, p.Title, note, &p.Meta))
			}
		case "prerequisites":
			for _, p := range r.Prerequisites {
				note := p.Kind
				if p.Months > 0 {
					note = strings.TrimSpace(note + " " + w.count("months", p.Months))
				}
				out = append(out, item(res, "prerequisites", p.ID, p.Title, note, &p.Meta))
			}
		}
	}
	return out
}

// groupEntry is the entry of a group section (mapSections): always this
// file's, where its fields are written (those not written are inherited),
// placed where the file writes the group, if it does.
func groupEntry(res *result, section, label string) entry {
	e := entry{section: section, id: section, index: -1, label: label, file: res.name, pos: model.Pos{File: res.name}}
	if res.own == nil {
		return e
	}
	if g := groupOf(res.own.Scenario, section); g.IsValid() {
		if m, ok := g.FieldByName("Meta").Interface().(model.Meta); ok {
			e.pos = m.Pos
		}
	}
	return e
}

// groupOf returns a scenario's group section (mapSections), read from its
// field of that yaml key: the struct, or an invalid value when the scenario
// has none.
func groupOf(sc *model.Scenario, section string) reflect.Value {
	if sc == nil {
		return reflect.Value{}
	}
	v := reflect.ValueOf(sc).Elem()
	sf, ok := structField(v.Type(), []string{section})
	if !ok {
		return reflect.Value{}
	}
	if g := v.FieldByIndex(sf.Index); g.Kind() == reflect.Pointer && !g.IsNil() {
		return g.Elem()
	}
	return reflect.Value{}
}

// item is an entry for an identified item of a section.
func item(res *result, section, id, name, note string, m *model.Meta) entry {
	return entry{section: section, id: id, index: -1, label: name, note: note, file: m.Pos.File, pos: m.Pos}
}

// unitTree lists bodies and units as the reporting tree, children under their
// superior, collapsed subtrees hidden. A replicated unit is one line: its
// template, with its number of instances.
func unitTree(res *result, collapsed map[string]bool) []entry {
	r := res.resolved
	type node struct {
		e      entry
		parent string
	}
	nodes := map[string]*node{}
	var order []string
	for _, b := range r.Bodies {
		e := item(res, "bodies", b.ID, b.Name, b.Kind, &b.Meta)
		nodes[b.ID] = &node{e: e, parent: b.ReportsTo}
		order = append(order, b.ID)
	}
	count, heads := map[string]int{}, map[string]int{}
	for _, in := range r.Instances {
		count[in.Template]++
		heads[in.Template] += in.Headcount
	}
	for _, u := range r.Units {
		note := fmt.Sprint(heads[u.ID])
		if u.Replicated() {
			note = fmt.Sprintf("×%d  %d", count[u.ID], heads[u.ID])
		}
		if _, dup := nodes[u.ID]; dup {
			continue // a duplicate id, reported by validation
		}
		nodes[u.ID] = &node{e: item(res, "units", u.ID, u.Name, note, &u.Meta), parent: u.ReportsTo}
		order = append(order, u.ID)
	}
	children := map[string][]string{}
	var roots []string
	for _, id := range order {
		p := nodes[id].parent
		if _, ok := nodes[p]; ok && p != id {
			children[p] = append(children[p], id)
		} else {
			roots = append(roots, id)
		}
	}
	var out []entry
	seen := map[string]bool{}
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		if seen[id] {
			return
		}
		seen[id] = true
		e := nodes[id].e
		e.depth, e.kids = depth, len(children[id]) > 0
		out = append(out, e)
		if collapsed[id] {
			markSeen(id, children, seen)
			return
		}
		for _, c := range children[id] {
			walk(c, depth+1)
		}
	}
	for _, id := range roots {
		walk(id, 0)
	}
	for _, id := range order { // in a reporting cycle: shown as roots
		walk(id, 0)
	}
	return out
}

func markSeen(id string, children map[string][]string, seen map[string]bool) {
	for _, c := range children[id] {
		if !seen[c] {
			seen[c] = true
			markSeen(c, children, seen)
		}
	}
}

// riskEntries lists the register with each risk's residual level, then the
// structural rules' findings still to triage and those dismissed (read-only:
// a scenario accepts one with a register risk naming it in `finding:`, or
// dismisses it with a reason).
func riskEntries(w words, res *result) []entry {
	r := res.resolved
	// the assessment of this text, or, when it has errors, the last one
	// computed (its findings marked stale)
	a, stale := res.risks, false
	if a == nil && res.kept != nil {
		a, stale = res.kept.risks, true
	}
	out := []entry{{header: true, label: w.say("headRegister")}}
	for _, rk := range r.Risks {
		in, re := risk.Inherent(rk), risk.Residual(rk)
		note := fmt.Sprintf("%d→%d %s", in.Score, re.Score, w.enum("riskLevel", re.Level.String()))
		e := item(res, "risks", rk.ID, rk.Title, note, &rk.Meta)
		e.level = re.Level
		e.above = a != nil && re.Level > a.Appetite
		out = append(out, e)
	}
	if a == nil {
		return out
	}
	for _, group := range []struct {
		status string
		label  string
	}{{risk.Open, "headToTriage"}, {risk.Dismissed, "headDismissed"}} {
		var findings []entry
		for i := range a.Findings {
			f := &a.Findings[i]
			if f.Status != group.status {
				continue
			}
			findings = append(findings, entry{section: "", id: f.ID, index: -1, label: f.ID,
				note: fmt.Sprintf("%d %s", f.Indicative.Score, w.enum("riskLevel", f.Indicative.Level.String())), finding: f, level: f.Indicative.Level})
		}
		if len(findings) > 0 {
			label := w.say(group.label)
			if stale {
				label = w.say("headStale", label)
			}
			out = append(out, entry{header: true, label: label})
			out = append(out, findings...)
		}
	}
	return out
}

// own reports whether the entry is written in the edited file (and so editable).
func (e entry) own(res *result) bool {
	return res != nil && e.section != "" && e.file == res.name
}

// groupNode returns the mapping node of a group section (mapSections) in a
// document, or nil.
func groupNode(root *yaml.Node, section string) *yaml.Node {
	return topValue(root, section, yaml.MappingNode)
}

// sectionNode returns the sequence node of a section in a document, or nil.
func sectionNode(root *yaml.Node, section string) *yaml.Node {
	return topValue(root, section, yaml.SequenceNode)
}

// topValue returns the value of a key of a mapping (a document's: its
// top-level mapping) when it is of the kind, or nil.
func topValue(root *yaml.Node, key string, kind yaml.Kind) *yaml.Node {
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key && root.Content[i+1].Kind == kind {
			return root.Content[i+1]
		}
	}
	return nil
}

// nodeAt finds an item of a section by its position (inherited items, read
// from the file they come from).
func nodeAt(root *yaml.Node, section string, pos model.Pos) *yaml.Node {
	seq := sectionNode(root, section)
	if seq == nil {
		return nil
	}
	for _, it := range seq.Content {
		if it.Line == pos.Line && it.Column == pos.Col {
			return it
		}
	}
	return nil
}

// locate finds the index of an entry's item in the current document: by id,
// or for a chain entry or a relation by its index, checked against its stage
// or its ends and kind. ok is false
// when the item is not (or no longer) there.
func locate(root *yaml.Node, e entry) (int, *yaml.Node, bool) {
	if mapSections[e.section] {
		n := groupNode(root, e.section)
		return 0, n, n != nil
	}
	seq := sectionNode(root, e.section)
	if seq == nil {
		return 0, nil, false
	}
	switch e.section {
	case "chain":
		if e.index >= 0 && e.index < len(seq.Content) && scalarOf(seq.Content[e.index], "stage") == e.id {
			return e.index, seq.Content[e.index], true
		}
		return 0, nil, false
	case "relations":
		if e.index >= 0 && e.index < len(seq.Content) {
			if it := seq.Content[e.index]; relationID(scalarOf(it, "from"), scalarOf(it, "to"), scalarOf(it, "kind")) == e.id {
				return e.index, it, true
			}
		}
		return 0, nil, false
	}
	for i, it := range seq.Content {
		if scalarOf(it, "id") == e.id {
			return i, it, true
		}
	}
	return 0, nil, false
}

// relationID names a relation, which has no id: what it merges by (its
// ends and its kind), as the list shows it.
func relationID(from, to, kind string) string { return from + " → " + to + " (" + kind + ")" }

// scalarOf returns the value of a key of a mapping node, "" if absent.
func scalarOf(n *yaml.Node, key string) string {
	if n == nil || n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// candidate is one choice of a reference picker.
type candidate struct {
	id, name, kind string
}

// candidates lists what a reference field accepts, in the scenario's order.
func candidates(w words, res *result, sp spec) []candidate {
	var out []candidate
	r := res.resolvedOrNil()
	switch {
	case sp.kind == kEnum && sp.level:
		if r != nil && r.Territory != nil {
			for _, l := range r.Territory.Territory.Levels {
				out = append(out, candidate{id: l, kind: "level"})
			}
		}
		return out
	case sp.kind == kEnum:
		for _, v := range sp.enum {
			out = append(out, candidate{id: v})
		}
		return out
	case sp.place:
		if r != nil && r.Territory != nil {
			for _, u := range r.Territory.Units {
				out = append(out, candidate{id: u.ID, name: u.Name, kind: u.Level})
			}
		}
		return out
	}
	if sp.agent {
		out = append(out, candidate{id: model.Reserved, name: w.say("agencyWhole"), kind: "agency"})
	}
	if r == nil {
		return out
	}
	for _, kind := range sp.refs {
		out = append(out, entitiesOf(r, kind)...)
	}
	return out
}

func entitiesOf(r *model.Resolved, kind string) []candidate {
	var out []candidate
	add := func(id, name string) { out = append(out, candidate{id: id, name: name, kind: kind}) }
	switch kind {
	case "unit":
		for _, x := range r.Units {
			add(x.ID, x.Name)
		}
	case "body":
		for _, x := range r.Bodies {
			add(x.ID, x.Name)
		}
	case "actor":
		for _, x := range r.Actors {
			add(x.ID, x.Name)
		}
	case "channel":
		for _, x := range r.Channels {
			add(x.ID, x.Name)
		}
	case "system":
		for _, x := range r.Systems {
			add(x.ID, x.Name)
		}
	case "profile":
		for _, x := range r.Profiles {
			add(x.ID, x.Title)
		}
	case "phase":
		for _, x := range r.Phases {
			add(x.ID, x.Title)
		}
	}
	return out
}

func (res *result) resolvedOrNil() *model.Resolved {
	if res == nil {
		return nil
	}
	return res.resolved
}

// descendants returns the ids of the units and bodies under id in the reporting tree.
func descendants(r *model.Resolved, id string) map[string]bool {
	out := map[string]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, u := range r.Units {
			if out[u.ReportsTo] && !out[u.ID] {
				out[u.ID], changed = true, true
			}
		}
		for _, b := range r.Bodies {
			if out[b.ReportsTo] && !out[b.ID] {
				out[b.ID], changed = true, true
			}
		}
	}
	return out
}

// shortFile is a file name as the user knows it: the base name, or the path
// when it is elsewhere than the edited file's folder.
func shortFile(name, edited string) string {
	dir := edited[:strings.LastIndex(edited, "/")+1]
	if rest, ok := strings.CutPrefix(name, dir); ok {
		return rest
	}
	return name
}
