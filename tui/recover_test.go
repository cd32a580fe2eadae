package tui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRecoveryNeverReplacesAnother: an earlier session's recovery file not yet
// looked at stays; this session writes the next free name, and keeps to it.
func TestRecoveryNeverReplacesAnother(t *testing.T) {
	dir := copyScenarios(t)
	path := filepath.Join(dir, option)
	first := path + RecoverSuffix
	if err := os.WriteFile(first, []byte("earlier work"), 0o644); err != nil {
		t.Fatal(err)
	}
	g := &guard{path: path}
	g.set([]byte("text 1"), true)
	if err := g.rescue("stopped"); err == nil || !strings.HasSuffix(err.Error(), "written to "+first+".2") {
		t.Fatalf("rescue: %v", err)
	}
	g.set([]byte("text 2"), true)
	if err := g.rescue("stopped"); err == nil || !strings.HasSuffix(err.Error(), "written to "+first+".2") {
		t.Fatalf("second rescue: %v", err)
	}
	for file, want := range map[string]string{first: "earlier work", first + ".2": "text 2"} {
		if got, err := os.ReadFile(file); err != nil || string(got) != want {
			t.Fatalf("%s holds %q (%v), want %q", file, got, err, want)
		}
	}
	if ce := g.crash("boom", nil); ce.Recovered != first+".2" {
		t.Fatalf("a crash after a rescue wrote %q", ce.Recovered)
	}

	// Names that only look alike are not recovery files.
	for _, n := range []string{option + RecoverSuffix + ".x", option + RecoverSuffix + "-2", "x" + option + RecoverSuffix} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(first+".10", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := recoveries(path), []string{first, first + ".2", first + ".10"}; !slices.Equal(got, want) {
		t.Fatalf("recoveries: %q, want %q", got, want)
	}
	mustContain(t, screen(open(t, path)), "unsaved changes of an earlier session are in")
	if rs := recoveries(filepath.Join(dir, "common.yaml")); len(rs) != 0 {
		t.Fatalf("recoveries of another file: %q", rs)
	}
}
