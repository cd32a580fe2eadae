package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/internal/yamledit"
	"github.com/orgdesign/orgdesign/model"
)

// sectionHere says which section `a` adds to: the tab's, or for the tabs
// that list two sections, the one under the cursor.
func (m *Model) sectionHere() string {
	e, ok := m.selected()
	switch m.tab {
	case tabUnits:
		return "units"
	case tabChannels:
		return "channels"
	case tabRisks:
		return "risks"
	case tabRACI:
		if ok && e.section == "chain" {
			return "chain"
		}
		return "mandates"
	case tabSystems:
		if ok && e.section == "interfaces" {
			return "interfaces"
		}
		return "systems"
	case tabContext:
		if ok && e.section != "" {
			return e.section
		}
		return contextSections[0].section
	}
	return ""
}

// add adds an item: in the fields, to the list under the cursor; in the
// list, a new item of the tab (a unit reports to the selected unit).
func (m *Model) add() tea.Cmd {
	if m.focus == focusDetail {
		if m.rowCursor >= len(m.rows) {
			return nil
		}
		rw := m.rows[m.rowCursor]
		if !rw.list && !rw.group && listOf(rw.path) == nil {
			m.setStatus("%s", m.say("addNotList", strings.Join(m.listsHere(), ", ")))
			return nil
		}
		e, ok := m.editable()
		if !ok {
			return nil
		}
		return m.addInRow(e, rw)
	}
	section := m.sectionHere()
	if section == "" {
		m.fail("%s", m.say("nothingToAdd"))
		return nil
	}
	if section == "chain" {
		p := &prompt{title: m.say("newChainEntry"), spec: specOf("chain", []string{"stage"}), apply: func(m *Model, v string) tea.Cmd {
			m.want = entry{section: "chain", id: v, index: m.countOwn("chain")}.key()
			what := m.say("added", m.singular("chain"), v)
			if n := len(m.inheritedStage(v)); n > 0 {
				what += m.w.count("replacesStage", n, v)
			}
			return m.change(what, func(d *yamledit.Doc) error {
				return d.Append(yamledit.Path{"chain"}, []yamledit.KV{{Key: "stage", Value: v}})
			})
		}}
		return m.choose(p, candidates(m.w, m.res, p.spec))
	}
	if section == "relations" {
		return m.addRelation()
	}
	if mapSections[section] {
		m.fail("%s", m.say("groupNotList", section))
		return nil
	}
	sel, _ := m.selected()
	p := &prompt{title: m.say("newItemID", m.singular(section)), spec: spec{kind: kID}, apply: func(m *Model, id string) tea.Cmd {
		m.want = entry{section: section, id: id, index: -1}.key()
		item := m.newItem(section, id, sel)
		return m.change(m.say("added", m.singular(section), id), func(d *yamledit.Doc) error {
			return d.Append(yamledit.Path{section}, item)
		})
	}}
	return m.ask(p, "")
}

// addRelation adds a relation, which has no id: its first end is chosen,
// the other is the agency (or, from the agency, the first actor), the kind
// coordination, all to change.
func (m *Model) addRelation() tea.Cmd {
	p := &prompt{title: m.say("newRelation"), spec: specOf("relations", []string{"from"}), apply: func(m *Model, from string) tea.Cmd {
		to := model.Reserved
		if r := m.res.resolvedOrNil(); from == model.Reserved && r != nil && len(r.Actors) > 0 {
			to = r.Actors[0].ID
		}
		const kind = "coordination"
		m.want = entry{section: "relations", id: relationID(from, to, kind), index: m.countOwn("relations")}.key()
		return m.change(m.say("added", m.singular("relations"), relationID(from, to, kind)), func(d *yamledit.Doc) error {
			return d.Append(yamledit.Path{"relations"}, []yamledit.KV{{Key: "from", Value: from}, {Key: "to", Value: to}, {Key: "kind", Value: kind}})
		})
	}}
	return m.choose(p, candidates(m.w, m.res, p.spec))
}

// newItem is a new item with the fields validation requires, filled with
// values to change: the user sees it at once in the tree and the fields.
func (m *Model) newItem(section, id string, sel entry) []yamledit.KV {
	kv := []yamledit.KV{{Key: "id", Value: id}}
	switch section {
	case "units":
		kv = append(kv, yamledit.KV{Key: "name", Value: m.say("newUnit")}, yamledit.KV{Key: "kind", Value: "service"})
		if sel.section == "units" || sel.section == "bodies" {
			kv = append(kv, yamledit.KV{Key: "reportsTo", Value: sel.id})
		}
	case "mandates":
		kv = append(kv, yamledit.KV{Key: "title", Value: m.say("newMandate")})
	case "channels":
		kv = append(kv, yamledit.KV{Key: "name", Value: m.say("newChannel")}, yamledit.KV{Key: "kind", Value: "office"}, yamledit.KV{Key: "operator", Value: "agency"})
	case "systems":
		kv = append(kv, yamledit.KV{Key: "name", Value: m.say("newSystem")})
	case "interfaces":
		from := ""
		if r := m.res.resolvedOrNil(); r != nil && len(r.Systems) > 0 {
			from = r.Systems[0].ID
		}
		if sel.section == "systems" {
			from = sel.id
		}
		kv = append(kv, yamledit.KV{Key: "from", Value: from}, yamledit.KV{Key: "to", Value: from})
	case "risks":
		kv = append(kv, yamledit.KV{Key: "title", Value: m.say("newRisk")}, yamledit.KV{Key: "category", Value: "operational"},
			yamledit.KV{Key: "likelihood", Value: 3}, yamledit.KV{Key: "impact", Value: 3})
	case "actors":
		kv = append(kv, yamledit.KV{Key: "name", Value: m.say("newActor")}, yamledit.KV{Key: "kind", Value: "ministry"})
	case "phases":
		kv = append(kv, yamledit.KV{Key: "title", Value: m.say("newPhase")})
	case "profiles":
		kv = append(kv, yamledit.KV{Key: "title", Value: m.say("newProfile")})
	case "prerequisites":
		kv = append(kv, yamledit.KV{Key: "title", Value: m.say("newPrerequisite")})
	}
	return kv
}

// singular names one item of a section, in the language: "unit", "chain entry".
func (m *Model) singular(section string) string { return m.say("item-" + section) }

// countOwn counts the items of a section written in the file.
func (m *Model) countOwn(section string) int {
	if seq := sectionNode(m.doc.Root(), section); seq != nil {
		return len(seq.Content)
	}
	return 0
}

// del deletes, after confirmation: in the fields, the list item, staff line
// or field under the cursor; in the list, the selected item. The question
// says what the deletion leaves behind: the references that would name
// nothing (how many and where), or the inherited item that comes back.
func (m *Model) del() tea.Cmd {
	e, ok := m.editable()
	if !ok {
		return nil
	}
	base, ok := m.itemPath(e)
	if !ok {
		return nil
	}
	if m.focus == focusDetail && m.rowCursor < len(m.rows) {
		rw := m.rows[m.rowCursor]
		switch {
		case rw.inherited:
			m.setStatus("%s", m.say("inheritedNothingToDelete", rw.label))
			return nil
		case !rw.set:
			m.setStatus("%s", m.say("notWrittenNothingToDelete", rw.label))
			return nil
		}
		what := strings.Join(pathWords(rw.path), " ")
		path := append(slices.Clone(base), rw.path...)
		return m.confirmThen(m.say("askDeleteField", what, e.id), func(m *Model) tea.Cmd {
			return m.change(m.say("deleted", what), func(d *yamledit.Doc) error { return d.Delete(path) })
		})
	}
	if mapSections[e.section] {
		m.fail("%s", m.say("deleteGroup"))
		return nil
	}
	name := m.singular(e.section) + " " + e.id
	q := m.say("askDelete", name)
	then := func(m *Model) tea.Cmd {
		return m.change(m.say("deleted", name), func(d *yamledit.Doc) error { return d.Delete(base) })
	}
	switch from := m.overridden(e.section, e.id); {
	case from != "":
		q += " " + m.say("deleteComesBack", m.singular(e.section), txt(shortFile(from, m.name)))
	case idSections[e.section]:
		if sites := m.danglingIfGone(e.section, e.id); len(sites) > 0 {
			q += " " + m.w.count("danglingRefs", len(sites), m.describeSites(sites))
		}
		// the files beside it are read in a command; the question comes with them
		path, id, w, gen := m.opts.Path, e.id, m.w, m.gen
		m.preparing = true
		return func() tea.Msg {
			if n, files := elsewhere(path, id); n > 0 {
				q += " " + w.count("danglingElsewhere", n, strings.Join(files, ", "))
			}
			return askMsg{gen: gen, question: q, then: then}
		}
	}
	return m.confirmThen(q, then)
}

func (m *Model) confirmThen(question string, then func(m *Model) tea.Cmd) tea.Cmd {
	m.mode = modeConfirm
	m.confirm = question
	m.onConfirm = then
	return nil
}

// move changes what the selected unit (or body) reports to, chosen among
// the units and bodies that are not under it.
func (m *Model) move() tea.Cmd {
	e, ok := m.editable()
	if !ok {
		return nil
	}
	if e.section != "units" && e.section != "bodies" {
		m.fail("%s", m.say("moveUnitsOnly"))
		return nil
	}
	base, ok := m.itemPath(e)
	if !ok {
		return nil
	}
	r := m.res.resolvedOrNil()
	if r == nil {
		return nil
	}
	under := descendants(r, e.id)
	sp := specOf(e.section, []string{"reportsTo"})
	var cands []candidate
	for _, c := range candidates(m.w, m.res, sp) {
		if !under[c.id] {
			cands = append(cands, c)
		}
	}
	old := ""
	if u := r.Unit(e.id); u != nil {
		old = u.ReportsTo
	}
	p := &prompt{title: e.id + " reportsTo", spec: sp, old: old, apply: func(m *Model, v string) tea.Cmd {
		return m.change(m.say("movedUnder", e.id, v), func(d *yamledit.Doc) error {
			return d.Set(append(slices.Clone(base), "reportsTo"), v)
		})
	}}
	return m.choose(p, cands)
}

// copyItem copies an inherited item into the file (the copy overrides it),
// or duplicates an item of the file under a new id, just after it.
func (m *Model) copyItem() tea.Cmd {
	e, ok := m.selected()
	if !ok || e.section == "" {
		m.fail("%s", m.say("nothingToCopy"))
		return nil
	}
	if mapSections[e.section] {
		if m.focus == focusDetail && m.rowCursor < len(m.rows) && m.rows[m.rowCursor].locked {
			return m.copyInheritedList(e.section, m.rows[m.rowCursor])
		}
		m.fail("%s", m.say("copyGroup", e.section))
		return nil
	}
	node := m.nodeOf(e)
	if node == nil {
		m.fail("%s", m.say("textNotFound", e.id))
		return nil
	}
	kv := kvOf(node)
	if !e.own(m.res) && e.section == "chain" {
		return m.copyStage(e.id)
	}
	if !e.own(m.res) {
		return m.change(m.say("copiedFrom", e.id, shortFile(e.file, m.name)),
			func(d *yamledit.Doc) error { return d.Append(yamledit.Path{e.section}, kv) })
	}
	i, _, ok := locate(m.doc.Root(), e)
	if !ok {
		return nil
	}
	if e.section == "chain" || e.section == "relations" {
		m.want = entry{section: e.section, id: e.id, index: i + 1}.key()
		return m.change(m.say("duplicated", m.singular(e.section)+" "+e.id), func(d *yamledit.Doc) error {
			return d.Insert(yamledit.Path{e.section}, i+1, kv)
		})
	}
	p := &prompt{title: m.say("duplicateAs", e.id), spec: spec{kind: kID}, apply: func(m *Model, id string) tea.Cmd {
		for j := range kv {
			if kv[j].Key == "id" {
				kv[j].Value = id
			}
		}
		m.want = entry{section: e.section, id: id, index: -1}.key()
		return m.change(m.say("duplicatedAs", e.id, id), func(d *yamledit.Doc) error {
			return d.Insert(yamledit.Path{e.section}, i+1, kv)
		})
	}}
	return m.ask(p, e.id+"-copy")
}

// copyInheritedList copies a group's inherited list (demand standards,
// strategy objectives…) into this file, where it then overrides the
// inherited one whole and can be edited: the nearest file extended that
// writes it is where it is read.
func (m *Model) copyInheritedList(section string, rw row) tea.Cmd {
	key, _ := rw.path[0].(string)
	r := m.res.resolvedOrNil()
	if r == nil {
		return nil
	}
	var from string
	var seq *yaml.Node
	for _, name := range r.Files[1:] {
		if f := m.res.files[name]; f != nil {
			if seq = topValue(groupNode(f.Root, section), key, yaml.SequenceNode); seq != nil {
				from = name
				break
			}
		}
	}
	if seq == nil {
		m.fail("%s", m.say("inheritedListNotFound", key))
		return nil
	}
	what := m.say("copiedFrom", section+" "+key, shortFile(from, m.name))
	list := valueOf(seq) // []any of mappings, or []string
	items, _ := list.([]any)
	if strs, ok := list.([]string); ok {
		for _, x := range strs {
			items = append(items, x)
		}
	}
	path := yamledit.Path{section, key}
	return m.change(what, func(d *yamledit.Doc) error {
		return setField(d, path, list, func() error {
			for _, it := range items { // a list in the group's style, an item a line in a block
				if err := d.InsertValue(path, -1, it); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// inheritedStage returns the inherited chain entries of a stage, as entries.
func (m *Model) inheritedStage(stage string) []entry {
	var out []entry
	for _, e := range entries(m.w, m.res, tabRACI, nil) {
		if e.section == "chain" && e.id == stage && !e.own(m.res) {
			out = append(out, e)
		}
	}
	return out
}

// copyStage copies every inherited entry of a stage into the file at once:
// the chain merges by stage, so copying one alone would drop the others.
func (m *Model) copyStage(stage string) tea.Cmd {
	var items [][]yamledit.KV
	var from string
	for _, e := range m.inheritedStage(stage) {
		n := m.nodeOf(e)
		if n == nil {
			m.fail("%s", m.say("textNotFound", stage))
			return nil
		}
		items, from = append(items, kvOf(n)), e.file
	}
	m.want = entry{section: "chain", id: stage, index: m.countOwn("chain")}.key()
	what := m.w.count("stageCopied", len(items), stage, shortFile(from, m.name))
	return m.change(what, func(d *yamledit.Doc) error {
		for _, kv := range items {
			if err := d.Append(yamledit.Path{"chain"}, kv); err != nil {
				return err
			}
		}
		return nil
	})
}
