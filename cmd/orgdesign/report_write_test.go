package main

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree records every entry under dir: kind and mode, bytes or link target.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		v := info.Mode().String() + " " + info.ModTime().String()
		if d.Type().IsRegular() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			v += " " + string(b)
		}
		out[filepath.ToSlash(rel)] = v
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReportFailureLeavesFolder runs the command in process over a folder
// holding an earlier report, a leftover page and the user's notes: a run that
// fails (a folder where a page goes) changes nothing in it, and nothing is
// left beside it; once the obstacle is gone, a run removes the leftover and
// keeps the notes.
func TestReportFailureLeavesFolder(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "pack")
	run := func() (int, string) {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"report", "-o", dir, "--format", "md"}, strings.NewReader(""), &stdout, &stderr)
		return code, stderr.String()
	}
	if code, stderr := run(); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	for name, data := range map[string]string{"ancien.md": "old page", "notes.txt": "notes", "anas-hybride.md/x": "in the way"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.RemoveAll(filepath.Join(dir, strings.Split(name, "/")[0])); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := tree(t, dir)
	code, stderr := run()
	if code != exitUsage || !strings.Contains(stderr, "anas-hybride.md is a folder") {
		t.Errorf("exit %d, stderr %q; want 2 naming the folder in the way", code, stderr)
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		for name := range before {
			if before[name] != after[name] {
				t.Errorf("%s changed: %.60q → %.60q", name, before[name], after[name])
			}
		}
		for name := range after {
			if _, ok := before[name]; !ok {
				t.Errorf("%s appeared", name)
			}
		}
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("beside the folder: %v", entries)
	}
	if err := os.RemoveAll(filepath.Join(dir, "anas-hybride.md")); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "ancien.md")); !os.IsNotExist(err) {
		t.Errorf("the leftover page is still there: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "notes.txt")); err != nil || string(b) != "notes" {
		t.Errorf("notes.txt = %q, %v", b, err)
	}
}
