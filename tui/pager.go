package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// A page covers the panes: the keys (?), the last messages (L) or the
// differences between the text and the file on disk (a conflict). It
// scrolls with the keys of the lists.

// maxLog bounds the message log.
const maxLog = 200

// logLine is a message of the status line, kept for the log.
type logLine struct {
	text string
	err  bool
}

// logStatus keeps the status message in the log.
func (m *Model) logStatus() {
	if m.status == "" {
		return
	}
	m.log = append(m.log, logLine{m.status, m.statusErr})
	if len(m.log) > maxLog {
		m.log = m.log[len(m.log)-maxLog:]
	}
}

func (m *Model) openHelp() {
	m.mode, m.pageOff = modeHelp, 0
}

func (m *Model) openLog() {
	m.mode, m.pageOff = modeLog, 1<<30 // the latest messages, at the bottom
}

// scrollPager scrolls the page for the keys that move in a list, and
// reports whether the key was one of them.
func (m *Model) scrollPager(k tea.KeyPressMsg) bool {
	page := max(m.bodyHeight()-2, 1)
	switch {
	case key.Matches(k, keys.Up):
		m.pageOff--
	case key.Matches(k, keys.Down):
		m.pageOff++
	case key.Matches(k, keys.PageUp):
		m.pageOff -= page
	case key.Matches(k, keys.PageDown):
		m.pageOff += page
	case key.Matches(k, keys.Home):
		m.pageOff = 0
	case key.Matches(k, keys.End):
		m.pageOff = 1 << 30
	default:
		return false
	}
	m.pageOff = max(m.pageOff, 0)
	return true
}

// pagerView draws the page of the current mode in h lines of w cells.
func (m *Model) pagerView(w, h int) []string {
	var title string
	var lines []string
	switch m.mode {
	case modeHelp:
		title, lines = m.say("helpTitle"), m.helpLines(w)
	case modeLog:
		title, lines = m.say("logTitle"), m.logLines(w)
	case modeConflict:
		title, lines = m.conflictTitle(), m.conflictLines(w)
	}
	room := max(h-1, 0)
	m.pageOff = max(min(m.pageOff, len(lines)-room), 0)
	pos := ""
	if len(lines) > room {
		pos = fmt.Sprintf("%d–%d/%d", m.pageOff+1, min(m.pageOff+room, len(lines)), len(lines))
	}
	out := []string{m.paneTitle(title, pos, w, true)}
	for i := m.pageOff; i < len(lines) && len(out) < h; i++ {
		out = append(out, fit(lines[i], w))
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// helpLines is the key reference, generated from the key maps: every key
// the editor reads, in each mode, then what the marks and colours mean.
func (m *Model) helpLines(w int) []string {
	var out []string
	kw := 0
	for _, b := range keys.all() {
		kw = max(kw, ansi.StringWidth(b.Help().Key)+1)
	}
	kw = min(kw, max(w/4, 8))
	section := func(title string, bs ...key.Binding) {
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, " "+m.st.header.Render(title))
		for _, b := range bs {
			h := b.Help()
			for i, l := range wrap(m.say(h.Desc), w-kw-4) {
				k := ""
				if i == 0 {
					k = h.Key
				}
				out = append(out, "  "+m.st.key.Render(pad(k, kw))+" "+l)
			}
		}
	}
	section(m.say("helpListKeys"), keys.all()...)
	section(m.say("helpTypingKeys"), typingKeys.OK, typingKeys.Cancel, typingKeys.Prev, typingKeys.Next, typingKeys.Save)
	section(m.say("helpAskKeys"), askKeys.Yes, askKeys.No, askKeys.SaveQuit, askKeys.Discard, askKeys.Stay,
		askKeys.Overwrite, askKeys.Reload, askKeys.Elsewhere, askKeys.Cancel)
	out = append(out, "", " "+m.st.header.Render(m.say("helpMarks")))
	marks := []string{
		m.st.inherited.Render(m.say("legendInheritedSample")) + " " + m.say("helpInherited"),
		"↑ " + m.say("helpInheritedField"),
		m.st.level(4).Render(m.w.enum("riskLevel", "critical")) + " " + m.st.level(3).Render(m.w.enum("riskLevel", "high")) + " " +
			m.st.level(2).Render(m.w.enum("riskLevel", "medium")) + " " + m.st.level(1).Render(m.w.enum("riskLevel", "low")) + " " + m.say("helpLevels"),
		m.st.level(3).Render("▲") + " " + m.say("helpAbove"),
		m.st.err.Render(m.say("sevError")) + " " + m.st.warn.Render(m.say("sevWarning")) + " " + m.st.info.Render(m.say("sevInfo")) + " " + m.say("helpSeverities"),
		"⚠ " + m.say("helpStale"),
	}
	for _, mk := range marks {
		for i, l := range wrapStyled(mk, w-4) {
			if i == 0 {
				out = append(out, "  "+l)
			} else {
				out = append(out, "    "+l)
			}
		}
	}
	return out
}

// wrapStyled wraps a line that may hold styles at spaces, without cutting
// a style's sequence (ansi.Wrap keeps them whole).
func wrapStyled(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(w, 10), ""), "\n")
}

// logLines is the message log, oldest first.
func (m *Model) logLines(w int) []string {
	if len(m.log) == 0 {
		return []string{" " + m.st.dim.Render(m.say("logEmpty"))}
	}
	var out []string
	for _, l := range m.log {
		st := m.st.plain
		if l.err {
			st = m.st.err
		}
		for i, s := range wrap(txt(l.text), w-4) {
			lead := "  "
			if i == 0 {
				lead = " •"
			}
			out = append(out, lead+" "+st.Render(s))
		}
	}
	return out
}
