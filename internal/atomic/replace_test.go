package atomic

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// snapshot records every entry under dir: its kind, mode, bytes or link.
func snapshot(t *testing.T, dir string) map[string]string {
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
		v := info.Mode().String() + " " + info.ModTime().Format(time.RFC3339Nano)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			link, _ := os.Readlink(p)
			v += " -> " + link
		case d.Type().IsRegular():
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

func plant(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

// ownsPages owns *.page at the top and out/*.svg.
func ownsPages(name string) bool {
	dir, base := path.Split(name)
	return (dir == "" && strings.HasSuffix(base, ".page")) || (dir == "out/" && strings.HasSuffix(base, ".svg"))
}

func TestReplaceTree(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "report")
	plant(t, dir, map[string]string{"old.page": "old", "a.page": "old a", "out/old.svg": "x", "notes.txt": "mine", "sub/deep.txt": "deep", "out/logo.png": "png"})
	if err := os.Symlink("notes.txt", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "empty"), 0o700); err != nil {
		t.Fatal(err)
	}
	paths, err := ReplaceTree(dir, []File{{"a.page", []byte("new a")}, {"out/a.svg", []byte("<svg/>")}}, ownsPages)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, "a.page"), filepath.Join(dir, "out", "a.svg")}; !slices.Equal(paths, want) {
		t.Errorf("paths %q, want %q", paths, want)
	}
	got := snapshot(t, dir)
	want := map[string]string{"a.page": "new a", "out/a.svg": "<svg/>", // written
		"notes.txt": "mine", "sub/deep.txt": "deep", "out/logo.png": "png"} // kept
	for name, data := range want {
		v, ok := got[name]
		if !ok || !strings.HasSuffix(v, " "+data) {
			t.Errorf("%s = %q, want %q", name, v, data)
		}
	}
	for _, gone := range []string{"old.page", "out/old.svg"} {
		if _, ok := got[gone]; ok {
			t.Errorf("%s left behind", gone)
		}
	}
	if v := got["link"]; !strings.HasSuffix(v, "-> notes.txt") {
		t.Errorf("link = %q, want the symbolic link kept", v)
	}
	if v := got["empty"]; !strings.HasPrefix(v, "drwx------") {
		t.Errorf("empty = %q, want the empty folder kept with its mode", v)
	}
	if v := got["notes.txt"]; !strings.HasPrefix(v, "-rw-r-----") {
		t.Errorf("notes.txt = %q, want its mode kept", v)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("beside the folder: %v", entries)
	}
}

// TestReplaceTreeFailureLeavesDirAsItWas fails the replacement at every point
// before the swap: the folder keeps every byte, mode and time, and nothing is
// left beside it.
func TestReplaceTreeFailureLeavesDirAsItWas(t *testing.T) {
	for name, c := range map[string]struct {
		files []File
		setup func(t *testing.T, dir string)
		hook  func(string) error
	}{
		"injected error before the swap": {
			files: []File{{"a.page", []byte("new")}},
			hook:  func(string) error { return errors.New("disk full") },
		},
		"a folder where a file goes": {
			files: []File{{"a.page", []byte("new")}, {"b.page", []byte("b")}},
			setup: func(t *testing.T, dir string) { plant(t, dir, map[string]string{"b.page/inside": "x"}) },
		},
		"a file where a folder goes": {
			files: []File{{"a.page", []byte("new")}, {"out/a.svg", []byte("b")}},
			setup: func(t *testing.T, dir string) { plant(t, dir, map[string]string{"out": "x"}) },
		},
		"a name outside the folder": {
			files: []File{{"a.page", []byte("new")}, {"../b.page", []byte("b")}},
		},
	} {
		t.Run(name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "report")
			plant(t, dir, map[string]string{"a.page": "old", "old.page": "old", "notes.txt": "mine"})
			if c.setup != nil {
				c.setup(t, dir)
			}
			before := snapshot(t, dir)
			beforeSwap = c.hook
			defer func() { beforeSwap = nil }()
			if _, err := ReplaceTree(dir, c.files, ownsPages); err == nil {
				t.Fatal("no error")
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Errorf("the folder changed:\nbefore %q\nafter  %q", before, after)
			}
			if entries, _ := os.ReadDir(root); len(entries) != 1 {
				t.Errorf("beside the folder: %v", entries)
			}
		})
	}
}

func TestReplaceTreeTargets(t *testing.T) {
	root := t.TempDir()
	// A new folder, parents included.
	dir := filepath.Join(root, "a", "b")
	if _, err := ReplaceTree(dir, []File{{"x.page", []byte("x")}}, ownsPages); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o755 {
		t.Errorf("new folder: %v, %v", st, err)
	}
	// A symbolic link to a folder: the folder it points to is replaced, the link stays.
	link := filepath.Join(root, "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReplaceTree(link, []File{{"y.page", []byte("y")}}, ownsPages); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.page")); !os.IsNotExist(err) {
		t.Error("x.page was not removed through the link")
	}
	// A file, and the working directory, are refused.
	file := filepath.Join(root, "file")
	plant(t, root, map[string]string{"file": "f"})
	if _, err := ReplaceTree(file, nil, ownsPages); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file: %v", err)
	}
	t.Chdir(dir)
	for _, d := range []string{".", "..", dir} {
		if _, err := ReplaceTree(d, nil, ownsPages); err == nil || !strings.Contains(err.Error(), "current folder") {
			t.Errorf("%s: %v", d, err)
		}
	}
}

// TestReplaceTreeRemovesStaleLeftovers: the hidden folders a killed run left
// beside the target go once they are an hour old; younger ones (perhaps
// another run's, still going) and other hidden folders stay.
func TestReplaceTreeRemovesStaleLeftovers(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "pack")
	old := time.Now().Add(-2 * time.Hour)
	for _, n := range []string{".pack.new-1", ".pack.old-2", ".pack.new-young", ".other.new-3", ".pack.notes"} {
		p := filepath.Join(root, n)
		if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
			t.Fatal(err)
		}
		if n != ".pack.new-young" {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := ReplaceTree(dir, []File{{Name: "index.html", Data: []byte("x")}}, ownsPages); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".other.new-3", ".pack.new-young", ".pack.notes", "pack"}; !slices.Equal(names, want) {
		t.Errorf("beside the folder: %q, want %q", names, want)
	}
}
