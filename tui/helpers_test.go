package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/scenarios"
)

// copyScenarios copies the embedded default set into a temporary folder and
// returns the folder.
func copyScenarios(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range scenarios.Names() {
		data, err := scenarios.Files().ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func source() Source {
	return Source{Files: model.OSFiles{}, Builtin: scenarios.Files(), BuiltinDir: scenarios.Dir}
}

// open opens a file of dir in a headless editor of 80×24, without colour.
func open(t testing.TB, path string) *Model {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := New(Options{Path: path, Data: data, Source: source(), NoColor: true, Width: 80, Height: 24})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// screen returns the view as plain text.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// press sends keys to Update, running the commands they return (results of
// recomputes included) as the program would, but synchronously.
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		run(t, m, keyMsg(k))
	}
}

// typeText types a string, one key per rune.
func typeText(t testing.TB, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		run(t, m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func run(t testing.TB, m *Model, msg tea.Msg) {
	t.Helper()
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		_, cmd := m.Update(msg)
		queue = append(queue, drain(cmd)...)
	}
}

// drain runs a command and the batches it returns, keeping the messages the
// model handles (not the cursor's blinking or quitting).
func drain(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, drain(c)...)
		}
		return out
	case resultMsg, savedMsg, reloadedMsg, panicMsg, noteMsg, askMsg:
		return []tea.Msg{msg}
	}
	return nil
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	}
	if c, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

const option = "anas-deconcentree.yaml" // extends common.yaml, territory morocco

// dirNames lists the files of a folder.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// changedLines returns the lines of b that differ from a, which must have as many.
func changedLines(t *testing.T, a, b []byte) []string {
	t.Helper()
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		t.Fatalf("line count changed: %d → %d", len(la), len(lb))
	}
	var out []string
	for i := range la {
		if la[i] != lb[i] {
			out = append(out, lb[i])
		}
	}
	return out
}

func mustContain(t *testing.T, s string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Fatalf("the screen lacks %q:\n%s", w, s)
		}
	}
}

func mustNotContain(t *testing.T, s string, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if strings.Contains(s, w) {
			t.Fatalf("the screen shows %q:\n%s", w, s)
		}
	}
}

// find selects an item of the current tab by searching for it.
func find(t testing.TB, m *Model, query string) {
	t.Helper()
	press(t, m, "/")
	typeText(t, m, query)
	press(t, m, "enter")
}

// toRow moves the detail cursor to the first row whose path reads want.
func toRow(t testing.TB, m *Model, want string) {
	t.Helper()
	if m.focus != focusDetail {
		press(t, m, "tab")
	}
	for i, rw := range m.rows {
		if strings.Join(pathWords(rw.path), " ") == want {
			for m.rowCursor < i {
				press(t, m, "down")
			}
			for m.rowCursor > i {
				press(t, m, "up")
			}
			return
		}
	}
	t.Fatalf("no row %q among %d rows", want, len(m.rows))
}

// choose edits a field whose value is picked from a list: the row, enter,
// the text typed to filter the list, enter.
func choose(t testing.TB, m *Model, row, text string) {
	t.Helper()
	toRow(t, m, row)
	press(t, m, "enter")
	typeText(t, m, text)
	press(t, m, "enter")
}

// mustWrite fails unless the edited text holds want.
func mustWrite(t testing.TB, m *Model, want, what string) {
	t.Helper()
	if !bytes.Contains(m.doc.Bytes(), []byte(want)) {
		t.Fatalf("%s: the text lacks %q:\n%s", what, want, m.doc.Bytes())
	}
}

// mustSelect fails unless the list's cursor is on the item id.
func mustSelect(t testing.TB, m *Model, id, what string) {
	t.Helper()
	if e, _ := m.selected(); e.id != id {
		t.Errorf("%s: %q selected, want %q", what, e.id, id)
	}
}

// addNew presses a and answers its prompt with text.
func addNew(t testing.TB, m *Model, text string) {
	t.Helper()
	press(t, m, "a")
	typeText(t, m, text)
	press(t, m, "enter")
}

// retype edits the field row: enter, old erased, text typed, enter.
func retype(t testing.TB, m *Model, row, old, text string) {
	t.Helper()
	toRow(t, m, row)
	press(t, m, "enter")
	for range len([]rune(old)) {
		press(t, m, "backspace")
	}
	typeText(t, m, text)
	press(t, m, "enter")
}
