package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is every key of the normal mode, with the words the footer and the
// help screen show.
type keyMap struct {
	Up, Down, Collapse, Expand, Enter, Back, Pane, NextTab, PrevTab, Search,
	Add, Delete, Move, Copy, Undo, Redo, Save, Quit, Help key.Binding
}

var keys = keyMap{
	Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
	Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
	Collapse: key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "collapse")),
	Expand:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "expand")),
	Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit")),
	Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	Pane:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "pane")),
	NextTab:  key.NewBinding(key.WithKeys("]", "shift+right"), key.WithHelp("]", "next tab")),
	PrevTab:  key.NewBinding(key.WithKeys("[", "shift+left", "shift+tab"), key.WithHelp("[", "previous tab")),
	Search:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
	Add:      key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
	Delete:   key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
	Move:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "move")),
	Copy:     key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
	Undo:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
	Redo:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
	Save:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
	Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
}

// helpLines is the help screen: every key and what it does.
var helpLines = [][2]string{
	{"↑ ↓  k j", "move in the list or the fields"},
	{"← →  h l", "collapse or expand a unit; → on a leaf opens its fields"},
	{"enter", "edit the field (references and closed lists: choose from a list);\non a diagnostic, go to the item it is about"},
	{"esc", "cancel the edit, or go back to the list"},
	{"tab", "switch between the list and the fields"},
	{"1…7  [ ]", "switch tab: units, RACI, channels, systems, risks, context, diagnostics"},
	{"/", "search the list by id or name (fuzzy, accents ignored)"},
	{"a", "add a unit under the selected one, a mandate, a chain entry, a risk…;\nin the fields: a list item, a staff line, a mitigation"},
	{"d", "delete the item or the field (asks first)"},
	{"m", "move: change what a unit reports to"},
	{"c", "copy: an inherited item into this file (to override it),\nor duplicate one of this file's items under a new id"},
	{"u  ctrl+r", "undo, redo"},
	{"ctrl+s", "save (only the edited lines change)"},
	{"q", "quit (asks when there are unsaved changes)"},
	{"?", "this help; any key closes it"},
}

// footer is the one-line key reminder of each mode.
func (m *Model) footer() [][2]string {
	switch m.mode {
	case modeInput:
		return [][2]string{{"enter", "ok"}, {"esc", "cancel"}}
	case modePick:
		return [][2]string{{"type", "filter"}, {"↑↓", "choose"}, {"enter", "ok"}, {"esc", "cancel"}}
	case modeSearch:
		return [][2]string{{"type", "search"}, {"↑↓", "choose"}, {"enter", "go"}, {"esc", "cancel"}}
	case modeConfirm:
		return [][2]string{{"y", "yes"}, {"n/esc", "no"}}
	case modeQuit:
		return [][2]string{{"s", "save and quit"}, {"d", "discard and quit"}, {"esc", "stay"}}
	case modeConflict:
		return [][2]string{{"r", "reload from disk"}, {"w", "save elsewhere"}, {"esc", "cancel"}}
	case modeHelp:
		return [][2]string{{"any key", "closes the help"}}
	}
	if m.focus == focusDetail {
		return [][2]string{{"enter", "edit"}, {"a", "add item"}, {"d", "delete"}, {"esc", "back"}, {"u", "undo"},
			{"^s", "save"}, {"q", "quit"}, {"?", "help"}}
	}
	f := [][2]string{{"enter", "edit"}, {"/", "find"}, {"a", "add"}, {"d", "del"}, {"m", "move"}, {"c", "copy"},
		{"u", "undo"}, {"^r", "redo"}, {"^s", "save"}, {"←→", "fold"}, {"tab", "pane"}, {"q", "quit"}, {"?", "help"}}
	return f
}

// key handles a key press in the current mode.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeHelp:
		m.mode = modeNormal
		return nil
	case modeInput, modePick, modeSearch:
		return m.typingKey(k)
	case modeConfirm:
		switch k.String() {
		case "y", "Y":
			m.mode = modeNormal
			f := m.onConfirm
			m.onConfirm = nil
			return f(m)
		case "n", "N", "esc", "q":
			m.mode, m.onConfirm = modeNormal, nil
			m.setStatus("cancelled")
		}
		return nil
	case modeQuit:
		switch k.String() {
		case "s", "ctrl+s":
			m.mode = modeNormal
			return m.save(true)
		case "d":
			m.quitting = true
			return tea.Quit
		case "esc", "n":
			m.mode = modeNormal
			m.setStatus("not quitting")
		}
		return nil
	case modeConflict:
		switch k.String() {
		case "r":
			m.mode = modeNormal
			return m.reload()
		case "w":
			m.mode = modeNormal
			return m.askSaveAs()
		case "esc", "n":
			m.mode = modeNormal
			m.setStatus("not saved: the file on disk is unchanged")
		}
		return nil
	}
	return m.normalKey(k)
}

func (m *Model) normalKey(k tea.KeyPressMsg) tea.Cmd {
	switch s := k.String(); {
	case key.Matches(k, keys.Quit):
		if m.dirty() {
			m.mode = modeQuit
			return nil
		}
		m.quitting = true
		return tea.Quit
	case key.Matches(k, keys.Help):
		m.mode = modeHelp
	case key.Matches(k, keys.Save):
		return m.save(false)
	case key.Matches(k, keys.Undo):
		return m.undoRedo(true)
	case key.Matches(k, keys.Redo):
		return m.undoRedo(false)
	case len(s) == 1 && s >= "1" && s <= "7":
		m.setTab(int(s[0] - '1'))
	case key.Matches(k, keys.NextTab):
		m.setTab((m.tab + 1) % tabCount)
	case key.Matches(k, keys.PrevTab):
		m.setTab((m.tab + tabCount - 1) % tabCount)
	case key.Matches(k, keys.Pane):
		if m.focus == focusList && len(m.rows) > 0 {
			m.focus = focusDetail
		} else {
			m.focus = focusList
		}
	case key.Matches(k, keys.Search):
		m.startSearch()
	case key.Matches(k, keys.Add):
		return m.add()
	case key.Matches(k, keys.Delete):
		return m.del()
	case key.Matches(k, keys.Move):
		return m.move()
	case key.Matches(k, keys.Copy):
		return m.copyItem()
	case m.focus == focusDetail:
		return m.detailKey(k)
	default:
		m.listKey(k)
	}
	return nil
}

func (m *Model) setTab(t int) {
	if t == m.tab {
		return
	}
	m.tab, m.focus, m.rowCursor, m.rowOffset = t, focusList, 0, 0
	m.refresh()
}

func (m *Model) listKey(k tea.KeyPressMsg) {
	switch k.String() {
	case "up", "k":
		m.moveCursor(-1)
	case "down", "j":
		m.moveCursor(1)
	case "pgup":
		m.moveCursor(-m.bodyHeight())
	case "pgdown":
		m.moveCursor(m.bodyHeight())
	case "home", "g":
		m.cursor[m.tab] = 0
		m.clampCursor()
		m.rowCursor = 0
		m.rebuildRows()
	case "end", "G":
		m.cursor[m.tab] = len(m.list) - 1
		m.clampCursor()
		m.rowCursor = 0
		m.rebuildRows()
	case "left", "h":
		e, ok := m.selected()
		if !ok || m.tab != tabUnits {
			return
		}
		if e.kids && !m.collapsed[e.id] {
			m.collapsed[e.id] = true
			m.refresh()
			return
		}
		for i := m.cursor[m.tab] - 1; i >= 0; i-- { // to the superior
			if m.list[i].depth < e.depth {
				m.cursor[m.tab] = i
				m.rowCursor = 0
				m.rebuildRows()
				return
			}
		}
	case "right", "l", "enter":
		e, ok := m.selected()
		if !ok {
			return
		}
		if k.String() != "enter" && m.tab == tabUnits && e.kids && m.collapsed[e.id] {
			delete(m.collapsed, e.id)
			m.refresh()
			return
		}
		if e.diag != nil && k.String() == "enter" {
			m.jumpTo(*e.diag)
			return
		}
		if len(m.rows) > 0 {
			m.focus = focusDetail
		}
	case "esc":
		m.status = ""
	}
}

// moveCursor moves the list cursor by n selectable steps.
func (m *Model) moveCursor(n int) {
	c := m.cursor[m.tab]
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for ; n > 0; n-- {
		next := c + step
		for next >= 0 && next < len(m.list) && !m.list[next].selectable() {
			next += step
		}
		if next < 0 || next >= len(m.list) {
			break
		}
		c = next
	}
	if c != m.cursor[m.tab] {
		m.cursor[m.tab] = c
		m.rowCursor, m.rowOffset = 0, 0
		m.rebuildRows()
	}
}

func (m *Model) detailKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "up", "k":
		m.rowCursor = max(m.rowCursor-1, 0)
	case "down", "j":
		m.rowCursor = min(m.rowCursor+1, max(len(m.rows)-1, 0))
	case "pgup":
		m.rowCursor = max(m.rowCursor-m.bodyHeight(), 0)
	case "pgdown":
		m.rowCursor = min(m.rowCursor+m.bodyHeight(), max(len(m.rows)-1, 0))
	case "esc", "left", "h":
		m.focus = focusList
	case "enter":
		return m.editRow()
	}
	return nil
}
