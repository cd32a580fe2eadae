package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestJourney runs the editor as a program (teatest): open the default
// option B, find a unit, edit a staff count, save, quit; then read the file
// back: one line changed, and a new session shows the new headcount.
func TestJourney(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	before, _ := os.ReadFile(path)
	m := open(t, path)
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitText := func(want string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return strings.Contains(ansi.Strip(string(b)), want)
		}, teatest.WithDuration(5*time.Second))
	}
	send := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}
	waitText("842")
	send("/")
	tm.Type("dir-prestations")
	send("enter", "tab")
	// the fields of dir-prestations: id, name, kind, reportsTo, functionalTo,
	// its item, staff, the first line's heading, profile, count
	for range 9 {
		send("down")
	}
	send("enter")
	waitText("editing")
	send("backspace")
	tm.Type("20")
	send("enter")
	waitText("+19") // 861 staff +19, recomputed in a command
	send("ctrl+s")
	waitText("saved")
	send("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
	if final.Err() != nil || final.dirty() {
		t.Fatalf("final state: err %v, dirty %v", final.Err(), final.dirty())
	}

	after, _ := os.ReadFile(path)
	if got := changedLines(t, before, after); len(got) != 1 || got[0] != "      - { profile: cadre-dirigeant, count: 20 }" {
		t.Fatalf("changed lines: %q", got)
	}
	if bytes.Equal(before, after) {
		t.Fatal("nothing saved")
	}
	again := open(t, path)
	mustContain(t, screen(again), "861 staff")
	mustNotContain(t, screen(again), "842 staff", "modified")
	find(t, again, "dir-prestations")
	mustContain(t, screen(again), "45 staff")
}
