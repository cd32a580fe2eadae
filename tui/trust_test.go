package tui

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// highlighted reads the pick-list's highlighted row off the screen: the
// row of the right pane drawn in reverse video (NO_COLOR: the selection's
// only mark), its first word being the id. ok is false when no row is.
func highlighted(t testing.TB, m *Model) (id string, ok bool) {
	t.Helper()
	for _, line := range strings.Split(m.View().Content, "\n")[3:] {
		_, right, found := strings.Cut(line, "│")
		if !found || !strings.HasPrefix(right, " \x1b[7m") {
			continue
		}
		if ok {
			t.Fatalf("two rows highlighted:\n%s", screen(m))
		}
		fields := strings.Fields(ansi.Strip(right))
		if len(fields) == 0 {
			t.Fatalf("an empty row highlighted:\n%s", screen(m))
		}
		id, ok = fields[0], true
	}
	return id, ok
}

// TestPickHighlightFollowsTheFilter: in a list opened on a field's current
// value, the highlight moves to the best match at every key typed, and
// enter takes the row highlighted: `m` then "prest" moves a unit under
// dir-prestations; "dir-si" chooses dir-si; an exact id ranks first, then
// the ids it starts (shortest first), then the fuzzy matches.
func TestPickHighlightFollowsTheFilter(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "div-recours") // reports to dg
	press(t, m, "m")
	if id, _ := highlighted(t, m); id != "dg" {
		t.Fatalf("the list opens on %q, want the current value dg", id)
	}
	for i, r := range "prest" {
		typeText(t, m, string(r))
		if id, _ := highlighted(t, m); id != m.picked[0].id {
			t.Fatalf("after %q the highlight is on %q, not the best match %q", "prest"[:i+1], id, m.picked[0].id)
		}
	}
	if id, _ := highlighted(t, m); id != "dir-prestations" {
		t.Fatalf("prest: %q highlighted", id)
	}
	press(t, m, "enter")
	mustWrite(t, m, "reportsTo: dir-prestations\n    phase: ph-b-preparation", "m then prest")

	press(t, m, "2")
	find(t, m, "grievance")
	mustSelect(t, m, "grievance", "the grievance entry")
	toRow(t, m, "accountable")
	press(t, m, "enter")
	typeText(t, m, "dir-s")
	if got := []string{m.picked[0].id, m.picked[1].id}; !slices.Equal(got, []string{"dir-si", "dir-strategie"}) {
		t.Fatalf("dir-s ranks %v first, want dir-si then dir-strategie", got)
	}
	typeText(t, m, "i")
	if id, _ := highlighted(t, m); id != "dir-si" {
		t.Fatalf("dir-si: %q highlighted", id)
	}
	press(t, m, "enter")
	if !regexp.MustCompile(`stage: grievance\n    accountable: dir-si\n`).Match(m.doc.Bytes()) {
		t.Fatal("the grievance accountable is not dir-si")
	}
	// ↑↓ move the highlight; moving the text cursor does not bring it back
	toRow(t, m, "accountable")
	press(t, m, "enter")
	typeText(t, m, "dir")
	press(t, m, "down", "down", "left")
	want := m.picked[2].id
	if id, _ := highlighted(t, m); id != want {
		t.Fatalf("after ↓↓ and ←: %q highlighted, want %q", id, want)
	}
	press(t, m, "enter")
	if !regexp.MustCompile(`stage: grievance\n    accountable: ` + want + `\n`).Match(m.doc.Bytes()) {
		t.Fatalf("enter did not take %s", want)
	}
}

// TestPickEnterTakesTheHighlightedRow is a property: for random lists of
// choices (ids that share prefixes, some equal to what is typed), a random
// current value and random keys (letters, backspace, ↑↓, ← →), enter
// yields the row the screen shows highlighted, or nothing when none is; and
// right after typing, an id equal to the text typed is the one highlighted.
func TestPickEnterTakesTheHighlightedRow(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	rng := rand.New(rand.NewPCG(15, 1))
	const letters = "abd-"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	for trial := range 400 {
		var cands []candidate
		seen := map[string]bool{}
		for range 1 + rng.IntN(40) {
			id := word(1 + rng.IntN(5))
			if seen[id] {
				continue
			}
			seen[id] = true
			cands = append(cands, candidate{id: id, name: word(rng.IntN(8)), kind: []string{"", "unit"}[rng.IntN(2)]})
		}
		old := ""
		if rng.IntN(2) == 0 {
			old = cands[rng.IntN(len(cands))].id
		}
		var got []string
		p := &prompt{title: "x", old: old, apply: func(m *Model, v string) tea.Cmd { got = append(got, v); return nil }}
		m.choose(p, cands)
		var keys []string
		typed := false
		for range rng.IntN(9) {
			switch r := rng.IntN(10); {
			case r < 5:
				keys = append(keys, string(letters[rng.IntN(len(letters))]))
				typed = true
			case r == 5:
				keys = append(keys, "backspace")
				typed = true
			case r == 6:
				keys = append(keys, "up")
				typed = false
			case r == 7:
				keys = append(keys, "down")
				typed = false
			case r == 8:
				keys = append(keys, "left")
			default:
				keys = append(keys, "right")
			}
		}
		press(t, m, keys...)
		shown, ok := highlighted(t, m)
		if q := m.input.Value(); typed && seen[q] && shown != q {
			t.Fatalf("trial %d: %q typed (keys %v) is an id, but %q is highlighted", trial, q, keys, shown)
		}
		press(t, m, "enter")
		switch {
		case ok && (len(got) != 1 || got[0] != shown):
			t.Fatalf("trial %d: keys %v: %q highlighted, enter took %v", trial, keys, shown, got)
		case !ok && len(got) != 0:
			t.Fatalf("trial %d: keys %v: nothing highlighted, enter took %v", trial, keys, got)
		}
		if m.mode == modePick {
			press(t, m, "esc")
		}
	}
}

// TestReportsToOffersNeitherItselfNorItsDescendants: the superior of a unit
// is chosen among the units and bodies that are not under it, nor itself,
// whether it is set from its field or with m.
func TestReportsToOffersNeitherItselfNorItsDescendants(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-reseau") // dr, antenne and div-recours… are under it
	r := m.res.resolved
	under := descendants(r, "dir-reseau")
	if len(under) < 3 {
		t.Fatalf("the fixture has %d units under dir-reseau", len(under))
	}
	for _, open := range [][]string{{"m"}, {"tab"}} {
		press(t, m, open...)
		if open[0] == "tab" {
			toRow(t, m, "reportsTo")
			press(t, m, "enter")
		}
		if m.mode != modePick {
			t.Fatalf("%v: no list", open)
		}
		for _, c := range m.cands {
			if under[c.id] {
				t.Errorf("%v: %s is offered as the superior of dir-reseau", open, c.id)
			}
		}
		if !slices.ContainsFunc(m.cands, func(c candidate) bool { return c.id == "dg" }) {
			t.Errorf("%v: dg is not offered", open)
		}
		press(t, m, "esc")
		press(t, m, "esc")
	}
}

// TestEveryListGetsItsFirstItem: a unit without staff gets its first staff
// line, a risk without mitigations its first mitigation, a unit without
// cost its first cost, an empty list of mappings (staff: []) its first
// item, an objective without indicators its first indicator, a demand
// without standards its first standard.
func TestEveryListGetsItsFirstItem(t *testing.T) {
	dir := t.TempDir()
	src := "scenario: { id: x, title: X }\n" +
		"profiles:\n  - { id: agent, title: Agent, annualCost: 100000 }\n" +
		"units:\n" +
		"  - id: dg\n    name: Direction générale\n    kind: executive\n" +
		"  - { id: dr, name: Délégation, kind: delegation, reportsTo: dg, staff: [] }\n" +
		"strategy:\n  objectives:\n    - { id: obj-a, title: Objectif A }\n" +
		"demand:\n  households: 1000\n" +
		"risks:\n  - { id: r-a, title: Risque, category: operational, likelihood: 3, impact: 4 }\n"
	path := filepath.Join(dir, "x.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m := open(t, path)
	run(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})

	find(t, m, "dg")
	press(t, m, "tab")
	mustContain(t, screen(m), "staff         — (a adds the first)")
	toRow(t, m, "staff")
	press(t, m, "a")
	typeText(t, m, "agent")
	press(t, m, "enter")
	mustWrite(t, m, "    kind: executive\n    staff:\n      - { profile: agent, count: 1 }\n", "the first staff line")
	mustContain(t, screen(m), "1 staff +1")

	retype(t, m, "cost setup", "", "250000")
	mustWrite(t, m, "    cost: { setup: 250000 }\n", "the first cost")
	retype(t, m, "cost annual", "", "40000")
	mustWrite(t, m, "    cost: { setup: 250000, annual: 40000 }\n", "the second field of the cost")

	press(t, m, "esc")
	find(t, m, "dr")
	toRow(t, m, "staff") // written, empty
	press(t, m, "enter")
	typeText(t, m, "agent")
	press(t, m, "enter")
	mustWrite(t, m, "staff: [{ profile: agent, count: 1 }] }", "the first line of an empty list")

	press(t, m, "5")
	find(t, m, "r-a")
	toRow(t, m, "mitigations")
	press(t, m, "a")
	typeText(t, m, "mit-a")
	press(t, m, "enter")
	mustWrite(t, m, "mitigations: [ { id: mit-a, title: New mitigation, reduces: likelihood, by: 1, status: planned } ] }", "the first mitigation")

	press(t, m, "6")
	find(t, m, "Strategy")
	toRow(t, m, "objectives 1 indicators")
	press(t, m, "a")
	typeText(t, m, "kpi-a")
	press(t, m, "enter")
	mustWrite(t, m, "{ id: obj-a, title: Objectif A, indicators: [ { id: kpi-a, title: New indicator } ] }", "the first indicator")

	press(t, m, "esc")
	find(t, m, "Demand")
	toRow(t, m, "standards")
	press(t, m, "enter")
	typeText(t, m, "agent")
	press(t, m, "enter")
	mustContain(t, screen(m), "agent: one per how many households")
	typeText(t, m, "250")
	press(t, m, "enter")
	mustWrite(t, m, "  households: 1000\n  standards:\n    - { profile: agent, onePer: 250, of: households }\n", "the first standard")
	mustContain(t, screen(m), "0 errors")
}

// TestDeleteSaysWhatDangles: before deleting an item, the question says how
// many references would name nothing and where (in this file, in the files
// it extends, in the files extending it); deleting an item that overrides
// an inherited one says that one comes back.
func TestDeleteSaysWhatDangles(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-reseau")
	press(t, m, "d")
	mustContain(t, m.confirm, "Delete unit dir-reseau? 5 references would name nothing: dr reportsTo, m-reseau accountable")
	press(t, m, "n")
	find(t, m, "dir-prestations")
	press(t, m, "d")
	mustContain(t, m.confirm, "Delete unit dir-prestations? The unit inherited from common.yaml comes back in its place.")
	press(t, m, "n")

	// one reference: the singular
	dir := t.TempDir()
	src := "scenario: { id: x, title: X }\nunits:\n  - { id: dg, name: DG, kind: executive }\n  - { id: dr, name: DR, kind: delegation, reportsTo: dg }\n"
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	m = open(t, filepath.Join(dir, "x.yaml"))
	find(t, m, "dg")
	press(t, m, "d")
	mustContain(t, m.confirm, "Delete unit dg? 1 reference would name nothing: dr reportsTo.")
	mustContain(t, screen(m), "1 reference would name nothing", "(y/n)")
}

// TestErrorKeepsTheFiguresStale: an error in the text does not hide the
// figures: those of the last text without errors stay, marked stale with
// the reason, and so do the findings to triage; fixing the error brings
// live figures back.
func TestErrorKeepsTheFiguresStale(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), "anas-hybride.yaml"))
	run(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	before := ansi.Strip(m.figuresLine())
	crit, high := riskCounts(m.res)
	if high == 0 {
		t.Fatal("the fixture has no high risk")
	}
	press(t, m, "5")
	findings := slices.IndexFunc(m.list, func(e entry) bool { return e.finding != nil })
	press(t, m, "1")
	find(t, m, "dir-prestations")
	toRow(t, m, "kind") // a required field deleted: one error
	press(t, m, "d", "y")
	s := screen(m)
	mustContain(t, s, "⚠ stale (1 error):", "1 error")
	if got := ansi.Strip(m.figuresLine()); !strings.Contains(got, strings.TrimSpace(strings.SplitN(before, " · ", 4)[0])) {
		t.Errorf("the headcount is gone: %q (before %q)", got, before)
	}
	if c, h := riskCounts(m.res.kept); c != crit || h != high {
		t.Errorf("kept risks %d critical %d high, want %d %d", c, h, crit, high)
	}
	mustContain(t, s, fmt.Sprintf("%d high risk", high))
	press(t, m, "5")
	if findings >= 0 && !slices.ContainsFunc(m.list, func(e entry) bool { return e.header && strings.HasSuffix(e.label, "(stale)") }) {
		t.Errorf("the findings are not kept, marked stale:\n%s", screen(m))
	}
	press(t, m, "1", "u")
	if s := screen(m); strings.Contains(s, "stale") || !strings.Contains(s, "0 errors") {
		t.Errorf("undo did not bring live figures back:\n%s", s)
	}
}

// TestSaveWithErrorsSaysSo: a text with errors is saved (work in progress
// may be incomplete), and the status says it has them.
func TestSaveWithErrorsSaysSo(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	m := open(t, path)
	find(t, m, "div-recours")
	toRow(t, m, "kind")
	press(t, m, "d", "y", "ctrl+s")
	disk, _ := os.ReadFile(path)
	if !bytes.Equal(disk, m.doc.Bytes()) {
		t.Fatal("a text with errors was not saved")
	}
	mustContain(t, m.status, "saved anas-deconcentree.yaml, with 1 error: work in progress may be incomplete")
	if !m.statusErr {
		t.Error("the status does not show it as a problem")
	}
}

// TestTypeAheadWaitsForTheQuestion: the question of a deletion is prepared
// in a command (it reads the files beside the edited one); the keys typed
// meanwhile ("d" then "y" at once) wait for it and answer it.
func TestTypeAheadWaitsForTheQuestion(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-reseau")
	_, cmd := m.Update(keyMsg("d"))
	if cmd == nil {
		t.Fatal("no command prepares the question")
	}
	m.Update(keyMsg("y")) // typed before the question is ready
	if m.mode == modeConfirm || bytes.Contains(m.doc.Bytes(), []byte("id: dir-reseau")) == false {
		t.Fatal("y acted before the question was ready")
	}
	for _, msg := range drain(cmd) {
		run(t, m, msg)
	}
	if bytes.Contains(m.doc.Bytes(), []byte("id: dir-reseau")) {
		t.Fatalf("the y typed ahead did not answer the question: mode %d, %s", m.mode, m.status)
	}
	mustContain(t, m.status, "unit dir-reseau deleted")
}
