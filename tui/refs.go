package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/model"
)

// refSite is a field that names an id: the file it is written in and
// where, in the user's words ("dr reportsTo", "m-paiement responsible").
type refSite struct {
	file  string
	where string
}

// sitesIn lists the fields of a file's items that name id (referencesTo),
// with where they are; skip leaves out the items of a section (by their
// id) that do not count.
func sitesIn(file string, root *yaml.Node, id string, skip func(section, item string) bool) []refSite {
	var out []refSite
	for _, p := range referencesTo(root, id) {
		section, _ := p[0].(string)
		rest := p[1:]
		name := section
		if i, ok := p[1].(int); ok && !mapSections[section] {
			it := sectionNode(root, section).Content[i]
			name = itemName(section, it)
			if skip != nil && skip(section, name) {
				continue
			}
			rest = p[2:]
		}
		out = append(out, refSite{file: file, where: strings.TrimSpace(name + " " + strings.Join(pathWords(rest), " "))})
	}
	return out
}

// itemName names an item of a section as the lists show it: its id, a
// chain entry's stage, a relation's ends and kind.
func itemName(section string, it *yaml.Node) string {
	switch section {
	case "chain":
		return scalarOf(it, "stage")
	case "relations":
		return relationID(scalarOf(it, "from"), scalarOf(it, "to"), scalarOf(it, "kind"))
	}
	return scalarOf(it, "id")
}

// extended returns the scenario files the edited one extends, directly or
// not, nearest first, as parsed for the latest result.
func (m *Model) extended() []*model.File {
	r := m.res.resolvedOrNil()
	if r == nil {
		return nil
	}
	var out []*model.File
	for _, name := range r.Files {
		if f := m.res.files[name]; f != nil && name != m.res.name && f.Kind == model.KindScenario && f.Root != nil {
			out = append(out, f)
		}
	}
	return out
}

// overridden returns the file extended that defines an item of the
// section with this id, which the edited file's item of the same id
// overrides; "" when there is none.
func (m *Model) overridden(section, id string) string {
	if !idSections[section] {
		return ""
	}
	for _, f := range m.extended() {
		if seq := sectionNode(f.Root, section); seq != nil {
			for _, it := range seq.Content {
				if scalarOf(it, "id") == id {
					return f.Name
				}
			}
		}
	}
	return ""
}

// idSections are the sections whose items merge by id (so that an item of
// the edited file overrides an inherited one of the same id).
var idSections = map[string]bool{
	"units": true, "bodies": true, "mandates": true, "channels": true, "systems": true, "interfaces": true, "risks": true,
	"actors": true, "phases": true, "profiles": true, "prerequisites": true,
}

// inheritedSites lists the fields of the files extended that name id, in
// the items the edited file neither overrides nor removes: those would name
// nothing once id is gone.
func (m *Model) inheritedSites(id string) []refSite {
	root := m.doc.Root()
	removed := map[string]bool{}
	if seq := topValue(root, "remove", yaml.SequenceNode); seq != nil {
		for _, it := range seq.Content {
			removed[it.Value] = true
		}
	}
	own := func(section, item string) bool {
		if removed[item] {
			return true
		}
		if seq := sectionNode(root, section); seq != nil {
			return slices.ContainsFunc(seq.Content, func(it *yaml.Node) bool { return itemName(section, it) == item })
		}
		return false
	}
	var out []refSite
	for _, f := range m.extended() {
		out = append(out, sitesIn(f.Name, f.Root, id, own)...)
	}
	return out
}

// describeSites says where references are, the first few by name: "dr
// reportsTo, m-paiement accountable, … 3 more", with the file they are in
// when it is not the edited one.
func (m *Model) describeSites(sites []refSite) string {
	const shown = 4
	oneFile := !slices.ContainsFunc(sites, func(s refSite) bool { return s.file != sites[0].file })
	other := func(file string) bool { return file != "" && file != m.res.name }
	var parts []string
	for i, s := range sites {
		if i == shown {
			parts = append(parts, m.w.count("more", len(sites)-shown))
			break
		}
		p := txt(s.where)
		if other(s.file) && !oneFile {
			p += " (" + txt(shortFile(s.file, m.name)) + ")"
		}
		parts = append(parts, p)
	}
	out := strings.Join(parts, ", ")
	if len(sites) > 0 && oneFile && other(sites[0].file) {
		out += " (" + txt(shortFile(sites[0].file, m.name)) + ")"
	}
	return out
}

// danglingIfGone lists the references that would name nothing once the
// item (section, id) of the edited file is gone: in this file (other than
// in the item itself) and in the files it extends.
func (m *Model) danglingIfGone(section, id string) []refSite {
	sites := sitesIn("", m.doc.Root(), id, func(sec, item string) bool { return sec == section && item == id })
	return append(sites, m.inheritedSites(id)...)
}

// noteMsg completes the status with what a command found (the files beside
// the edited one, read from disk), if the status still says what it
// completes and the text has not changed since.
type noteMsg struct {
	gen         int
	after, text string
}

// askMsg asks a question whose words needed the disk (a command read the
// files beside the edited one), unless the text changed meanwhile or
// another mode began.
type askMsg struct {
	gen      int
	question string
	then     func(m *Model) tea.Cmd
}

func (m *Model) noted(msg noteMsg) {
	if msg.gen != m.gen || m.status != msg.after {
		return
	}
	m.setStatus("%s", msg.after+msg.text)
}

func (m *Model) asked(msg askMsg) {
	m.preparing = false
	if msg.gen != m.gen || m.mode != modeNormal {
		return
	}
	m.confirmThen(msg.question, msg.then)
}

// press handles a key: esc then a key as two (splitEsc), else as it is.
func (m *Model) press(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.splitEsc(k); ok {
		return cmd
	}
	return m.key(k)
}

// replay handles the keys typed while a question was being prepared, in
// order (until another question is being prepared).
func (m *Model) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(m.typeahead) > 0 && !m.preparing {
		k := m.typeahead[0]
		m.typeahead = m.typeahead[1:]
		cmds = append(cmds, m.press(k))
	}
	return tea.Batch(cmds...)
}
