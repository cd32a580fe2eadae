package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/model"
)

// ask opens a text input: the value is checked as it is typed and enter
// hands it to p.apply only when it is acceptable.
func (m *Model) ask(p *prompt, value string) tea.Cmd {
	m.prompt = p
	m.mode = modeInput
	m.input.SetValue(value)
	m.input.CursorEnd()
	if p.inRow {
		m.input.SetWidth(max(10, m.width-m.leftWidth()-26))
	} else {
		m.input.SetWidth(max(10, m.width-len(p.title)-6))
	}
	m.checkInput()
	return m.input.Focus()
}

// choose opens a filtered list of choices; enter hands the chosen id to p.apply.
func (m *Model) choose(p *prompt, cands []candidate) tea.Cmd {
	if len(cands) == 0 {
		m.fail("%s", m.say("nothingToChoose", p.title))
		return nil
	}
	m.prompt = p
	m.mode = modePick
	m.cands = cands
	m.input.SetValue("")
	m.input.SetWidth(max(10, m.width-m.leftWidth()-12))
	m.pickQuery = "\x00" // not a query: the list is filtered below
	m.filterPick()
	return m.input.Focus()
}

func indexOfCandidate(cs []candidate, id string) int {
	for i, c := range cs {
		if c.id == id {
			return i
		}
	}
	return -1
}

// filterPick filters the choices by the text typed. When the text changed,
// the highlight goes to the best match (the first row), or, once the text
// is erased, back to the field's current value: what enter takes is always
// the row shown highlighted, never a row left there by an earlier filter.
func (m *Model) filterPick() {
	q := m.input.Value()
	if q == m.pickQuery {
		return // the cursor moved in the text: the highlight stays where ↑↓ put it
	}
	m.pickQuery = q
	m.picked = filterCandidates(m.cands, q)
	m.pickAt = 0
	if strings.TrimSpace(q) == "" && m.prompt != nil {
		m.pickAt = max(0, indexOfCandidate(m.picked, m.prompt.old))
	}
}

// startSearch filters the left pane by id and name, across collapsed subtrees.
func (m *Model) startSearch() {
	m.mode = modeSearch
	m.focus = focusList
	m.input.SetValue("")
	m.input.SetWidth(max(10, m.leftWidth()-3))
	m.foundAt = 0
	m.searchQuery = "\x00"
	m.filterSearch()
	m.input.Focus()
}

// filterSearch lists the tab's items matching the text typed, best first;
// when the text changed, the highlight goes to the best match.
func (m *Model) filterSearch() {
	q := m.input.Value()
	if q == m.searchQuery {
		return
	}
	m.searchQuery = q
	all := entries(m.w, m.res, m.tab, nil) // every item, collapsed or not
	var cands []candidate
	var items []entry
	for _, e := range all {
		if !e.selectable() {
			continue
		}
		cands = append(cands, candidate{id: e.id, name: e.label})
		items = append(items, e)
	}
	m.found = m.found[:0]
	for _, i := range rankCandidates(cands, q) {
		m.found = append(m.found, items[i])
	}
	m.foundAt = 0
}

// typingKey handles a key while typing: in a text input, a pick or a search.
func (m *Model) typingKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, typingKeys.Cancel):
		m.endTyping()
		m.setStatus("%s", m.say("cancelled"))
		return nil
	case key.Matches(k, typingKeys.OK):
		return m.finishTyping()
	case key.Matches(k, typingKeys.Save): // keep the value being typed, then save
		if m.mode != modeInput {
			return nil
		}
		cmd := m.finishTyping()
		if m.mode != modeNormal {
			return cmd // the value is not acceptable yet: the message says why
		}
		return tea.Batch(cmd, m.save(false))
	case key.Matches(k, typingKeys.Prev):
		if m.mode == modePick {
			m.pickAt = max(m.pickAt-1, 0)
		} else if m.mode == modeSearch {
			m.foundAt = max(m.foundAt-1, 0)
		}
		return nil
	case key.Matches(k, typingKeys.Next):
		if m.mode == modePick {
			m.pickAt = min(m.pickAt+1, max(len(m.picked)-1, 0))
		} else if m.mode == modeSearch {
			m.foundAt = min(m.foundAt+1, max(len(m.found)-1, 0))
		}
		return nil
	}
	return m.typed(k)
}

// typed passes a key or a paste to the text input and re-checks the value.
func (m *Model) typed(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	switch m.mode {
	case modeInput:
		m.checkInput()
	case modePick:
		m.filterPick()
	case modeSearch:
		m.filterSearch()
	}
	return cmd
}

// checkInput validates the typed value as the user types.
func (m *Model) checkInput() {
	if m.prompt == nil {
		m.inputErr = ""
		return
	}
	m.inputErr = checkValue(m.w, m.prompt.spec, m.input.Value(), m.taken, m.prompt.old)
}

// taken reports whether an id is used anywhere in the resolved scenario,
// instances of replicated units included.
func (m *Model) taken(id string) bool {
	r := m.res.resolvedOrNil()
	if r == nil {
		return false
	}
	if r.Lookup(id) != nil {
		return true
	}
	for _, in := range r.Instances {
		if in.ID == id {
			return true
		}
	}
	return false
}

func (m *Model) endTyping() {
	m.mode = modeNormal
	m.input.Blur()
	m.prompt = nil
	m.inputErr = ""
}

func (m *Model) finishTyping() tea.Cmd {
	switch m.mode {
	case modeSearch:
		if m.foundAt < len(m.found) {
			m.goTo(m.found[m.foundAt])
		}
		m.endTyping()
		return nil
	case modePick:
		if m.pickAt >= len(m.picked) {
			return nil
		}
		p, v := m.prompt, m.picked[m.pickAt].id
		m.endTyping()
		return p.apply(m, v)
	}
	m.checkInput()
	if m.inputErr != "" {
		return nil // stays open: the message says what to fix
	}
	p, v := m.prompt, strings.TrimSpace(m.input.Value())
	m.endTyping()
	return p.apply(m, v)
}

// goTo selects an entry of the current tab, unfolding its superiors.
func (m *Model) goTo(e entry) {
	if m.tab == tabUnits {
		if r := m.res.resolvedOrNil(); r != nil {
			for id, n := e.id, 0; id != "" && n < len(r.Units)+len(r.Bodies); n++ {
				sup := ""
				if u := r.Unit(id); u != nil {
					sup = u.ReportsTo
				} else if x := r.Lookup(id); x != nil {
					if b, ok := x.Item.(*model.Body); ok {
						sup = b.ReportsTo
					}
				}
				delete(m.collapsed, sup)
				id = sup
			}
		}
	}
	m.want = e.key()
	m.refresh()
	m.rowCursor, m.rowOffset = 0, 0
	m.rebuildRows()
}

// jumpTo selects the item a diagnostic points into: the last item of the
// tabs that starts at or before its line in its file.
func (m *Model) jumpTo(d model.Diagnostic) {
	best, bestTab := entry{}, -1
	for tab := range tabDiags {
		for _, e := range entries(m.w, m.res, tab, nil) {
			if e.section == "" || e.file != d.File || e.pos.Line > d.Line {
				continue
			}
			if bestTab < 0 || e.pos.Line > best.pos.Line {
				best, bestTab = e, tab
			}
		}
	}
	if bestTab < 0 {
		m.setStatus("%s", m.say("notInAnItem", fmt.Sprintf("%s:%d", shortFile(d.File, m.name), d.Line)))
		return
	}
	m.setTab(bestTab)
	m.goTo(best)
	if i := slices.IndexFunc(m.rows, func(rw row) bool { return rw.line == d.Line }); i >= 0 && best.own(m.res) {
		m.focus, m.rowCursor = focusDetail, i
	}
	msg, _ := m.w.diag(&d)
	m.setStatus("%s: %s", d.Pos, msg)
}
