package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestLegibleAtAGlance: pane titles with the cursor's position, the list's
// share of a wide screen, colours by risk level, ▲ above the appetite and
// the legend of the marks, the keys that matter kept in a narrow footer,
// plurals.
func TestLegibleAtAGlance(t *testing.T) {
	dir := copyScenarios(t)
	m := open(t, filepath.Join(dir, option))
	s := screen(m)
	// pane titles, the position of the cursor among the items
	if !regexp.MustCompile(`(?m)^ Units +1/15│ Fields +$`).MatchString(s) {
		t.Errorf("no pane titles with the position:\n%s", s)
	}
	press(t, m, "down", "down")
	mustContain(t, screen(m), "3/15")
	press(t, m, "tab", "down")
	mustContain(t, screen(m), "2/")
	// plurals
	mustContain(t, s, "1 high risk ·", "0 errors, 0 warnings")
	mustNotContain(t, s, "1 high risks")

	// the list takes two fifths of the width
	for _, c := range []struct{ w, left int }{{80, 32}, {120, 48}, {200, 80}} {
		run(t, m, tea.WindowSizeMsg{Width: c.w, Height: 30})
		line := strings.Split(screen(m), "\n")[4]
		if i := strings.Index(line, "│"); ansi.StringWidth(line[:i]) != c.left {
			t.Errorf("at %d columns the list is %d wide, want %d", c.w, ansi.StringWidth(line[:i]), c.left)
		}
	}

	// at 80 columns the footer keeps save, quit and help, in the list and the fields
	run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	for _, k := range []string{"esc", "tab"} {
		press(t, m, k)
		footer := lastLine(screen(m))
		for _, want := range []string{"^s save", "q quit", "? help"} {
			if !strings.Contains(footer, want) {
				t.Errorf("focus %d: the footer lacks %q: %q", m.focus, want, footer)
			}
		}
	}
	press(t, m, "esc")

	// the register: levels, ▲ above the appetite (medium), the legend
	press(t, m, "5")
	s = screen(m)
	if !regexp.MustCompile(`15→12 high ▲│`).MatchString(s) {
		t.Errorf("no ▲ on the risk above the appetite:\n%s", s)
	}
	mustContain(t, s, "inherited read-only (c copies)", "▲ above appetite (medium)")
	mustNotContain(t, s, "9 medium ▲")

	// colours by level
	data, _ := os.ReadFile(filepath.Join(dir, option))
	c, err := New(Options{Path: filepath.Join(dir, option), Data: data, Source: source(), Width: 80, Height: 24})
	if err != nil {
		t.Fatal(err)
	}
	press(t, c, "5")
	v := c.View().Content
	for level, colour := range map[string]string{"high ▲": "38;5;208", "medium": "93", "low": "92"} {
		if !regexp.MustCompile(`\x1b\[[0-9;]*` + colour + `m\d+→\d+ ` + level).MatchString(v) {
			t.Errorf("%s is not in its colour (%s): %q", level, colour, v)
		}
	}
	// diagnostics by severity: an error in red, in the figures and its tab
	press(t, c, "1")
	find(t, c, "div-recours")
	toRow(t, c, "kind")
	press(t, c, "d", "y", "7")
	v = c.View().Content
	if !regexp.MustCompile(`\x1b\[1;91m[^\x1b]*error`).MatchString(v) {
		t.Errorf("the error is not in red: %q", v)
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// TestStatusIsNeverCut: a long message wraps on the status lines (the body
// gives them room); longer still, it ends with a pointer to the message
// log, which L shows whole with the earlier messages.
func TestStatusIsNeverCut(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	press(t, m, "tab", "a") // on a field outside any list: the message says where to go
	first := m.status
	msg := "dir-prestations id: dir-prestations → dir-prest, 9 references updated; 12 in 3 files extending this one still name dir-prestations: anas-actuel.yaml, anas-centrale.yaml, anas-hybride.yaml"
	m.setStatus("%s", msg)
	flat := strings.Join(strings.Fields(screen(m)), " ")
	mustContain(t, flat, msg)
	if n := len(strings.Split(screen(m), "\n")); n != 24 {
		t.Fatalf("%d lines", n)
	}
	m.setStatus("%s", strings.Repeat("a long message ", 40))
	s := screen(m)
	mustContain(t, s, "… (L shows it whole)")
	press(t, m, "esc", "L")
	s = strings.Join(strings.Fields(screen(m)), " ")
	mustContain(t, s, "Messages", "• "+first, "• dir-prestations id: dir-prestations → dir-prest", "• a long message a long message")
	press(t, m, "x")
	mustNotContain(t, screen(m), "• "+first)
}

// TestEscThenKeyIsNotAlt: a terminal sends esc and a key typed quickly as
// Alt+key; the editor reads it as esc, then the key: a pick is cancelled
// before the key acts, a field being typed is left, and alt+backspace in a
// text still deletes a word.
func TestEscThenKeyIsNotAlt(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	before := string(m.doc.Bytes())
	alt := func(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModAlt} }

	// in the fields of a unit: esc (back to the list), then 2 (the RACI tab)
	find(t, m, "dir-prestations")
	press(t, m, "tab")
	run(t, m, alt('2'))
	if m.focus != focusList || m.tab != tabRACI {
		t.Fatalf("alt+2: focus %d, tab %d; want the list of the RACI tab", m.focus, m.tab)
	}
	// choosing a reference: esc cancels the list, then k moves up the list
	press(t, m, "1")
	find(t, m, "div-recours")
	cursor := m.cursor[m.tab]
	press(t, m, "m")
	typeText(t, m, "prest")
	run(t, m, alt('k'))
	if m.mode != modeNormal || m.cursor[m.tab] >= cursor {
		t.Fatalf("alt+k in a list to choose from: mode %d, cursor %d (was %d)", m.mode, m.cursor[m.tab], cursor)
	}
	if string(m.doc.Bytes()) != before {
		t.Fatal("esc then a key wrote a value")
	}
	// typing a value: esc cancels it; the key after it acts on the list
	find(t, m, "div-recours")
	toRow(t, m, "name")
	press(t, m, "enter")
	typeText(t, m, " bis")
	run(t, m, alt('k'))
	if m.mode != modeNormal || string(m.doc.Bytes()) != before {
		t.Fatalf("alt+k while typing: mode %d, text changed %v", m.mode, string(m.doc.Bytes()) != before)
	}
	// alt+backspace in a text is a word deleted, not esc
	press(t, m, "enter")
	run(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace, Mod: tea.ModAlt})
	if m.mode != modeInput || strings.Contains(m.input.Value(), "Division") && strings.HasSuffix(m.input.Value(), "recours") {
		t.Fatalf("alt+backspace: mode %d, value %q", m.mode, m.input.Value())
	}
	press(t, m, "esc")
	// esc then a capital letter: shift came with it
	if k, ok := escThenKey(tea.KeyPressMsg{Code: 'g', Mod: tea.ModAlt | tea.ModShift}); !ok || k.String() != "G" {
		t.Errorf("alt+shift+g read as %q", k.String())
	}
}

// TestFrench: with fr, the editor's words, the levels, the plurals and the
// findings' titles and explanations (the risk rules' own texts) are French,
// and figures are written the French way.
func TestFrench(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	data, _ := os.ReadFile(path)
	m, err := New(Options{Path: path, Data: data, Source: source(), NoColor: true, Width: 100, Height: 40, Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	s := screen(m)
	mustContain(t, s, "842 agents · 181,1 M MAD/an · 1 risque élevé · 0 erreur, 0 avertissement",
		"1 Unités  2 RACI  3 Canaux", "7 Diagnostics", "Unités", "Champs", "hérité lecture seule (c copie)",
		"^s enregistrer", "q quitter", "? aide")
	press(t, m, "5")
	mustContain(t, screen(m), "Registre", "16→9 moyen", "Constats écartés", "▲ dépasse l'appétence (moyen)")
	find(t, m, "span-over-limit-dir-reseau")
	s = ansi.Strip(strings.Join(m.about(1000), "\n"))
	mustContain(t, s, "Étendue de contrôle excessive", "constat span-over-limit-dir-reseau", "écarté (lecture seule)")
	mustNotContain(t, s, "Span of control", "dismissed", "indicative")
	press(t, m, "?")
	mustContain(t, screen(m), "Touches", "Dans les listes et les champs", "monter dans la liste ou les champs")
	press(t, m, "x", "1")
	find(t, m, "dir-prestations")
	press(t, m, "d")
	mustContain(t, m.confirm, "Supprimer : unité dir-prestations ? L'élément (unité) hérité de common.yaml reprend sa place.")
}
