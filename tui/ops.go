package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/internal/yamledit"
)

// change applies an edit to the text. A failed edit leaves the text as it
// was and says why; a successful one is recorded for undo and recomputed.
func (m *Model) change(what string, edit func(d *yamledit.Doc) error) tea.Cmd {
	before := slices.Clone(m.doc.Bytes())
	if err := edit(m.doc); err != nil {
		if d, perr := yamledit.Parse(before); perr == nil {
			m.doc = d
		}
		m.fail("%s: %v", what, err)
		return nil
	}
	if bytes.Equal(before, m.doc.Bytes()) {
		m.setStatus("%s", m.say("noChange", what))
		return nil
	}
	m.undo = append(m.undo, snapshot{before, m.lineage})
	if len(m.undo) > maxUndo {
		m.undo = slices.Delete(m.undo, 0, len(m.undo)-maxUndo)
	}
	m.redo = nil
	m.setStatus("%s", what)
	return m.changed()
}

// changed follows any change of the text: the fields are rebuilt at once,
// the figures recomputed in a command.
func (m *Model) changed() tea.Cmd {
	m.gen++
	m.guard.set(m.doc.Bytes(), m.dirty())
	m.rebuildRows()
	return m.recompute()
}

// undoRedo steps back (or forward) through the snapshots of the text.
func (m *Model) undoRedo(back bool) tea.Cmd {
	from, to := &m.undo, &m.redo
	word, none := m.say("undone"), m.say("nothingToUndo")
	if !back {
		from, to, word, none = &m.redo, &m.undo, m.say("redone"), m.say("nothingToRedo")
	}
	if len(*from) == 0 {
		m.setStatus("%s", none)
		return nil
	}
	prev := (*from)[len(*from)-1]
	d, err := yamledit.Parse(prev.data)
	if err != nil {
		m.fail("%s: %v", word, err)
		return nil
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, snapshot{slices.Clone(m.doc.Bytes()), m.lineage})
	m.doc, m.lineage = d, prev.lineage
	m.setStatus("%s", word)
	return m.changed()
}

// itemPath returns the path of an entry's item in the current text.
func (m *Model) itemPath(e entry) (yamledit.Path, bool) {
	if mapSections[e.section] {
		return yamledit.Path{e.section}, true // written here when missing (setField)
	}
	i, _, ok := locate(m.doc.Root(), e)
	if !ok {
		return nil, false
	}
	return yamledit.Path{e.section, i}, true
}

// editable returns the selected entry when it is written in this file; it
// says why not otherwise.
func (m *Model) editable() (entry, bool) {
	e, ok := m.selected()
	switch {
	case !ok:
		m.fail("%s", m.say("nothingSelected"))
	case e.section == "":
		m.fail("%s", m.say("readOnlyComputed"))
		return e, false
	case !e.own(m.res):
		m.fail("%s", m.say("readOnlyInherited", shortFile(e.file, m.name)))
		return e, false
	}
	return e, ok
}

// editRow edits the field under the detail cursor.
func (m *Model) editRow() tea.Cmd {
	e, ok := m.editable()
	if !ok || m.rowCursor >= len(m.rows) {
		return nil
	}
	rw := m.rows[m.rowCursor]
	if rw.locked {
		m.fail("%s", m.say("lockedList", rw.label))
		return nil
	}
	if rw.header {
		if rw.list || rw.group {
			return m.addInRow(e, rw)
		}
		m.setStatus("%s", m.say("chooseAField", rw.label))
		return nil
	}
	base, ok := m.itemPath(e)
	if !ok {
		m.fail("%s", m.say("noLongerInFile", e.id))
		return nil
	}
	path := append(slices.Clone(base), rw.path...)
	title := e.id + " " + strings.Join(pathWords(rw.path), " ")
	switch rw.spec.kind {
	case kBool:
		v := rw.value != "true"
		return m.change(fmt.Sprintf("%s: %t", title, v), func(d *yamledit.Doc) error {
			return setField(d, path, v, func() error { return d.SetBool(path, v) })
		})
	case kEnum, kRef:
		p := &prompt{title: title, spec: rw.spec, old: rw.value, apply: func(m *Model, v string) tea.Cmd {
			return m.setValue(path, title, rw.spec, v)
		}}
		return m.choose(p, m.choicesFor(e, rw))
	}
	// A folded text (>) reads as one line ending with a line break: it is
	// edited as that line and keeps its break, so it stays a folded block.
	value, keepBreak := strings.CutSuffix(rw.value, "\n")
	if strings.Contains(value, "\n") {
		m.fail("%s", m.say("severalLines", title))
		return nil
	}
	p := &prompt{title: title, spec: rw.spec, old: rw.value, inRow: true, apply: func(m *Model, v string) tea.Cmd {
		if id := strings.TrimSpace(v); rw.spec.kind == kID && id != rw.value && len(rw.path) == 1 {
			if from := m.overridden(e.section, rw.value); from != "" {
				return m.askRenameOverride(e, path, title, rw.value, id, from)
			}
			m.want = entry{section: e.section, id: id, index: e.index}.key()
			return m.rename(path, title, rw.value, id, false)
		}
		if keepBreak && v != "" {
			v += "\n"
		}
		return m.setValue(path, title, rw.spec, v)
	}}
	return m.ask(p, value)
}

// choicesFor lists what a reference or closed-list field of an item may
// take: a unit or body reports to none of those under it, nor to itself;
// a unit has no dotted line to itself.
func (m *Model) choicesFor(e entry, rw row) []candidate {
	cands := candidates(m.w, m.res, rw.spec)
	key, _ := rw.path[0].(string)
	r := m.res.resolvedOrNil()
	if r == nil || len(rw.path) > 2 || (e.section != "units" && e.section != "bodies") {
		return cands
	}
	var out []candidate
	switch key {
	case "reportsTo":
		under := descendants(r, e.id)
		for _, c := range cands {
			if !under[c.id] {
				out = append(out, c)
			}
		}
	case "functionalTo":
		for _, c := range cands {
			if c.id != e.id {
				out = append(out, c)
			}
		}
	default:
		return cands
	}
	return out
}

// askRenameOverride asks before renaming an item that overrides an
// inherited one of the same id: renamed alone, the inherited one would
// come back beside it. The choice offered is to rename it and add the old
// id to `remove:` (the inherited item is then dropped; the references to it
// in the files extended, if any, would name nothing), or to cancel.
func (m *Model) askRenameOverride(e entry, path yamledit.Path, title, old, id, from string) tea.Cmd {
	what := m.singular(e.section)
	q := m.say("askRenameOverride", old, what, txt(shortFile(from, m.name)), id)
	if sites := m.inheritedSites(old); len(sites) > 0 {
		q += " " + m.w.count("renameOverrideDangling", len(sites), m.describeSites(sites))
	}
	return m.confirmThen(q, func(m *Model) tea.Cmd {
		m.want = entry{section: e.section, id: id, index: e.index}.key()
		return m.rename(path, title, old, id, true)
	})
}

// rename changes an item's id and, in the same step (one undo), every field
// of this file that refers to it: reportsTo, RACI parties, owners, members,
// systems, interfaces' ends... Files that extend this one are not changed.
// With remove, the old id is added to `remove:` in the same step, so that
// the inherited item the renamed one overrode does not come back.
func (m *Model) rename(path yamledit.Path, title, old, id string, remove bool) tea.Cmd {
	n := 0
	cmd := m.change(fmt.Sprintf("%s: %s", title, id), func(d *yamledit.Doc) error {
		if err := d.Set(path, id); err != nil {
			return err
		}
		refs := referencesTo(d.Root(), old)
		for _, p := range refs {
			if err := d.Set(p, id); err != nil {
				return fmt.Errorf("%s: %w", strings.Join(pathWords(p), " "), err)
			}
		}
		n = len(refs)
		if remove {
			return d.InsertValue(yamledit.Path{"remove"}, -1, old)
		}
		return nil
	})
	if cmd == nil {
		return nil
	}
	var more []string
	if n > 0 {
		more = append(more, m.w.count("refsUpdated", n))
	}
	if remove {
		more = append(more, m.say("addedToRemove", old))
	}
	msg := m.say("renamed", title, old, id)
	if len(more) > 0 {
		msg += ", " + strings.Join(more, ", ")
	}
	m.setStatus("%s", msg)
	// the files beside it are read in a command: the status is completed
	// when they are
	file, w, gen := m.opts.Path, m.w, m.gen
	return tea.Batch(cmd, func() tea.Msg {
		k, files := elsewhere(file, old)
		if k == 0 {
			return nil
		}
		return noteMsg{gen: gen, after: msg, text: "; " + w.count("stillNamed", k, w.count("files", len(files)), old, strings.Join(files, ", "))}
	})
}

// elsewhere counts the references to id in the YAML files beside the edited
// one (path) that extend it, directly or through another: a rename changes
// this file only, and they would then name an id that no longer exists.
// Files that cannot be read or parsed, or use aliases (*name), are left out.
// It reads the disk: it runs in a command.
func elsewhere(path, id string) (int, []string) {
	self, err := filepath.Abs(path)
	if err != nil {
		return 0, nil
	}
	dir := filepath.Dir(self)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, nil
	}
	extends := map[string]string{} // file -> the file it extends
	roots := map[string]*yaml.Node{}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(dir, name)
		if !e.Type().IsRegular() || p == self || (!strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml")) {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		d, err := yamledit.Parse(data)
		if err != nil || d.Root() == nil || hasAlias(d.Root()) {
			continue
		}
		roots[p] = d.Root()
		if ext := scalarOf(groupNode(d.Root(), "scenario"), "extends"); ext != "" {
			extends[p] = filepath.Join(dir, filepath.FromSlash(ext))
		}
	}
	n := 0
	var files []string
	for p, root := range roots {
		for cur, depth := extends[p], 0; cur != "" && depth < 16; cur, depth = extends[cur], depth+1 {
			if cur == self {
				if k := len(referencesTo(root, id)); k > 0 {
					n += k
					files = append(files, filepath.Base(p))
				}
				break
			}
		}
	}
	slices.Sort(files)
	return n, files
}

// hasAlias reports whether a tree holds an alias (walked without following
// any: an alias bomb would be exponential).
func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	return slices.ContainsFunc(n.Content, hasAlias)
}

// referencesTo lists the fields of the file's items that name id: the
// reference fields (specOf) of every item of every section the editor knows,
// and of every group (mapSections), scalars and list items alike; territory
// places are not ids.
func referencesTo(root *yaml.Node, id string) []yamledit.Path {
	if root != nil && root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	var out []yamledit.Path
	for i := 0; i+1 < len(root.Content); i += 2 {
		section, v := root.Content[i].Value, root.Content[i+1]
		switch {
		case mapSections[section] && v.Kind == yaml.MappingNode:
			out = refsIn(out, section, v, yamledit.Path{section}, id)
		case itemTypes[section] != nil && v.Kind == yaml.SequenceNode:
			for j, item := range v.Content {
				out = refsIn(out, section, item, yamledit.Path{section, j}, id)
			}
		}
	}
	return out
}

// refsIn appends the paths of the reference fields of one item (at base)
// that name id.
func refsIn(out []yamledit.Path, section string, item *yaml.Node, base yamledit.Path, id string) []yamledit.Path {
	for _, rw := range rowsOf(section, item) {
		if rw.set && !rw.header && rw.spec.kind == kRef && !rw.spec.place && rw.value == id {
			out = append(out, append(slices.Clone(base), rw.path...))
		}
	}
	return out
}

// setValue writes a checked value at path, as a number where the field is one.
func (m *Model) setValue(path yamledit.Path, title string, sp spec, v string) tea.Cmd {
	what := fmt.Sprintf("%s: %s", title, v)
	switch sp.kind {
	case kInt, kLevel, kNumber:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			m.fail("%s: %s", title, m.say("checkNumber"))
			return nil
		}
		return m.change(what, func(d *yamledit.Doc) error {
			return setField(d, path, f, func() error { return d.SetNumber(path, f) })
		})
	}
	return m.change(what, func(d *yamledit.Doc) error {
		return setField(d, path, v, func() error { return d.Set(path, v) })
	})
}

// setField writes a value with set, or, for a field of a group of fields
// the file does not write yet (a group section such as institution, a
// unit's cost, a system's continuity), writes the group with that field:
// "institution: { legalForm: autonomous-agency }", "cost: { setup: 2000000 }".
func setField(d *yamledit.Doc, path yamledit.Path, v any, set func() error) error {
	if len(path) >= 2 {
		group := path[:len(path)-1]
		key, kok := path[len(path)-1].(string)
		_, gok := group[len(group)-1].(string)
		if _, err := d.Lookup(group); err != nil && kok && gok {
			if _, perr := d.Lookup(group[:len(group)-1]); perr == nil || len(group) == 1 {
				return d.AddField(slices.Clone(group), []yamledit.KV{{Key: key, Value: v}})
			}
		}
	}
	return set()
}

func pathWords(p []any) []string {
	var out []string
	for _, s := range p {
		switch s := s.(type) {
		case string:
			out = append(out, s)
		case int:
			out = append(out, strconv.Itoa(s+1))
		}
	}
	return out
}

// addInRow adds to the list a detail row belongs to: an item of a list of
// references or texts, a staff line, a mitigation, a service standard, a
// strategic objective or one of its indicators. The list need not be
// written yet: the first item starts it.
func (m *Model) addInRow(e entry, rw row) tea.Cmd {
	base, ok := m.itemPath(e)
	if !ok {
		return nil
	}
	listPath := rw.path // a list's heading
	if !rw.header || isIndex(rw.path[len(rw.path)-1]) {
		listPath = listOf(rw.path) // an item, or a field of an item: its list
	}
	if len(listPath) == 0 {
		return nil
	}
	path := append(slices.Clone(base), listPath...)
	key, _ := listPath[len(listPath)-1].(string)
	what := strings.Join(pathWords(listPath), " ")
	newID := func(kind string, rest func(id string) []yamledit.KV) tea.Cmd {
		p := &prompt{title: m.say("newItemID", m.say(kind)), spec: spec{kind: kID}, apply: func(m *Model, v string) tea.Cmd {
			return m.change(m.say("added", m.say(kind), v), func(d *yamledit.Doc) error {
				return d.Append(path, append([]yamledit.KV{{Key: "id", Value: v}}, rest(v)...))
			})
		}}
		return m.ask(p, "")
	}
	switch {
	case rw.list:
		sp := specOf(e.section, keysOf(listPath))
		p := &prompt{title: m.say("addTo", what), spec: sp, apply: func(m *Model, v string) tea.Cmd {
			return m.change(m.say("addedTo", v, what), func(d *yamledit.Doc) error { return d.InsertValue(path, -1, v) })
		}}
		if sp.kind == kRef || sp.kind == kEnum {
			return m.choose(p, candidates(m.w, m.res, sp))
		}
		return m.ask(p, "")
	case key == "staff":
		sp := specOf(e.section, []string{"staff", "profile"})
		p := &prompt{title: m.say("newStaffLine"), spec: sp, apply: func(m *Model, v string) tea.Cmd {
			return m.change(m.say("added", m.say("staffLine"), v), func(d *yamledit.Doc) error {
				return d.Append(path, []yamledit.KV{{Key: "profile", Value: v}, {Key: "count", Value: 1}})
			})
		}}
		return m.choose(p, candidates(m.w, m.res, sp))
	case key == "standards":
		sp := specOf(e.section, []string{"standards", "profile"})
		p := &prompt{title: m.say("newStandard"), spec: sp, apply: func(m *Model, profile string) tea.Cmd {
			q := &prompt{title: m.say("newStandardNorm", profile), spec: spec{kind: kNumber}, apply: func(m *Model, v string) tea.Cmd {
				n, _ := strconv.ParseFloat(strings.TrimSpace(v), 64)
				return m.change(m.say("added", m.say("standard"), profile), func(d *yamledit.Doc) error {
					return d.Append(path, []yamledit.KV{{Key: "profile", Value: profile}, {Key: "onePer", Value: n}, {Key: "of", Value: "households"}})
				})
			}}
			return m.ask(q, "")
		}}
		return m.choose(p, candidates(m.w, m.res, sp))
	case key == "mitigations":
		return newID("mitigation", func(string) []yamledit.KV {
			return []yamledit.KV{{Key: "title", Value: m.say("newMitigation")}, {Key: "reduces", Value: "likelihood"}, {Key: "by", Value: 1}, {Key: "status", Value: "planned"}}
		})
	case key == "objectives":
		return newID("objective", func(string) []yamledit.KV { return []yamledit.KV{{Key: "title", Value: m.say("newObjective")}} })
	case key == "indicators":
		return newID("indicator", func(string) []yamledit.KV { return []yamledit.KV{{Key: "title", Value: m.say("newIndicator")}} })
	}
	m.setStatus("%s", m.say("addInTextEditor", what))
	return nil
}

// keysOf keeps the keys of a path, without the indexes: how specOf names a field.
func keysOf(p []any) []string {
	var out []string
	for _, s := range p {
		if k, ok := s.(string); ok {
			out = append(out, k)
		}
	}
	return out
}

// listsHere names the lists of the selected item's fields, for the
// message of a on a field that is not in one.
func (m *Model) listsHere() []string {
	var out []string
	for _, rw := range m.rows {
		if rw.header && (rw.list || rw.group) && !isIndex(rw.path[len(rw.path)-1]) {
			out = append(out, strings.Join(pathWords(rw.path), " "))
		}
	}
	return out
}

func isIndex(s any) bool { _, ok := s.(int); return ok }

// listOf returns the path of the list a row's path is in: the path up to its
// last index.
func listOf(p []any) []any {
	for i := len(p) - 1; i >= 0; i-- {
		if isIndex(p[i]) {
			return slices.Clone(p[:i])
		}
	}
	return nil
}

// kvOf turns a yaml mapping into the items the writer inserts: scalars keep
// their type, nested mappings and lists follow.
func kvOf(n *yaml.Node) []yamledit.KV {
	var out []yamledit.KV
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, yamledit.KV{Key: n.Content[i].Value, Value: valueOf(n.Content[i+1])})
	}
	return out
}

func valueOf(n *yaml.Node) any {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		return kvOf(n)
	case yaml.SequenceNode:
		if len(n.Content) > 0 && n.Content[0].Kind == yaml.MappingNode {
			out := make([]any, 0, len(n.Content))
			for _, it := range n.Content {
				out = append(out, kvOf(it))
			}
			return out
		}
		out := make([]string, 0, len(n.Content))
		for _, it := range n.Content {
			out = append(out, it.Value)
		}
		return out
	}
	switch n.ShortTag() {
	case "!!int":
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	case "!!float":
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v
		}
	case "!!bool":
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
	case "!!null":
		return nil
	}
	return n.Value
}
