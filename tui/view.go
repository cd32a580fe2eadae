package tui

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/risk"
)

// View draws the screen: a header with the figures, the tabs, the list beside
// the fields of the selected item, a status line and the keys.
func (m *Model) View() (v tea.View) {
	defer func() {
		if p := recover(); p != nil {
			err := m.guard.crash(p, debug.Stack())
			m.fatal = err
			v = tea.NewView(err.Error() + "\n\npress any key to quit")
			v.AltScreen = true
		}
	}()
	v = tea.NewView(guardControls(m.render()))
	v.AltScreen = true
	return v
}

// txt makes text from the file safe to lay out on the screen: control
// characters (escape sequences among them) and bidirectional overrides
// become U+FFFD, line breaks spaces (escape.Terminal). Every name, id, value
// and message the view shows passes through it before it is measured.
func txt(s string) string { return escape.Terminal(s) }

// guardControls is the last line of defence, on the whole screen: the
// editor's own styles are SGR sequences (ESC [ digits m); any other escape
// sequence or control character that reached the screen is shown as U+FFFD,
// so no text can set the title, write the clipboard, move the cursor or
// clear the screen.
func guardControls(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\x1b':
			if n := sgrLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteRune('\uFFFD')
		case r == '\n':
			b.WriteByte('\n')
		case r == utf8.RuneError && size == 1, unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sgrLen is the length of the SGR sequence s starts with (ESC [ params m),
// or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for j := 2; j < len(s) && j < 64; j++ {
		switch c := s[j]; {
		case c == 'm':
			return j + 1
		case c >= '0' && c <= '9', c == ';', c == ':':
		default:
			return 0
		}
	}
	return 0
}

// render returns the screen as text, exactly height lines of at most width
// cells: the file and its figures, the tabs, the body (the list beside the
// fields, or a page: the keys, the messages, a conflict), the status and the
// keys.
func (m *Model) render() string {
	w, h := max(m.width, 20), max(m.height, 7)
	status := m.statusLines(w)
	body := h - 4 - len(status)
	lines := make([]string, 0, h)
	lines = append(lines, fit(m.headerLine(), w), fit(m.figuresLine(), w), fit(m.tabLine(w), w))
	switch m.mode {
	case modeHelp, modeLog, modeConflict:
		lines = append(lines, m.pagerView(w, body)...)
	default:
		lw := m.leftWidth()
		left := m.leftPane(lw, body)
		right := m.rightPane(w-lw-1, body)
		sep := m.st.dim.Render("│")
		for i := range left {
			lines = append(lines, pad(left[i], lw)+sep+right[i])
		}
	}
	for _, s := range status {
		lines = append(lines, fit(s, w))
	}
	lines = append(lines, fit(m.footerLine(w), w))
	return strings.Join(lines, "\n")
}

// bodyHeight is the number of lines between the tabs and the status.
func (m *Model) bodyHeight() int {
	return max(m.height, 7) - 4 - len(m.statusLines(max(m.width, 20)))
}

// listHeight is the number of items a pane shows: the body without the
// panes' titles.
func (m *Model) listHeight() int { return max(m.bodyHeight()-1, 1) }

// leftWidth is the list's share of the screen: two fifths, at least 24
// cells, at most half.
func (m *Model) leftWidth() int {
	w := max(m.width, 20)
	return min(max(w*2/5, 24), w/2)
}

// fit cuts a line to w cells (ANSI styling kept).
func fit(s string, w int) string { return ansi.Truncate(s, w, "…") }

// pad cuts or fills a line to exactly w cells.
func pad(s string, w int) string {
	s = fit(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

func (m *Model) headerLine() string {
	line := " " + m.st.title.Render("orgdesign") + " " + txt(shortFile(m.name, m.name))
	if m.dirty() {
		line += "  " + m.st.modified.Render("● "+m.say("modified"))
	}
	if m.saving {
		line += "  " + m.st.dim.Render(m.say("saving"))
	}
	if m.pending() {
		line += "  " + m.st.dim.Render(m.say("computing"))
	}
	return line
}

// tabName is a tab's name in the language.
func (m *Model) tabName(i int) string { return m.say(tabNames[i]) }

// tabLine is the tab bar; on a narrow screen the tabs lose their padding so
// that the number of diagnostics stays in view.
func (m *Model) tabLine(w int) string {
	labels := make([]string, len(tabNames))
	width := 0
	for i := range tabNames {
		labels[i] = fmt.Sprintf("%d %s", i+1, m.tabName(i))
		if i == tabDiags && m.res != nil && len(m.res.diags) > 0 {
			labels[i] = fmt.Sprintf("%d %s (%d)", i+1, m.tabName(i), len(m.res.diags))
		}
		width += utf8.RuneCountInString(labels[i]) + 2
	}
	pad := " "
	if width > w {
		pad = ""
	}
	var b strings.Builder
	for i, label := range labels {
		label = pad + label + " "
		if i == m.tab {
			b.WriteString(m.st.tabOn.Render(label))
		} else {
			b.WriteString(m.st.tabOff.Render(label))
		}
	}
	return b.String()
}

// scroll returns the first line to show so that cursor stays in view.
func scroll(offset, cursor, height, total int) int {
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+height {
		offset = cursor - height + 1
	}
	return max(0, min(offset, total-height))
}

// paneTitle is a pane's first line: its title, and on the right where the
// cursor is ("12/80"); the pane with the focus has its title emphasised.
func (m *Model) paneTitle(title, pos string, w int, focused bool) string {
	st := m.st.dim
	if focused {
		st = m.st.paneOn
	}
	room := w - ansi.StringWidth(pos) - 1
	if room < 4 {
		pos, room = "", w
	}
	line := pad(" "+title, room)
	if pos != "" {
		line += " " + pos
	}
	return st.Render(line)
}

// position writes where the cursor is among n: "12/80", "" when n is 0.
func position(at, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", at+1, n)
}

func (m *Model) leftPane(w, h int) []string {
	out := make([]string, 0, h)
	list, cursor := m.list, m.cursor[m.tab]
	title := m.tabName(m.tab)
	searching := m.mode == modeSearch
	if searching {
		list, cursor = m.found, m.foundAt
		title = m.say("searchTitle", m.tabName(m.tab))
	}
	n, at := 0, 0
	for i, e := range list {
		if e.selectable() {
			if i < cursor {
				at++
			}
			n++
		}
	}
	out = append(out, m.paneTitle(title, position(at, n), w, m.focus == focusList || searching))
	legend := m.legend(list, w)
	room := h - 1 - len(legend)
	if searching {
		out = append(out, fit(m.st.key.Render("/")+m.input.View(), w))
		room--
		if len(list) == 0 {
			out = append(out, m.st.dim.Render(" "+m.say("noMatch")))
			room--
		}
	} else if len(list) == 0 {
		out = append(out, m.st.dim.Render(" "+m.emptyText()))
		room--
	}
	room = max(room, 0)
	off := scroll(m.offset[m.tab], cursor, room, len(list))
	if !searching {
		m.offset[m.tab] = off
	}
	for i := off; i < len(list) && i < off+room; i++ {
		out = append(out, m.entryLine(list[i], w, i == cursor))
	}
	for len(out) < h-len(legend) {
		out = append(out, "")
	}
	return append(out, legend...)[:h]
}

// legend explains the marks of the list shown: inherited items (read-only)
// and risks above the appetite.
func (m *Model) legend(list []entry, w int) []string {
	var items []string
	if slices.ContainsFunc(list, func(e entry) bool { return e.section != "" && !e.own(m.res) }) {
		items = append(items, m.st.inherited.Render(m.say("legendInheritedSample"))+m.st.dim.Render(" "+m.say("legendInherited")))
	}
	if slices.ContainsFunc(list, func(e entry) bool { return e.above }) {
		items = append(items, m.st.level(risk.High).Render("▲")+m.st.dim.Render(" "+m.say("legendAbove", m.appetiteWord())))
	}
	var out []string
	line := ""
	for _, it := range items {
		switch {
		case line == "":
			line = " " + it
		case ansi.StringWidth(line)+3+ansi.StringWidth(it) <= w:
			line += m.st.dim.Render(" · ") + it
		default:
			out = append(out, line)
			line = " " + it
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}

// appetiteWord names the risk appetite's level, in the language.
func (m *Model) appetiteWord() string {
	if a := m.assessment(); a != nil {
		return m.w.enum("riskLevel", a.Appetite.String())
	}
	return ""
}

// assessment is the risk assessment shown: the latest, or the last one
// computed before the text had errors.
func (m *Model) assessment() *risk.Assessment {
	if src, _ := m.figures(); src != nil {
		return src.risks
	}
	return nil
}

func (m *Model) emptyText() string {
	if m.res != nil && m.res.resolved == nil {
		return m.say("emptyNoParse")
	}
	if m.tab == tabDiags {
		return m.say("emptyDiags")
	}
	return m.say("emptyList")
}

func (m *Model) entryLine(e entry, w int, selected bool) string {
	if e.header {
		return m.st.header.Render(fit(txt(e.label), w))
	}
	marker := "  "
	if e.kids {
		marker = "▾ "
		if m.collapsed[e.id] {
			marker = "▸ "
		}
	}
	label := strings.Repeat("  ", e.depth) + marker + txt(e.label)
	if e.diag != nil {
		label = txt(e.label)
	}
	note := txt(e.note)
	if e.above {
		note += " ▲"
	}
	inherited := e.section != "" && !e.own(m.res)
	room := w - ansi.StringWidth(note) - 1
	if room < 8 {
		note, room = "", w
	}
	text := pad(label, room) // exactly w cells with the note: room leaves it its width and a space
	switch {
	case selected && m.focus == focusList:
		return m.st.selected.Render(text + " " + note)
	case selected:
		return m.st.selectedDim.Render(text + " " + note)
	case e.diag != nil:
		return m.st.severity(e.diag.Severity).Render(text + " " + note)
	}
	if note != "" {
		switch {
		case e.level > 0:
			note = m.st.level(e.level).Render(note)
		case inherited:
			note = m.st.inherited.Render(note)
		}
		note = " " + note
	}
	if inherited {
		return m.st.inherited.Render(text) + note
	}
	return text + note
}

func (m *Model) rightPane(w, h int) []string {
	out := make([]string, 0, h)
	if m.mode == modePick {
		pos := position(m.pickAt, len(m.picked))
		if len(m.picked) < len(m.cands) {
			pos = m.say("pickCount", pos, len(m.cands))
		}
		out = append(out, m.paneTitle(m.say("chooseTitle", txt(m.prompt.title)), pos, w, true))
	} else {
		pos := ""
		if m.focus == focusDetail {
			pos = position(m.rowCursor, len(m.rows))
		}
		out = append(out, m.paneTitle(m.say("paneFields"), pos, w, m.focus == focusDetail))
	}
	w-- // a space between the separator and the text
	add := func(s string) {
		if len(out) < h {
			out = append(out, " "+fit(s, w))
		}
	}
	if m.mode == modePick {
		m.pickView(w, h-1, add)
	} else {
		for _, s := range m.about(w) {
			add(s)
		}
		if len(m.rows) > 0 && len(out) < h {
			add("")
			m.rowsView(w, h-len(out), add)
		}
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

func (m *Model) pickView(w, h int, add func(string)) {
	add(m.st.key.Render(m.say("filter")+" ") + m.input.View())
	room := h - 1
	off := scroll(0, m.pickAt, room, len(m.picked))
	for i := off; i < len(m.picked) && i < off+room; i++ {
		c := m.picked[i]
		line := txt(c.id)
		if c.name != "" {
			line += "  " + m.st.dim.Render(txt(c.name))
		}
		if c.kind != "" {
			line += m.st.dim.Render("  (" + txt(c.kind) + ")")
		}
		if i == m.pickAt {
			line = m.st.selected.Render(pad(ansi.Strip(line), w-1))
		}
		add(line)
	}
	if len(m.picked) == 0 {
		add(m.st.dim.Render(m.say("noMatch")))
	}
}

func (m *Model) rowsView(w, h int, add func(string)) {
	labelW := 8
	for _, rw := range m.rows {
		if !rw.header || !rw.set {
			labelW = max(labelW, min(ansi.StringWidth(txt(rw.label))+2*rw.depth+1, 20))
		}
	}
	m.rowOffset = scroll(m.rowOffset, m.rowCursor, h, len(m.rows))
	inherited := false
	if e, ok := m.selected(); ok && !e.own(m.res) {
		inherited = true
	}
	for i := m.rowOffset; i < len(m.rows) && i < m.rowOffset+h; i++ {
		rw := m.rows[i]
		rw.label = txt(rw.label)
		indent := strings.Repeat("  ", rw.depth)
		var line string
		switch {
		case rw.header && !rw.set && (rw.list || rw.group) && !inherited:
			line = pad(indent+rw.label, labelW) + " — " + m.say("addFirst")
		case rw.header && !rw.set:
			line = pad(indent+rw.label, labelW) + " —"
		case rw.header:
			line = indent + rw.label
		case rw.inherited:
			line = pad(indent+rw.label, labelW) + " ↑ " + txt(oneLine(rw.value))
		case !rw.set:
			line = pad(indent+rw.label, labelW) + " —"
		default:
			lab := rw.label
			if lab == "-" {
				lab = "·"
			}
			line = pad(indent+lab, labelW) + " " + txt(oneLine(rw.value))
		}
		editing := m.mode == modeInput && m.prompt != nil && m.prompt.inRow && i == m.rowCursor
		if editing {
			line = pad(indent+rw.label, labelW) + " " + m.input.View()
		}
		switch {
		case editing:
		case i == m.rowCursor && m.focus == focusDetail:
			line = m.st.selected.Render(pad(line, w-1))
		case rw.header && rw.set:
			line = m.st.header.Render(line)
		case !rw.set || inherited:
			line = m.st.dim.Render(line)
		}
		add(line)
	}
}

// oneLine shows a multi-line text on one line.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// statusLines is the status: the question asked, the value being typed, or
// the last message, wrapped on as many lines as it needs (three at most; a
// question as many as the screen allows, the body keeping four); a longer
// message ends with a pointer to the message log, where it is whole.
func (m *Model) statusLines(w int) []string {
	h := max(m.height, 7)
	room := min(3, max(1, h-8))
	var text string
	st := m.st.plain
	switch m.mode {
	case modeInput:
		if m.prompt.inRow {
			return []string{" " + m.say("editing") + " " + m.st.key.Render(txt(m.prompt.title))}
		}
		return []string{" " + m.st.key.Render(txt(m.prompt.title)+": ") + m.input.View()}
	case modeConfirm:
		text, st, room = m.confirm+" (y/n)", m.st.modified, max(1, h-8) // a question is read whole before it is answered
	case modeQuit:
		text, st = m.say("askSaveBeforeQuit"), m.st.modified
	case modeConflict:
		text, st = m.conflictQuestion(), m.st.err
	default:
		if m.status == "" {
			return []string{""}
		}
		text = m.status
		if m.statusErr {
			st = m.st.err
		}
	}
	ls := wrap(txt(text), w-2)
	if len(ls) > room {
		more := "… " + m.say("moreInLog")
		ls = ls[:room]
		ls[room-1] = ansi.Truncate(ls[room-1], w-3-ansi.StringWidth(more), "") + " " + more
	}
	for i, l := range ls {
		ls[i] = " " + st.Render(l)
	}
	return ls
}

func (m *Model) footerLine(w int) string {
	if m.mode == modeInput && m.inputErr != "" {
		return " " + m.st.err.Render("✖ "+m.inputErr)
	}
	ks := m.footer()
	parts := make([]string, len(ks))
	room := w - 1
	for i, k := range ks {
		parts[i] = m.st.key.Render(k.key) + " " + m.say(k.desc)
		if k.keep {
			room -= ansi.StringWidth(parts[i]) + 2
		}
	}
	// the keys to keep (save, quit, help, the answers) always; the others,
	// in order, as long as they fit
	show := make([]bool, len(ks))
	fits := true
	for i, k := range ks {
		switch {
		case k.keep:
			show[i] = true
		case fits && ansi.StringWidth(parts[i])+2 <= room:
			show[i] = true
			room -= ansi.StringWidth(parts[i]) + 2
		default:
			fits = false
		}
	}
	var out []string
	for i := range ks {
		if show[i] {
			out = append(out, parts[i])
		}
	}
	return " " + strings.Join(out, "  ")
}
