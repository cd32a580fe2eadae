package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestOpenAndQuitChangesNothing(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	names := dirNames(t, dir)
	m := open(t, path)
	press(t, m, "down", "down", "right", "left", "tab", "down", "2", "5", "6", "1", "?", "x")
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("q without changes must quit at once")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q did not quit")
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the file changed")
	}
	if got := dirNames(t, dir); !slices.Equal(got, names) {
		t.Fatalf("files beside it: %v, want %v", got, names)
	}
}

func TestTreeAndFigures(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	s := screen(m)
	// replicated units show their number of instances and their headcount
	mustContain(t, s, "orgdesign anas-deconcentree.yaml", "842 staff", "181.1 M MAD/yr", "×12  253", "×75  437",
		"1 Units", "6 Context", "7 Diagnostics", "? help")
	lines := strings.Split(s, "\n")
	if len(lines) != 24 {
		t.Fatalf("%d lines, want 24", len(lines))
	}
	// the replicated template's fields say it stands for its instances
	find(t, m, "Délégation régionale")
	mustContain(t, screen(m), "template of 12 instances, one per region", "an edit here applies to every instance")
	// ← folds the delegations: the antennas below them disappear; → unfolds them
	press(t, m, "left")
	mustNotContain(t, screen(m), "Antenne prov")
	mustContain(t, screen(m), "▸ Délégation")
	press(t, m, "right")
	mustContain(t, screen(m), "Antenne prov", "▾ Délégation")
}

func TestTabs(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	run(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	cases := []struct {
		key  string
		want []string
	}{
		{"2", []string{"Mandates", "Delivery chain", "Traiter les récla"}},
		{"3", []string{"Accueil des antennes", "province"}},
		{"4", []string{"Systems", "Interfaces", "→"}},
		{"5", []string{"Register", "Données du RSU"}},
		{"6", []string{"Actors", "Chef du gouverneme", "government"}},
		{"7", []string{"7 Diagnostics"}},
	}
	for _, c := range cases {
		press(t, m, c.key)
		s := screen(m)
		mustContain(t, s, c.want...)
		if m.tab == tabRACI {
			press(t, m, "down")
			mustContain(t, screen(m), "mandate ")
		}
	}
	// the risk register shows inherent and residual scores and the level
	press(t, m, "5", "down")
	if !regexp.MustCompile(`\d+→\d+ (low|medium|high|critical)`).MatchString(screen(m)) {
		t.Fatalf("no risk level:\n%s", screen(m))
	}
	mustContain(t, screen(m), "inherent ", "residual ")
	// the findings the scenario dismissed follow the register, with their reason
	for range 25 {
		press(t, m, "down")
	}
	mustContain(t, screen(m), "Findings dismissed", "finding span-over-limit-dir-reseau", "and dismissed", "Douze délégations")
}

// TestHelpScreen: ? shows the keys, generated from the key maps: every key
// the editor reads is listed with what it does (PgDn, g/G, Home/End…); the
// page scrolls with the arrows, any other key closes it.
func TestHelpScreen(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	press(t, m, "?")
	mustContain(t, screen(m), "Keys", "In the lists and the fields", "PgDn", "Home g", "End G")
	var page strings.Builder
	for range 10 { // the whole help, page by page
		page.WriteString(screen(m))
		press(t, m, "pgdown")
	}
	if m.mode != modeHelp {
		t.Fatal("PgDn closed the help")
	}
	all := page.String()
	bindings := append(keys.all(), typingKeys.OK, typingKeys.Cancel, typingKeys.Prev, typingKeys.Next, typingKeys.Save,
		askKeys.Yes, askKeys.No, askKeys.SaveQuit, askKeys.Discard, askKeys.Stay, askKeys.Overwrite, askKeys.Reload, askKeys.Elsewhere, askKeys.Cancel)
	for _, b := range bindings {
		h := b.Help()
		if !strings.Contains(all, h.Key) {
			t.Errorf("the help lacks the key %q", h.Key)
		}
		if first := strings.Fields(m.say(h.Desc)); !strings.Contains(all, strings.Join(first[:min(3, len(first))], " ")) {
			t.Errorf("the help lacks what %q does (%s)", h.Key, h.Desc)
		}
		for _, k := range b.Keys() {
			if !strings.Contains(h.Key, keyName(k)) && !strings.Contains(h.Key, "…") {
				t.Errorf("the help of %q does not name its key %q", h.Key, k)
			}
		}
	}
	mustContain(t, all, "ctrl+s", "u", "ctrl+r", "PgUp", "Marks and colours", "above the risk appetite")
	press(t, m, "j")
	mustContain(t, screen(m), "Keys")
	press(t, m, "x")
	mustNotContain(t, screen(m), "In the lists and the fields")
}

func TestResizesCleanly(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	for _, size := range [][2]int{{80, 24}, {132, 43}, {100, 30}, {30, 8}, {20, 7}, {80, 24}} {
		run(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, mode := range []string{"", "?", "tab"} {
			if mode != "" {
				press(t, m, mode)
			}
			lines := strings.Split(m.View().Content, "\n")
			if len(lines) != size[1] {
				t.Fatalf("%v: %d lines", size, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > size[0] {
					t.Fatalf("%v: a line of %d cells: %q", size, w, ansi.Strip(l))
				}
			}
			if mode == "?" {
				press(t, m, "esc")
			}
		}
	}
}

func TestNoColor(t *testing.T) {
	dir := copyScenarios(t)
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)`)
	m := open(t, filepath.Join(dir, option)) // NoColor
	if s := m.View().Content; colour.MatchString(s) {
		t.Fatalf("colour with NO_COLOR: %q", colour.FindString(s))
	}
	data, _ := os.ReadFile(filepath.Join(dir, option))
	c, err := New(Options{Path: filepath.Join(dir, option), Data: data, Source: source(), Width: 80, Height: 24})
	if err != nil {
		t.Fatal(err)
	}
	if s := c.View().Content; !colour.MatchString(s) {
		t.Fatal("no colour without NO_COLOR")
	}
}

func TestStaleResultIsDropped(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	old := m.res
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter", "backspace")
	typeText(t, m, "9")
	press(t, m, "enter")
	fresh := m.res
	m.Update(resultMsg{res: old}) // computed for an earlier text
	if m.res != fresh {
		t.Fatal("a stale result replaced a fresh one")
	}
}

func TestInternalErrorKeepsTheWork(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	m := open(t, path)
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter", "backspace")
	typeText(t, m, "7")
	press(t, m, "enter")
	edited := bytes.Clone(m.doc.Bytes())
	m.doc = nil // a bug: the next key that touches the text panics inside Update
	_, cmd := m.Update(keyMsg("u"))
	if cmd == nil {
		t.Fatal("no command after a panic")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("the editor did not quit after a panic")
	}
	ce, ok := m.Err().(*CrashError)
	if !ok {
		t.Fatalf("error %v", m.Err())
	}
	if got, err := os.ReadFile(path + RecoverSuffix); err != nil || !bytes.Equal(got, edited) {
		t.Fatalf("recovery file: %v", err)
	}
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, before) {
		t.Fatal("the file itself was written")
	}
	mustContain(t, ce.Error(), "internal error", "your unsaved changes were written to "+path+RecoverSuffix)

	// a panic in a command comes back as a message and ends the same way
	m2 := open(t, filepath.Join(copyScenarios(t), option))
	msg := safe(func() tea.Msg { panic("boom") })()
	if _, ok := msg.(panicMsg); !ok {
		t.Fatalf("safe returned %T", msg)
	}
	_, cmd = m2.Update(msg)
	if _, ok := cmd().(tea.QuitMsg); !ok || m2.Err() == nil {
		t.Fatal("a command's panic did not end the session")
	}
	if strings.Contains(m2.Err().Error(), "written to") {
		t.Fatal("a recovery file was written without unsaved changes")
	}
}

func TestOnlyScenarioFilesOpen(t *testing.T) {
	dir := copyScenarios(t)
	for _, c := range []struct{ file, want string }{
		{"morocco.yaml", "morocco.yaml is a territory file: the editor opens scenario files"},
		{"etude.yaml", "etude.yaml is a study file: the editor opens scenario files"},
	} {
		path := filepath.Join(dir, c.file)
		data, _ := os.ReadFile(path)
		_, err := New(Options{Path: path, Data: data, Source: source()})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.file, err)
		}
	}
	bad := filepath.Join(dir, "bad.yaml")
	_, err := New(Options{Path: bad, Data: []byte("scenario: [\n"), Source: source()})
	if err == nil || !strings.Contains(err.Error(), "bad.yaml") {
		t.Errorf("a file that does not parse: %v", err)
	}
}

func TestOneComputationAtATime(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	// two edits while the first computation runs: only one command starts
	var cmds []tea.Cmd
	for _, v := range []string{"5", "6"} {
		press(t, m, "enter", "backspace")
		typeText(t, m, v)
		_, cmd := m.Update(keyMsg("enter"))
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("%d computations started, want 1", len(cmds))
	}
	mustContain(t, screen(m), "computing…")
	// its result is stale: dropped, and the last text is computed
	stale := cmds[0]()
	_, next := m.Update(stale)
	if next == nil || m.res.gen == m.gen {
		t.Fatal("the stale result was shown, or nothing was recomputed")
	}
	run(t, m, next())
	mustContain(t, screen(m), "847 staff +5")
	mustNotContain(t, screen(m), "computing…")
}

// TestHostileTextStaysText: names, ids and free text holding escape
// sequences (window title, clipboard, clear screen, colour), C1 controls and
// bidirectional overrides are shown as text: the only escape sequences on
// the screen are the editor's own styles, and every line keeps its width.
func TestHostileTextStaysText(t *testing.T) {
	dir := t.TempDir()
	src := "scenario: { id: x, title: \"T\\e]0;pwned\\a\" }\n" +
		"units:\n" +
		"  - { id: dg, name: \"\\e[31mRED \\e]52;c;ZXZpbA==\\a \\e[2J clear \\u202e bidi \\x9b6n\", kind: executive, description: \"l1\\e[1Al2\" }\n" +
		"  - { id: dr, name: \"\\e[?1049l out\", kind: directorate, reportsTo: dg }\n"
	p := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m := open(t, p)
	for _, keys := range [][]string{nil, {"tab"}, {"down"}, {"tab", "down"}} {
		press(t, m, keys...)
		v := m.View().Content
		for i := 0; i < len(v); i++ {
			if v[i] == 0x1b && sgrLen(v[i:]) == 0 {
				t.Fatalf("after %v: an escape sequence that is not a style: %q", keys, v[i:min(i+12, len(v))])
			}
		}
		if strings.Contains(v, "\x1b[31m") || strings.Contains(v, "\u202e") || strings.Contains(v, "\u009b") {
			t.Errorf("after %v: a colour, a bidi override or a C1 control from the file reached the screen", keys)
		}
		if !strings.Contains(v, "RED") {
			t.Errorf("after %v: the name's text is lost", keys)
		}
		for _, line := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("after %v: a line of %d cells: %q", keys, w, ansi.Strip(line))
			}
		}
	}
}

func TestGuardControls(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b[1mbold\x1b[m":       "\x1b[1mbold\x1b[m",
		"\x1b[38;2;1;2;3mx\x1b[m": "\x1b[38;2;1;2;3mx\x1b[m",
		"\x1b]0;title\a":          "\uFFFD]0;title\uFFFD",
		"\x1b[2J":                 "\uFFFD[2J",
		"a\u009b6nb":              "a\uFFFD6nb",
		"\u202eevil":              "\uFFFDevil",
		"l1\nl2\r":                "l1\nl2\uFFFD",
		"bad \xff byte":           "bad \uFFFD byte",
	} {
		if got := guardControls(in); got != want {
			t.Errorf("guardControls(%q) = %q, want %q", in, got, want)
		}
	}
}
