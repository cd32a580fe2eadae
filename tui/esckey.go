package tui

import (
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// Esc followed quickly by a key.
//
// A terminal sends Alt+x as ESC then x, and bubbletea v2 (its ultraviolet
// decoder) reads ESC followed by a key in the same read as Alt+key: when the
// two bytes arrive together — typed quickly, or joined in one packet by SSH
// or tmux — "esc then c" becomes alt+c, whatever the delay between the keys
// was. Its escape timeout (50 ms) only helps when ESC arrives alone, and
// bubbletea has no option to change it. The editor binds nothing to Alt, so
// it reads Alt+key as what the user typed: esc, then the key. The exception
// is a text being typed, where Alt with a key that moves in the text or
// deletes (alt+←, alt+→, alt+backspace, alt+delete) keeps its meaning for
// the text input (a word left, right, deleted); Alt with a letter is still
// esc then the letter, so that esc always cancels before anything else.
func escThenKey(k tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if k.Mod&tea.ModAlt == 0 || k.Mod&^(tea.ModAlt|tea.ModShift) != 0 {
		return k, false
	}
	rest := k
	rest.Mod &^= tea.ModAlt
	if rest.Mod&tea.ModShift != 0 && rest.Code >= 'a' && rest.Code <= 'z' {
		// ESC then a capital letter: the decoder lowers the letter and adds shift
		rest.Mod &^= tea.ModShift
		rest.Code -= 'a' - 'A'
	}
	if rest.Mod == 0 && rest.Code >= ' ' && rest.Code != tea.KeyBackspace && rest.Code <= unicode.MaxRune {
		rest.Text = string(rest.Code) // a character: typed as such
	}
	return rest, true
}

// textAltKey reports whether an Alt key is one a text input reads itself.
func textAltKey(k tea.KeyPressMsg) bool {
	switch k.Code {
	case tea.KeyLeft, tea.KeyRight, tea.KeyBackspace, tea.KeyDelete:
		return true
	}
	return false
}

// splitEsc handles an Alt+key as esc then the key (escThenKey).
func (m *Model) splitEsc(k tea.KeyPressMsg) (tea.Cmd, bool) {
	rest, ok := escThenKey(k)
	if !ok {
		return nil, false
	}
	typing := m.mode == modeInput || m.mode == modePick || m.mode == modeSearch
	if typing && textAltKey(rest) {
		return nil, false
	}
	c1 := m.key(tea.KeyPressMsg{Code: tea.KeyEscape})
	c2 := m.key(rest)
	return tea.Batch(c1, c2), true
}
