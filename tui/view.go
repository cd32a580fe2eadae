package tui

import (
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/model"
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

// render returns the screen as text, exactly height lines of at most width cells.
func (m *Model) render() string {
	w, h := max(m.width, 20), max(m.height, 7)
	lines := make([]string, 0, h)
	lines = append(lines, fit(m.headerLine(), w), fit(m.figuresLine(), w), fit(m.tabLine(w), w))
	body := m.bodyHeight()
	var left, right []string
	if m.mode == modeHelp {
		left = m.helpScreen(w, body)
	} else {
		lw := m.leftWidth()
		left = m.leftPane(lw, body)
		right = m.rightPane(w-lw-1, body)
		sep := m.st.dim.Render("│")
		for i := range left {
			left[i] = pad(left[i], lw) + sep + right[i]
		}
	}
	lines = append(lines, left...)
	lines = append(lines, fit(m.statusLine(w), w), fit(m.footerLine(w), w))
	return strings.Join(lines, "\n")
}

// bodyHeight is the number of lines between the tabs and the status line.
func (m *Model) bodyHeight() int { return max(m.height, 7) - 5 }

func (m *Model) leftWidth() int { return min(max(m.width*2/5, 24), 56, max(m.width, 20)/2) }

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
		line += "  " + m.st.modified.Render("● modified")
	}
	if m.saving {
		line += "  " + m.st.dim.Render("saving…")
	}
	if m.pending() {
		line += "  " + m.st.dim.Render("computing…")
	}
	return line
}

// figuresLine shows the live figures: headcount and payroll (with the change
// since the file was opened), risks at the top levels, diagnostics.
func (m *Model) figuresLine() string {
	var parts []string
	if r := m.res.resolvedOrNil(); r != nil {
		heads, pay := r.Headcount(), r.Payroll()
		h := m.num.Int(heads) + " staff"
		if d := heads - m.base.heads; d != 0 {
			h += fmt.Sprintf(" %+d", d)
		}
		p := m.money(pay, r.Header.Currency) + "/yr"
		if d := pay - m.base.payroll; math.Abs(d) >= 50_000 {
			sign := "+"
			if d < 0 {
				sign = "-"
			}
			p += " " + sign + m.money(math.Abs(d), "")
		}
		parts = append(parts, h, p)
	}
	switch crit, high := m.riskCounts(); {
	case crit > 0:
		parts = append(parts, m.st.err.Render(fmt.Sprintf("%d critical %d high risks", crit, high)))
	case high > 0:
		parts = append(parts, fmt.Sprintf("%d high risks", high))
	default:
		parts = append(parts, "no high risk")
	}
	if m.res != nil && m.res.risks != nil {
		if n := m.res.risks.OpenFindings(); n > 0 {
			parts = append(parts, fmt.Sprintf("%d to triage", n))
		}
	}
	if m.res != nil {
		e, wn := m.res.diags.Count(model.Error), m.res.diags.Count(model.Warning)
		d := fmt.Sprintf("%d errors, %d warnings", e, wn)
		if e > 0 {
			d = m.st.err.Render(d)
		}
		parts = append(parts, d)
	}
	return " " + strings.Join(parts, " · ")
}

// money formats an amount in millions, with the scenario's currency.
func (m *Model) money(v float64, cur string) string {
	s := m.num.Number(v/1e6, 1) + " M"
	if cur != "" {
		s += " " + cur
	}
	return s
}

// riskCounts counts the register's risks at the critical and high residual
// levels (the findings it accepts included; the findings to triage have no
// assessed level): the assessment's when the scenario is valid, the register
// as written otherwise.
func (m *Model) riskCounts() (crit, high int) {
	if m.res == nil {
		return 0, 0
	}
	count := func(l risk.Level) {
		switch l {
		case risk.Critical:
			crit++
		case risk.High:
			high++
		}
	}
	if m.res.risks != nil {
		for _, it := range m.res.risks.Risks {
			count(it.Level)
		}
		return crit, high
	}
	if r := m.res.resolved; r != nil {
		for _, rk := range r.Risks {
			count(risk.Residual(rk).Level)
		}
	}
	return crit, high
}

// tabLine is the tab bar; on a narrow screen the tabs lose their padding so
// that the number of diagnostics stays in view.
func (m *Model) tabLine(w int) string {
	labels := make([]string, len(tabNames))
	width := 0
	for i, n := range tabNames {
		labels[i] = fmt.Sprintf("%d %s", i+1, n)
		if i == tabDiags && m.res != nil && len(m.res.diags) > 0 {
			labels[i] = fmt.Sprintf("%d %s (%d)", i+1, n, len(m.res.diags))
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

func (m *Model) leftPane(w, h int) []string {
	out := make([]string, 0, h)
	list, cursor := m.list, m.cursor[m.tab]
	if m.mode == modeSearch {
		out = append(out, fit(m.st.key.Render("/")+m.input.View(), w))
		list, cursor = m.found, m.foundAt
		h--
		if len(list) == 0 {
			out = append(out, m.st.dim.Render(" no match"))
		}
	} else if len(list) == 0 {
		out = append(out, m.st.dim.Render(m.emptyText()))
	}
	off := scroll(m.offset[m.tab], cursor, h, len(list))
	if m.mode != modeSearch {
		m.offset[m.tab] = off
	}
	for i := off; i < len(list) && len(out) < cap(out); i++ {
		out = append(out, m.entryLine(list[i], w, i == cursor))
	}
	for len(out) < cap(out) {
		out = append(out, "")
	}
	return out
}

func (m *Model) emptyText() string {
	if m.res != nil && m.res.resolved == nil {
		return " the file does not parse: see Diagnostics"
	}
	if m.tab == tabDiags {
		return " no problem found"
	}
	return " nothing here yet: a adds one"
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
	inherited := e.section != "" && !e.own(m.res)
	room := w - ansi.StringWidth(note) - 1
	if room < 8 {
		note, room = "", w
	}
	text := pad(label, room) // exactly w cells with the note: room leaves it its width and a space
	if note != "" {
		text += " " + note
	}
	switch {
	case selected && m.focus == focusList:
		return m.st.selected.Render(text)
	case selected:
		return m.st.selectedDim.Render(text)
	case e.diag != nil && e.diag.Severity == model.Error:
		return m.st.err.Render(text)
	case inherited:
		return m.st.inherited.Render(text)
	}
	return text
}

func (m *Model) rightPane(w, h int) []string {
	out := make([]string, 0, h)
	w-- // a space between the separator and the text
	add := func(s string) {
		if len(out) < h {
			out = append(out, fit(s, w))
		}
	}
	if m.mode == modePick {
		m.pickView(w, h, add)
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
	for i := range out {
		out[i] = " " + out[i]
	}
	return out
}

func (m *Model) pickView(w, h int, add func(string)) {
	add(m.st.header.Render("choose "+txt(m.prompt.title)) + m.st.dim.Render(fmt.Sprintf("  %d of %d", len(m.picked), len(m.cands))))
	add(m.st.key.Render("filter ") + m.input.View())
	room := h - 2
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
		add(m.st.dim.Render("no match"))
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
		case rw.header:
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

func (m *Model) statusLine(w int) string {
	switch m.mode {
	case modeInput:
		if m.prompt.inRow {
			return " editing " + m.st.key.Render(txt(m.prompt.title))
		}
		return " " + m.st.key.Render(txt(m.prompt.title)+": ") + m.input.View()
	case modeConfirm:
		return " " + m.st.modified.Render(txt(m.confirm)) + " (y/n)"
	case modeQuit:
		return " " + m.st.modified.Render("Unsaved changes. Save before quitting?")
	case modeConflict:
		return " " + m.st.err.Render(txt(shortFile(m.name, m.name))+" changed on disk since it was opened: not overwritten.")
	}
	if m.status == "" {
		return ""
	}
	if m.statusErr {
		return " " + m.st.err.Render(txt(m.status))
	}
	return " " + txt(m.status)
}

func (m *Model) footerLine(w int) string {
	if m.mode == modeInput && m.inputErr != "" {
		return " " + m.st.err.Render("✖ "+m.inputErr)
	}
	keys := m.footer()
	// as many as fit, the last one (help, or cancel) always shown
	last := keys[len(keys)-1]
	lastText := m.st.key.Render(last[0]) + " " + last[1]
	room := w - 1 - ansi.StringWidth(lastText)
	var b strings.Builder
	b.WriteString(" ")
	for _, k := range keys[:len(keys)-1] {
		part := m.st.key.Render(k[0]) + " " + k[1] + "  "
		pw := ansi.StringWidth(part)
		if pw > room {
			break
		}
		room -= pw
		b.WriteString(part)
	}
	b.WriteString(lastText)
	return b.String()
}

func (m *Model) helpScreen(w, h int) []string {
	out := []string{m.st.header.Render(" Keys"), ""}
	for _, l := range helpLines {
		for i, text := range strings.Split(l[1], "\n") {
			k := ""
			if i == 0 {
				k = l[0]
			}
			out = append(out, fit("  "+m.st.key.Render(pad(k, 12))+" "+text, w))
		}
	}
	out = append(out, "", fit("  Items inherited through `extends` are read-only; a replicated unit is edited", w),
		fit("  through its template. Figures recompute after every change.", w))
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}
