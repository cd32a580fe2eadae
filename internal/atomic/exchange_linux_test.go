package atomic

import (
	"os"
	"path/filepath"
	"testing"
)

// TestExchange: on Linux the two folders swap names in one step; swap uses
// it, so the target is never missing (TestReplaceTreeKilled checks the
// whole; this checks the step it relies on is taken, not the fallback).
func TestExchange(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for name, mark := range map[string]string{a: "old", b: "new"} {
		if err := os.MkdirAll(name, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(name, "mark"), []byte(mark), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ok, err := exchange(a, b)
	if !ok {
		t.Skip("this file system cannot exchange names: swap renames in two steps")
	}
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(a, "mark")); string(got) != "new" {
		t.Errorf("a holds %q after the exchange, want new", got)
	}
	if got, _ := os.ReadFile(filepath.Join(b, "mark")); string(got) != "old" {
		t.Errorf("b holds %q after the exchange, want old", got)
	}
}
