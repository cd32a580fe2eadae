package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/model"
)

func TestEditCountUpdatesHeadcount(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	m := open(t, path)
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter")
	mustContain(t, screen(m), "editing dir-prestations staff 1 count")
	// checked as it is typed: a letter is refused with a message, enter keeps the input open
	press(t, m, "backspace")
	typeText(t, m, "x")
	mustContain(t, screen(m), "✖ a whole number")
	press(t, m, "enter")
	if m.mode != modeInput {
		t.Fatal("an invalid value was accepted")
	}
	press(t, m, "backspace")
	typeText(t, m, "20")
	press(t, m, "enter")
	s := screen(m)
	mustContain(t, s, "● modified", "861 staff +19", "45 staff") // the unit's own figure too
	if got := changedLines(t, before, m.doc.Bytes()); len(got) != 1 || !strings.Contains(got[0], "{ profile: cadre-dirigeant, count: 20 }") {
		t.Fatalf("changed lines: %q", got)
	}
	// undo and redo walk the snapshots of the text
	press(t, m, "u")
	if !bytes.Equal(m.doc.Bytes(), before) || m.dirty() {
		t.Fatal("undo did not bring the text back")
	}
	mustContain(t, screen(m), "842 staff")
	press(t, m, "ctrl+r")
	mustContain(t, screen(m), "861 staff +19")
	// nothing was written
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, before) {
		t.Fatal("the file was written without ctrl+s")
	}
}

func TestEscCancelsAnEdit(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	before := bytes.Clone(m.doc.Bytes())
	find(t, m, "dir-prestations")
	toRow(t, m, "name")
	press(t, m, "enter")
	typeText(t, m, " bis")
	press(t, m, "esc")
	if !bytes.Equal(before, m.doc.Bytes()) || m.mode != modeNormal {
		t.Fatal("esc did not cancel")
	}
}

func TestInheritedItemsAreReadOnlyAndCopied(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	before := bytes.Clone(m.doc.Bytes())
	find(t, m, "dir-si") // Direction des systèmes d'information, from common.yaml
	s := screen(m)
	mustContain(t, s, "unit dir-si", "inherited from common.yaml: read-only")
	toRow(t, m, "name")
	press(t, m, "enter")
	mustContain(t, screen(m), "inherited from common.yaml (read-only): press c to copy it")
	if !bytes.Equal(before, m.doc.Bytes()) {
		t.Fatal("an inherited item was edited")
	}
	press(t, m, "d")
	if m.mode == modeConfirm {
		t.Fatal("d offered to delete an inherited item")
	}
	// c copies it into the file, where it overrides the inherited one and can be edited
	press(t, m, "c")
	mustContain(t, screen(m), "dir-si copied from common.yaml", "in anas-deconcentree.yaml")
	want := "  - id: dir-si\n    name: Direction des systèmes d'information et de la donnée\n    kind: directorate\n    reportsTo: dg\n" +
		"    staff: [ { profile: cadre-dirigeant, count: 1 }, { profile: cadre-superieur, count: 4 }, { profile: ingenieur-si, count: 22 }, { profile: assistant, count: 1 } ]\n"
	if got := m.doc.Bytes(); len(got) != len(before)+len(want) || !bytes.Contains(got, []byte(want)) {
		t.Fatalf("the copy is not in the text as expected:\n%s", got)
	}
	toRow(t, m, "name")
	press(t, m, "enter")
	if m.mode != modeInput {
		t.Fatal("the copied item cannot be edited")
	}
}

func TestReferenceChosenByFuzzySearch(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "div-recours")
	toRow(t, m, "reportsTo")
	press(t, m, "enter")
	mustContain(t, screen(m), "choose div-recours reportsTo")
	typeText(t, m, "reseau terr") // fuzzy, accents ignored: "Direction du réseau territorial"
	if len(m.picked) == 0 || m.picked[0].id != "dir-reseau" {
		t.Fatalf("best match %v", m.picked)
	}
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("reportsTo: dir-reseau\n    phase: ph-b-preparation                          # les nouvelles unités ouvrent avec la préparation (hyp-b-delais)\n    staff:\n      - { profile: cadre-superieur, count: 1 }\n      - { profile: cadre, count: 4 }\n      - { profile: charge-relation-usagers")) {
		t.Fatalf("reportsTo not changed in place:\n%s", m.doc.Bytes())
	}
	// the tree follows: the division is now under the network directorate
	press(t, m, "tab")
	if !regexp.MustCompile(`(?m)^    ▾ Direction du réseau te… 10│.*\n        Division des recours  17│`).MatchString(screen(m)) {
		t.Fatalf("the tree did not follow the move:\n%s", screen(m))
	}
}

func TestAddMoveDuplicateDelete(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-reseau")
	// a: a new unit under the selected one, its id checked as typed
	press(t, m, "a")
	typeText(t, m, "dir-si")
	mustContain(t, screen(m), `✖ "dir-si" is already used`)
	for range 6 {
		press(t, m, "backspace")
	}
	typeText(t, m, "Pôle")
	mustContain(t, screen(m), "✖ lower-kebab-case")
	for range 4 {
		press(t, m, "backspace")
	}
	typeText(t, m, "pole-qualite")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("- id: pole-qualite\n    name: New unit\n    kind: service\n    reportsTo: dir-reseau\n")) {
		t.Fatalf("new unit not written in the block style of its neighbours:\n%s", m.doc.Bytes())
	}
	if e, _ := m.selected(); e.id != "pole-qualite" {
		t.Fatalf("selected %q after adding", e.id)
	}
	// m: moved under div-recours, chosen from the list
	press(t, m, "m")
	typeText(t, m, "div-recours")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("    reportsTo: div-recours\n")) {
		t.Fatal("move did not change reportsTo")
	}
	// c: duplicated under a new id, just after it
	press(t, m, "c")
	for range len("pole-qualite-copy") {
		press(t, m, "backspace")
	}
	typeText(t, m, "pole-qualite-2")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("- id: pole-qualite-2\n    name: New unit\n")) {
		t.Fatalf("duplicate missing:\n%s", m.doc.Bytes())
	}
	// d asks first; n keeps it, y deletes it
	press(t, m, "d")
	mustContain(t, screen(m), "Delete unit pole-qualite-2? (y/n)")
	press(t, m, "n")
	if !bytes.Contains(m.doc.Bytes(), []byte("id: pole-qualite-2")) {
		t.Fatal("n deleted")
	}
	press(t, m, "d", "y")
	if bytes.Contains(m.doc.Bytes(), []byte("id: pole-qualite-2")) {
		t.Fatal("y did not delete")
	}
	// removing a required field shows up in the diagnostics at once
	find(t, m, "pole-qualite")
	toRow(t, m, "name")
	press(t, m, "d", "y")
	mustContain(t, screen(m), "⚠ stale (1 error):", "7 Diagnostics (1)")
	run(t, m, tea.WindowSizeMsg{Width: 78, Height: 24}) // too narrow for the padded tabs
	mustContain(t, screen(m), "7 Diagnostics (1)")
	run(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m, "7")
	mustContain(t, screen(m), "missing-field")
	// enter on a diagnostic goes to the item it is about
	press(t, m, "enter")
	if e, _ := m.selected(); m.tab != tabUnits || e.id != "pole-qualite" {
		t.Fatalf("enter on the diagnostic went to tab %d, %q", m.tab, e.id)
	}
}

func TestAddListItemAndStaffLine(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	find(t, m, "dir-prestations")
	toRow(t, m, "functionalTo")
	press(t, m, "a")
	typeText(t, m, "reseau")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("functionalTo: [dir-si, dir-reseau]")) {
		t.Fatalf("list item not added in flow style:\n%s", m.doc.Bytes()[:3000])
	}
	toRow(t, m, "staff 3 count") // a on a field of a staff line adds a staff line
	press(t, m, "a")
	typeText(t, m, "gestionnaire")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("      - { profile: assistant, count: 2 }\n      - { profile: gestionnaire, count: 1 }\n")) {
		t.Fatalf("staff line not added:\n%s", m.doc.Bytes()[:4000])
	}
	mustContain(t, screen(m), "843 staff +1")
}

func TestSaveWritesOnlyTheEditedLine(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	names := dirNames(t, dir)
	m := open(t, path)
	find(t, m, "antenne")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter", "backspace")
	typeText(t, m, "2")
	press(t, m, "ctrl+s") // saves the value being typed
	after, _ := os.ReadFile(path)
	if got := changedLines(t, before, after); len(got) != 1 || got[0] != "      - { profile: cadre, count: 2 }" {
		t.Fatalf("changed lines: %q", got)
	}
	s := screen(m)
	mustContain(t, s, "saved ", "917 staff +75")
	mustNotContain(t, s, "● modified")
	if got := dirNames(t, dir); !slices.Equal(got, names) {
		t.Fatalf("files: %v", got)
	}
}

// TestFileChangedOnDiskIsNotOverwritten: a save compares the text with the
// file on disk. Changed there since it was read, the file is not written:
// the lines that differ are shown, those of the file (−) and those of the
// text (+), and the user chooses: save elsewhere, reload (undo brings the
// text back), keep this text (overwrite) or cancel. After a reload and an
// undo, the text predates the version on disk: saving asks again.
func TestFileChangedOnDiskIsNotOverwritten(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	m := open(t, path)
	run(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	theirs := []byte(strings.Replace(string(m.disk), "year: 2029", "year: 2030", 1))
	if err := os.WriteFile(path, theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter", "backspace")
	typeText(t, m, "3")
	press(t, m, "enter", "ctrl+s")
	s := screen(m)
	mustContain(t, s, "changed on disk since it was read: not overwritten", "o keep mine", "r take the file's", "w save elsewhere",
		"− on disk", "+ this text")
	for _, re := range []string{`(?m)^ - +\d+ │   year: 2030$`, `(?m)^ \+ +\d+ │   year: 2029$`,
		`(?m)^ - +\d+ │       - \{ profile: cadre-dirigeant, count: 1 \}$`, `(?m)^ \+ +\d+ │       - \{ profile: cadre-dirigeant, count: 3 \}$`} {
		if !regexp.MustCompile(re).MatchString(s) {
			t.Fatalf("the differences lack %s:\n%s", re, s)
		}
	}
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, theirs) {
		t.Fatal("the file changed on disk was overwritten")
	}
	// save elsewhere: the text goes to another file, the changed one stays
	press(t, m, "w")
	press(t, m, "enter")
	mine := filepath.Join(dir, "anas-deconcentree-mine.yaml")
	if got, err := os.ReadFile(mine); err != nil || !bytes.Equal(got, m.doc.Bytes()) {
		t.Fatalf("not saved elsewhere: %v", err)
	}
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, theirs) {
		t.Fatal("the file changed on disk was overwritten")
	}
	// reload: their version replaces the text; undo brings mine back
	press(t, m, "ctrl+s", "r")
	if !bytes.Equal(m.doc.Bytes(), theirs) || m.dirty() {
		t.Fatal("reload did not take the file on disk")
	}
	press(t, m, "u")
	if !bytes.Contains(m.doc.Bytes(), []byte("{ profile: cadre-dirigeant, count: 3 }")) {
		t.Fatal("undo after reload lost the edit")
	}
	// this text comes from before the reload: saving it would undo the
	// version on disk, so the save asks, showing what would be undone
	press(t, m, "ctrl+s")
	mustContain(t, screen(m), "this text comes from before the reload", "year: 2030", "year: 2029")
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, theirs) {
		t.Fatal("a save after reload and undo overwrote the file without asking")
	}
	press(t, m, "esc")
	mustContain(t, screen(m), "not saved: the file on disk is unchanged")
	// keep mine: written over the file, which then reads as this text
	press(t, m, "ctrl+s", "o")
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, m.doc.Bytes()) || m.dirty() {
		t.Fatal("o did not write this text")
	}
	mustContain(t, screen(m), "saved anas-deconcentree.yaml")
}

// TestUndoAfterSaveSavesWithoutAsking: a save continues the text's version:
// undoing an edit saved and saving again is not a conflict.
func TestUndoAfterSaveSavesWithoutAsking(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	m := open(t, path)
	find(t, m, "dir-prestations")
	retype(t, m, "staff 1 count", "1", "4")
	press(t, m, "ctrl+s", "u", "ctrl+s")
	if m.mode != modeNormal {
		t.Fatalf("mode %d after saving an undo", m.mode)
	}
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, before) {
		t.Fatal("the undone text was not saved")
	}
}

func TestQuitWithUnsavedChangesAsks(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	m := open(t, path)
	find(t, m, "dir-prestations")
	toRow(t, m, "staff 1 count")
	press(t, m, "enter", "backspace")
	typeText(t, m, "4")
	press(t, m, "enter", "q")
	mustContain(t, screen(m), "Unsaved changes. Save before quitting?", "s save and quit", "d discard and quit")
	press(t, m, "esc")
	if m.quitting || m.mode != modeNormal {
		t.Fatal("esc did not stay")
	}
	press(t, m, "q")
	_, cmd := m.Update(keyMsg("d"))
	if cmd == nil {
		t.Fatal("d did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("d did not quit")
	}
	if disk, _ := os.ReadFile(path); !bytes.Equal(disk, before) {
		t.Fatal("discarding wrote the file")
	}
}

func TestSetUnwrittenFieldsAndText(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	before := bytes.Clone(m.doc.Bytes())
	find(t, m, "dir-reseau")
	// a field not written yet: set from its closed list, added after the last field
	toRow(t, m, "tier")
	press(t, m, "enter")
	typeText(t, m, "centr")
	press(t, m, "enter")
	toRow(t, m, "phase")
	press(t, m, "enter")
	typeText(t, m, "regions")
	press(t, m, "enter")
	want := "      - { profile: assistant, count: 1 }\n    tier: central\n    phase: ph-b-regions\n  - id: div-recours\n"
	if !bytes.Contains(m.doc.Bytes(), []byte(want)) {
		t.Fatalf("fields not added:\n%s", m.doc.Bytes()[:5000])
	}
	// a list not written yet starts with the item chosen
	toRow(t, m, "functionalTo")
	press(t, m, "enter")
	typeText(t, m, "dir-prestations")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("    phase: ph-b-regions\n    functionalTo:\n      - dir-prestations\n")) {
		t.Fatalf("list not started:\n%s", m.doc.Bytes()[:5000])
	}
	// a text keeps its quoting; only its line changes
	find(t, m, "dir-prestations")
	toRow(t, m, "description")
	press(t, m, "enter", "end")
	typeText(t, m, " Révisé.")
	press(t, m, "enter")
	got := changedLines(t, before, bytes.Replace(m.doc.Bytes(), []byte(
		"    tier: central\n    phase: ph-b-regions\n    functionalTo:\n      - dir-prestations\n"), nil, 1))
	if len(got) != 1 || got[0] != `    description: "Doctrine, règles d'instruction, contrôle de qualité et cas complexes ; l'instruction courante passe aux délégations. Révisé."` {
		t.Fatalf("changed lines: %q", got)
	}
}

func TestFlowStyleItemsAndBooleans(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), "anas-hybride.yaml"))
	before := bytes.Clone(m.doc.Bytes())
	press(t, m, "4")
	find(t, m, "if-si-asd-crm")
	toRow(t, m, "personalData") // a boolean toggles with enter
	press(t, m, "enter")
	toRow(t, m, "agreement")
	press(t, m, "enter")
	typeText(t, m, "signed")
	press(t, m, "enter")
	toRow(t, m, "stages 2") // an item of a flow list: deleted after asking
	press(t, m, "d", "y")
	got := changedLines(t, before, m.doc.Bytes())
	want := "  - { id: if-si-asd-crm, from: si-asd, to: crm-omnicanal, data: [état du dossier, motif de refus, historique des paiements], stages: [outreach, exit], personalData: false, mode: api, frequency: continue, agreement: signed, legalBasis: Loi 09-08, phase: ph-c-socle }"
	if len(got) != 1 || got[0] != want {
		t.Fatalf("changed lines:\n%q\nwant\n%q", got, want)
	}
}

func TestChainStageCopiedWhole(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("common.yaml", `scenario: { id: commun, title: Commun, partial: true }
actors:
  - { id: op-a, name: Opérateur A, kind: operator }
  - { id: op-b, name: Opérateur B, kind: operator }
units:
  - { id: dg, name: Direction générale, kind: executive }
chain:
  - { stage: payment, accountable: dg, responsible: [op-a] }
  - { stage: payment, accountable: dg, responsible: [op-b] }
  - { stage: intake, accountable: dg }
`)
	write("option.yaml", "scenario:\n  id: option\n  title: Option\n  extends: common.yaml\n")
	m := open(t, filepath.Join(dir, "option.yaml"))
	press(t, m, "2")
	find(t, m, "payment")
	press(t, m, "c")
	mustContain(t, screen(m), "stage payment copied from common.yaml (2 entries)")
	want := "chain:\n  - { stage: payment, accountable: dg, responsible: [op-a] }\n  - { stage: payment, accountable: dg, responsible: [op-b] }\n"
	if !strings.HasSuffix(string(m.doc.Bytes()), want) {
		t.Fatalf("text:\n%s", m.doc.Bytes())
	}
	var payment []bool
	for _, e := range m.list {
		if e.section == "chain" && e.id == "payment" {
			payment = append(payment, e.own(m.res))
		}
	}
	if !slices.Equal(payment, []bool{true, true}) {
		t.Fatalf("payment entries (own?): %v", payment)
	}
	// adding an entry for a stage says it replaces the inherited ones
	press(t, m, "a")
	typeText(t, m, "intake")
	press(t, m, "enter")
	mustContain(t, screen(m), "it replaces the 1 entry of intake inherited")
}

// TestRenameUpdatesReferences: changing an item's id changes, in the same
// step, every field of the file that names it (a RACI party, a unit's
// superior, a mitigation's owner...), and nothing else; one undo brings all
// back. (dir-reseau is the option's own: it overrides nothing.)
func TestRenameUpdatesReferences(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	before := bytes.Clone(m.doc.Bytes())
	refs := regexp.MustCompile(`(reportsTo|accountable|owner): dir-reseau\b`)
	if n := len(refs.FindAll(before, -1)); n != 5 {
		t.Fatalf("the fixture refers to dir-reseau %d times, want 5", n)
	}
	find(t, m, "dir-reseau")
	toRow(t, m, "id")
	press(t, m, "enter")
	for range len("dir-reseau") {
		press(t, m, "backspace")
	}
	typeText(t, m, "dir-res ") // the space is not part of the id
	press(t, m, "enter")
	if m.mode != modeNormal {
		t.Fatalf("renaming an item that overrides nothing asked: %s", screen(m))
	}
	after := m.doc.Bytes()
	if e, ok := m.selected(); !ok || e.id != "dir-res" {
		t.Errorf("the renamed unit is no longer selected: %+v", e)
	}
	if refs.Match(after) {
		t.Errorf("a reference was left:\n%s", after)
	}
	if n := len(regexp.MustCompile(`(reportsTo|accountable|owner): dir-res\b`).FindAll(after, -1)); n != 5 {
		t.Errorf("%d references to dir-res, want 5", n)
	}
	if got := changedLines(t, before, after); len(got) != 6 { // the id and the 5 references, each on its line
		t.Errorf("%d lines changed: %q", len(got), got)
	}
	mustContain(t, screen(m), "dir-reseau → dir-res, 5 references updated", "0 errors")
	press(t, m, "u")
	if !bytes.Equal(m.doc.Bytes(), before) {
		t.Fatal("one undo did not bring every reference back")
	}
}

// TestRenameOverride: renaming an item that overrides an inherited one
// (option B's dir-prestations overrides common.yaml's) says so before doing
// anything: renamed alone, the inherited one would come back beside it (a
// second Direction des prestations and its staff). The offer: rename it and
// add the old id to remove: (saying how many inherited references would
// then name nothing), or cancel.
func TestRenameOverride(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	run(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	before := bytes.Clone(m.doc.Bytes())
	heads := m.res.resolved.Headcount()
	find(t, m, "dir-prestations")
	mustContain(t, screen(m), "overrides the one of common.yaml")
	retype(t, m, "id", "dir-prestations", "dir-prest")
	mustContain(t, m.confirm, "dir-prestations overrides the unit inherited from common.yaml: renamed alone, the inherited one would come back",
		"Rename it dir-prest and add dir-prestations to remove:?", "17 references in the files extended would then name nothing: m-gestion-asd responsible 1, m-instruction accountable",
		"… 13 more (common.yaml).")
	mustContain(t, strings.Join(strings.Fields(screen(m)), " "), m.confirm+" (y/n)") // shown whole
	if !bytes.Equal(m.doc.Bytes(), before) {
		t.Fatal("the text changed before the answer")
	}
	// n: nothing changes
	press(t, m, "n")
	if !bytes.Equal(m.doc.Bytes(), before) || m.mode != modeNormal {
		t.Fatal("n changed the text")
	}
	// y: renamed, references updated, and the inherited one dropped in the same step
	retype(t, m, "id", "dir-prestations", "dir-prest")
	press(t, m, "y")
	after := m.doc.Bytes()
	if !bytes.HasSuffix(after, []byte("\nremove:\n  - dir-prestations\n")) {
		t.Fatalf("dir-prestations not added to remove:\n%s", after[max(len(after)-300, 0):])
	}
	if got := changedLines(t, before, bytes.TrimSuffix(after, []byte("remove:\n  - dir-prestations\n"))); len(got) != 10 {
		t.Errorf("%d lines changed: %q", len(got), got)
	}
	mustContain(t, screen(m), "9 references updated, dir-prestations added to remove:")
	// one Direction des prestations, with its own staff: the inherited one did not come back
	r := m.res.resolved
	if n := countIf(r.Units, func(u *model.Unit) bool { return u.Name == "Direction des prestations" }); n != 1 {
		t.Errorf("%d units named Direction des prestations, want 1", n)
	}
	if r.Headcount() != heads {
		t.Errorf("headcount %d, want %d: the inherited unit came back", r.Headcount(), heads)
	}
	press(t, m, "u")
	if !bytes.Equal(m.doc.Bytes(), before) {
		t.Fatal("one undo did not bring everything back")
	}
}

// TestContextTab: actors, phases, staff profiles and prerequisites are
// edited in their tab: a phase's dates are checked as typed, renaming a
// phase renames every `phase:` naming it, and `a` adds an actor (a section
// the file did not have yet), a profile and a prerequisite with the fields
// validation requires.
func TestContextTab(t *testing.T) {
	m := open(t, filepath.Join(copyScenarios(t), option))
	press(t, m, "6")
	var headings []string
	for _, e := range m.list {
		if e.header {
			headings = append(headings, e.label)
		}
	}
	if got := strings.Join(headings, ", "); got != "Frame, Actors, Relations, Phases, Staff profiles, Prerequisites" {
		t.Fatalf("headings %q", got)
	}

	find(t, m, "ph-b-regions")
	if e, _ := m.selected(); e.section != "phases" || e.id != "ph-b-regions" {
		t.Fatalf("selected %+v", e)
	}
	if !regexp.MustCompile(`opens \d+ units? \([\d ,]+ staff\)`).MatchString(screen(m)) {
		t.Errorf("the phase does not say what it opens:\n%s", screen(m))
	}
	toRow(t, m, "end")
	press(t, m, "enter")
	for range len("2028-06") {
		press(t, m, "backspace")
	}
	typeText(t, m, "2028-13")
	mustContain(t, screen(m), "✖ a date: YYYY, YYYY-MM or YYYY-MM-DD")
	press(t, m, "backspace", "backspace")
	typeText(t, m, "12")
	press(t, m, "enter")
	if !bytes.Contains(m.doc.Bytes(), []byte("start: 2027-07, end: 2028-12 }")) {
		t.Fatalf("the end date was not written in place:\n%s", m.doc.Bytes())
	}

	before := bytes.Count(m.doc.Bytes(), []byte("ph-b-regions"))
	retype(t, m, "id", "ph-b-regions", "ph-regions")
	after := m.doc.Bytes()
	if bytes.Contains(after, []byte("ph-b-regions")) || bytes.Count(after, []byte("ph-regions")) != before {
		t.Fatalf("the phase's references were not all renamed (%d before):\n%s", before, after)
	}
	mustContain(t, screen(m), fmt.Sprintf("%d references updated", before-1), "0 errors")

	press(t, m, "tab") // back to the list
	find(t, m, "cadre-dirigeant")
	if !regexp.MustCompile(`\d+ staff in \d+ units`).MatchString(screen(m)) {
		t.Errorf("the profile does not say how many have it:\n%s", screen(m))
	}
	find(t, m, "chef-gouvernement")
	addNew(t, m, "cour-comptes")
	mustWrite(t, m, "\nactors:\n  - { id: cour-comptes, name: New actor, kind: ministry }\n", "a new actor")
	choose(t, m, "kind", "oversight")
	mustWrite(t, m, "{ id: cour-comptes, name: New actor, kind: oversight }", "the actor's kind chosen from its list")
	press(t, m, "tab")
	for _, c := range []struct{ near, id, want string }{
		{"ph-regions", "ph-c-pilote", "id: ph-c-pilote, title: New phase"},
		{"pre-b-budget", "pre-budget", "  - { id: pre-budget, title: New prerequisite }\n"},
	} {
		find(t, m, c.near)
		addNew(t, m, c.id)
		mustSelect(t, m, c.id, "after adding")
		mustWrite(t, m, c.want, "in the flow style of its neighbours")
	}
	mustContain(t, screen(m), "0 errors")

	// Relations have no id: the file's own are edited in place, an inherited
	// one is copied into the file to override it, a new one starts from the
	// end chosen.
	find(t, m, "dr → autorites-locales")
	if e, _ := m.selected(); e.section != "relations" || !e.own(m.res) {
		t.Fatalf("selected %+v", e)
	}
	choose(t, m, "kind", "service")
	mustWrite(t, m, "{ from: dr, to: autorites-locales, kind: service, label:", "the relation's kind changed in place")
	mustSelect(t, m, "dr → autorites-locales (service)", "after changing the kind")
	press(t, m, "tab")
	find(t, m, "anr → agency")
	if e, _ := m.selected(); e.section != "relations" || e.own(m.res) {
		t.Fatalf("selected %+v, want the inherited relation", e)
	}
	press(t, m, "c")
	mustWrite(t, m, "  - { from: anr, to: agency, kind: data, label:", "the inherited relation copied")
	addNew(t, m, "cour-comptes")
	mustWrite(t, m, "  - { from: cour-comptes, to: agency, kind: coordination }\n", "a new relation")
	mustSelect(t, m, "cour-comptes → agency (coordination)", "after adding a relation")
	press(t, m, "d", "y")
	if bytes.Contains(m.doc.Bytes(), []byte("from: cour-comptes")) {
		t.Error("the new relation was not deleted")
	}
	mustContain(t, screen(m), "0 errors")
}

// TestGroupsOfFields: the institutional frame and the transition are groups
// of fields merged field by field with the file extended: the fields not
// written show their inherited value; setting one writes it in this file,
// with the group when the file has none; deleting it brings the inherited
// value back.
func TestGroupsOfFields(t *testing.T) {
	dir := copyScenarios(t)
	name := filepath.Join(dir, "mini.yaml")
	if err := os.WriteFile(name, []byte("scenario:\n  id: mini\n  title: Mini\n  extends: common.yaml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := open(t, name)
	press(t, m, "6")
	find(t, m, "Institutional frame")
	mustSelect(t, m, "institution", "the institutional frame")
	mustContain(t, screen(m), "legalForm          ↑ autonomous-agency", "those marked ↑", "are inherited: setting one writes it here")
	press(t, m, "a")
	mustContain(t, screen(m), "a group of fields, not a list")

	choose(t, m, "payments", "mixed")
	mustWrite(t, m, "  extends: common.yaml\ninstitution: { payments: mixed }\n", "the first field written with its group")
	if e, _ := m.selected(); e.pos.Line != 5 {
		t.Errorf("the group is placed on line %d, want 5 where it is now written", e.pos.Line)
	}
	choose(t, m, "staffStatus", "civil-service")
	mustWrite(t, m, "institution: { payments: mixed, staffStatus: civil-service }\n", "a second field")
	toRow(t, m, "financialAutonomy")
	press(t, m, "enter") // inherited true: toggled to false, written here
	mustWrite(t, m, "staffStatus: civil-service, financialAutonomy: false }", "a flag toggled")
	toRow(t, m, "legalForm")
	press(t, m, "d")
	mustContain(t, screen(m), "legalForm is inherited: nothing to delete here")
	toRow(t, m, "payments")
	press(t, m, "d", "y")
	mustWrite(t, m, "institution: { staffStatus: civil-service, financialAutonomy: false }\n", "a field deleted")
	mustContain(t, screen(m), "payments           ↑ outsourced")

	press(t, m, "tab")
	find(t, m, "Transition")
	mustSelect(t, m, "transition", "the transition")
	toRow(t, m, "cost")
	press(t, m, "enter")
	typeText(t, m, "1500000.5")
	press(t, m, "enter")
	mustWrite(t, m, "transition: { cost: 1500000.5 }\n", "a number with its group")

	// An inherited list is shown by its length and locked.
	press(t, m, "tab")
	find(t, m, "Demand")
	mustSelect(t, m, "demand", "the demand")
	mustContain(t, screen(m), "households       ↑ 3900000", "standards        ↑ 2 items")
	toRow(t, m, "standards")
	press(t, m, "enter")
	mustContain(t, screen(m), "standards is inherited from what this file extends: c copies it here")
	retype(t, m, "households", "3900000", "4500000") // the inherited value is where the edit starts
	mustWrite(t, m, "demand: { households: 4500000 }\n", "the households")
	// c copies an inherited list here, where it overrides the inherited one
	// and is edited like any other.
	toRow(t, m, "standards")
	press(t, m, "c")
	mustWrite(t, m, "demand: { households: 4500000, standards: [ { profile: gestionnaire, onePer: 40000, of: households }, "+
		"{ profile: agent-accueil, onePer: 15000, of: households, tier: provincial } ] }\n", "the standards copied")
	retype(t, m, "standards 2 onePer", "15000", "10000")
	mustWrite(t, m, "{ profile: agent-accueil, onePer: 10000, of: households, tier: provincial }", "a copied standard changed")
	press(t, m, "u", "u") // back to the households alone, a group in flow style
	mustWrite(t, m, "demand: { households: 4500000 }\n", "undone")

	// A rename reaches a group's references.
	press(t, m, "tab")
	find(t, m, "chef-gouvernement")
	addNew(t, m, "tutelle-x")
	press(t, m, "tab")
	find(t, m, "Institutional frame")
	choose(t, m, "supervision", "tutelle-x")
	mustWrite(t, m, "financialAutonomy: false, supervision: tutelle-x }", "the supervision chosen")
	press(t, m, "tab")
	find(t, m, "tutelle-x")
	retype(t, m, "id", "tutelle-x", "tutelle-y")
	mustWrite(t, m, "supervision: tutelle-y }", "the supervision renamed")
	mustContain(t, screen(m), "1 reference updated", "0 errors")
}

// TestRenameTellsAboutExtendingFiles: a rename changes the edited file
// only; the status says how many references the files beside it that
// extend it (directly or through another) still hold, and which files. A
// file using aliases is left out (walking it could explode).
func TestRenameTellsAboutExtendingFiles(t *testing.T) {
	dir := copyScenarios(t)
	extra := map[string]string{
		"sub.yaml":   "scenario: { id: sub, title: Sub, extends: anas-centrale.yaml }\nprerequisites:\n  - { id: p1, title: P, owner: mef-budget }\n",
		"alias.yaml": "scenario: { id: al, title: Al, extends: common.yaml }\nx: &x mef-budget\nprerequisites:\n  - { id: p2, title: P, owner: *x }\n",
		"other.yaml": "scenario: { id: ot, title: Ot }\nprerequisites:\n  - { id: p3, title: P, owner: mef-budget }\n",
	}
	for name, text := range extra {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := open(t, filepath.Join(dir, "common.yaml"))
	press(t, m, "6")
	find(t, m, "mef-budget")
	mustSelect(t, m, "mef-budget", "the actor")
	retype(t, m, "id", "mef-budget", "mef")
	got := regexp.MustCompile(`; (\d+) in \d+ files extending this one still name mef-budget: (.*)$`).FindStringSubmatch(m.status)
	if got == nil {
		t.Fatalf("status %q", m.status)
	}
	files := strings.Split(got[2], ", ")
	want, refs := []string{"sub.yaml"}, 1 // the fixtures name mef-budget only as a reference
	for _, f := range []string{"anas-actuel.yaml", "anas-centrale.yaml", "anas-deconcentree.yaml", "anas-hybride.yaml"} {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte("mef-budget")); n > 0 {
			want, refs = append(want, f), refs+n
		}
	}
	slices.Sort(want)
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("files %v, want %v (not alias.yaml, not other.yaml)", files, want)
	}
	if n, _ := strconv.Atoi(got[1]); n != refs {
		t.Errorf("%d references counted, want %d", n, refs)
	}
}

// TestCopyInheritedListInBlock: in a group written in block style, a copied
// inherited list is a block list, an item a line.
func TestCopyInheritedListInBlock(t *testing.T) {
	dir := copyScenarios(t)
	name := filepath.Join(dir, "mini.yaml")
	if err := os.WriteFile(name, []byte("scenario:\n  id: mini\n  title: Mini\n  extends: common.yaml\ndemand:\n  households: 4000000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := open(t, name)
	press(t, m, "6")
	find(t, m, "Demand")
	toRow(t, m, "standards")
	press(t, m, "c")
	mustWrite(t, m, "demand:\n  households: 4000000\n  standards:\n"+
		"    - { profile: gestionnaire, onePer: 40000, of: households }\n"+
		"    - { profile: agent-accueil, onePer: 15000, of: households, tier: provincial }\n", "the standards copied in block style")
	mustContain(t, screen(m), "0 errors")
}
