package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// keyMap is every key of the normal mode. The keys are read through these
// bindings only, and the help screen (?) is generated from them, so it
// lists every key there is; the help text of a binding is the key of its
// words (section editor of templates/i18n).
type keyMap struct {
	Up, Down, PageUp, PageDown, Home, End, Collapse, Expand, Enter, Back, Pane,
	Tabs, NextTab, PrevTab, Search, Add, Delete, Move, Copy, Undo, Redo, Save,
	Log, Quit, Help key.Binding
}

// bind is a binding whose help shows its keys as the user reads them.
func bind(desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyNames(keys), desc))
}

var keys = keyMap{
	Up:       bind("helpUp", "up", "k"),
	Down:     bind("helpDown", "down", "j"),
	PageUp:   bind("helpPageUp", "pgup"),
	PageDown: bind("helpPageDown", "pgdown"),
	Home:     bind("helpHome", "home", "g"),
	End:      bind("helpEnd", "end", "G"),
	Collapse: bind("helpCollapse", "left", "h"),
	Expand:   bind("helpExpand", "right", "l"),
	Enter:    bind("helpEnter", "enter"),
	Back:     bind("helpBack", "esc"),
	Pane:     bind("helpPane", "tab"),
	Tabs:     bind("helpTabs", "1", "2", "3", "4", "5", "6", "7"),
	NextTab:  bind("helpNextTab", "]", "shift+right"),
	PrevTab:  bind("helpPrevTab", "[", "shift+left", "shift+tab"),
	Search:   bind("helpSearch", "/"),
	Add:      bind("helpAdd", "a"),
	Delete:   bind("helpDelete", "d", "delete"),
	Move:     bind("helpMove", "m"),
	Copy:     bind("helpCopy", "c"),
	Undo:     bind("helpUndo", "u"),
	Redo:     bind("helpRedo", "ctrl+r"),
	Save:     bind("helpSave", "ctrl+s"),
	Log:      bind("helpLog", "L"),
	Quit:     bind("helpQuit", "q", "ctrl+c"),
	Help:     bind("helpHelp", "?"),
}

// all lists the bindings in the order the help screen shows them.
func (k keyMap) all() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End, k.Collapse, k.Expand, k.Enter,
		k.Back, k.Pane, k.Tabs, k.NextTab, k.PrevTab, k.Search, k.Add, k.Delete, k.Move, k.Copy, k.Undo,
		k.Redo, k.Save, k.Log, k.Quit, k.Help}
}

// typingKeys are the keys of a text being typed, a list to choose from and
// a search.
var typingKeys = struct {
	OK, Cancel, Prev, Next, Save key.Binding
}{
	OK:     bind("helpTypeOK", "enter"),
	Cancel: bind("helpTypeCancel", "esc", "ctrl+c"),
	Prev:   bind("helpTypePrev", "up", "ctrl+p"),
	Next:   bind("helpTypeNext", "down", "ctrl+n"),
	Save:   bind("helpTypeSave", "ctrl+s"),
}

// askKeys are the answers to the editor's questions: a confirmation, quitting
// with unsaved changes, a conflict with the file on disk.
var askKeys = struct {
	Yes, No, SaveQuit, Discard, Stay, Overwrite, Reload, Elsewhere, Cancel key.Binding
}{
	Yes:       bind("helpYes", "y", "Y"),
	No:        bind("helpNo", "n", "N", "esc", "q"),
	SaveQuit:  bind("helpSaveQuit", "s", "ctrl+s"),
	Discard:   bind("helpDiscard", "d"),
	Stay:      bind("helpStay", "esc", "n"),
	Overwrite: bind("helpOverwrite", "o"),
	Reload:    bind("helpReload", "r"),
	Elsewhere: bind("helpElsewhere", "w"),
	Cancel:    bind("helpCancel", "esc", "n"),
}

// keyNames writes keys as the help shows them: ↑ for up, PgDn for pgdown,
// 1…7 for a run of digits.
func keyNames(keys []string) string {
	if len(keys) > 2 && keys[0] >= "0" && keys[0] <= "9" && len(keys[0]) == 1 {
		return keys[0] + "…" + keys[len(keys)-1]
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = keyName(k)
	}
	return strings.Join(names, " ")
}

func keyName(k string) string {
	switch k {
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgup":
		return "PgUp"
	case "pgdown":
		return "PgDn"
	case "home":
		return "Home"
	case "end":
		return "End"
	case "delete":
		return "Del"
	case "shift+right":
		return "shift+→"
	case "shift+left":
		return "shift+←"
	}
	return k
}

// footKey is a key of the footer: its text, the key of its words and
// whether it must stay when the line is short of room.
type footKey struct {
	key, desc string
	keep      bool
}

// footer is the one-line key reminder of each mode.
func (m *Model) footer() []footKey {
	switch m.mode {
	case modeInput:
		return []footKey{{"enter", "footOK", true}, {"esc", "footCancel", true}}
	case modePick:
		return []footKey{{m.say("footTypeKey"), "footFilter", false}, {"↑↓", "footChoose", false}, {"enter", "footOK", true}, {"esc", "footCancel", true}}
	case modeSearch:
		return []footKey{{m.say("footTypeKey"), "footSearch", false}, {"↑↓", "footChoose", false}, {"enter", "footGo", true}, {"esc", "footCancel", true}}
	case modeConfirm:
		return []footKey{{"y", "footYes", true}, {"n/esc", "footNo", true}}
	case modeQuit:
		return []footKey{{"s", "footSaveQuit", true}, {"d", "footDiscardQuit", true}, {"esc", "footStay", true}}
	case modeConflict:
		return []footKey{{"↑↓", "footScroll", false}, {"o", "footOverwrite", true}, {"r", "footReload", true}, {"w", "footElsewhere", true}, {"esc", "footCancel", true}}
	case modeHelp, modeLog:
		return []footKey{{"↑↓ PgDn", "footScroll", false}, {m.say("footAnyKey"), "footClose", true}}
	}
	if m.focus == focusDetail {
		return []footKey{{"enter", "footEdit", false}, {"a", "footAddItem", false}, {"d", "footDelete", false}, {"esc", "footBack", false},
			{"u", "footUndo", false}, {"^s", "footSave", true}, {"q", "footQuit", true}, {"?", "footHelp", true}}
	}
	return []footKey{{"enter", "footEdit", false}, {"/", "footFind", false}, {"a", "footAdd", false}, {"d", "footDel", false},
		{"m", "footMove", false}, {"c", "footCopy", false}, {"u", "footUndo", false}, {"^r", "footRedo", false}, {"^s", "footSave", true},
		{"←→", "footFold", false}, {"tab", "footPane", false}, {"L", "footLog", false}, {"q", "footQuit", true}, {"?", "footHelp", true}}
}

// key handles a key press in the current mode.
func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.mode {
	case modeHelp, modeLog:
		if !m.scrollPager(k) {
			m.mode = modeNormal
		}
		return nil
	case modeInput, modePick, modeSearch:
		return m.typingKey(k)
	case modeConfirm:
		switch {
		case key.Matches(k, askKeys.Yes):
			m.mode = modeNormal
			f := m.onConfirm
			m.onConfirm = nil
			return f(m)
		case key.Matches(k, askKeys.No):
			m.mode, m.onConfirm = modeNormal, nil
			m.setStatus("%s", m.say("cancelled"))
		}
		return nil
	case modeQuit:
		switch {
		case key.Matches(k, askKeys.SaveQuit):
			m.mode = modeNormal
			return m.save(true)
		case key.Matches(k, askKeys.Discard):
			m.quitting = true
			return tea.Quit
		case key.Matches(k, askKeys.Stay):
			m.mode = modeNormal
			m.setStatus("%s", m.say("notQuitting"))
		}
		return nil
	case modeConflict:
		return m.conflictKey(k)
	}
	return m.normalKey(k)
}

func (m *Model) normalKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, keys.Quit):
		if m.dirty() {
			m.mode = modeQuit
			return nil
		}
		m.quitting = true
		return tea.Quit
	case key.Matches(k, keys.Help):
		m.openHelp()
	case key.Matches(k, keys.Log):
		m.openLog()
	case key.Matches(k, keys.Save):
		return m.save(false)
	case key.Matches(k, keys.Undo):
		return m.undoRedo(true)
	case key.Matches(k, keys.Redo):
		return m.undoRedo(false)
	case key.Matches(k, keys.Tabs):
		m.setTab(int(k.String()[0] - '1'))
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
	switch {
	case key.Matches(k, keys.Up):
		m.moveCursor(-1)
	case key.Matches(k, keys.Down):
		m.moveCursor(1)
	case key.Matches(k, keys.PageUp):
		m.moveCursor(-m.listHeight())
	case key.Matches(k, keys.PageDown):
		m.moveCursor(m.listHeight())
	case key.Matches(k, keys.Home):
		m.cursor[m.tab] = 0
		m.clampCursor()
		m.rowCursor = 0
		m.rebuildRows()
	case key.Matches(k, keys.End):
		m.cursor[m.tab] = len(m.list) - 1
		m.clampCursor()
		m.rowCursor = 0
		m.rebuildRows()
	case key.Matches(k, keys.Collapse):
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
	case key.Matches(k, keys.Expand, keys.Enter):
		e, ok := m.selected()
		if !ok {
			return
		}
		enter := key.Matches(k, keys.Enter)
		if !enter && m.tab == tabUnits && e.kids && m.collapsed[e.id] {
			delete(m.collapsed, e.id)
			m.refresh()
			return
		}
		if e.diag != nil && enter {
			m.jumpTo(*e.diag)
			return
		}
		if len(m.rows) > 0 {
			m.focus = focusDetail
		}
	case key.Matches(k, keys.Back):
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
	last := max(len(m.rows)-1, 0)
	switch {
	case key.Matches(k, keys.Up):
		m.rowCursor = max(m.rowCursor-1, 0)
	case key.Matches(k, keys.Down):
		m.rowCursor = min(m.rowCursor+1, last)
	case key.Matches(k, keys.PageUp):
		m.rowCursor = max(m.rowCursor-m.listHeight(), 0)
	case key.Matches(k, keys.PageDown):
		m.rowCursor = min(m.rowCursor+m.listHeight(), last)
	case key.Matches(k, keys.Home):
		m.rowCursor = 0
	case key.Matches(k, keys.End):
		m.rowCursor = last
	case key.Matches(k, keys.Back, keys.Collapse):
		m.focus = focusList
	case key.Matches(k, keys.Enter):
		return m.editRow()
	}
	return nil
}
