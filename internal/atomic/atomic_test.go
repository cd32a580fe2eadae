package atomic

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFilesReplacesAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "a.txt"), []byte("old a")); err != nil {
		t.Fatal(err)
	}
	// A folder where the second file should go: nothing is replaced.
	if err := os.Mkdir(filepath.Join(dir, "b.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFiles(dir, []File{{"a.txt", []byte("new a")}, {"b.txt", []byte("b")}}); err == nil {
		t.Fatal("no error with a folder in the way")
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.txt")); string(b) != "old a" {
		t.Errorf("a.txt = %q, want the old content", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	// Names that would leave the folder are refused.
	for _, bad := range []string{"../x", "sub/x", ".hidden", ""} {
		if _, err := WriteFiles(dir, []File{{bad, nil}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	paths, err := WriteFiles(filepath.Join(dir, "new"), []File{{"c.txt", []byte("c")}})
	if err != nil || len(paths) != 1 {
		t.Fatal(paths, err)
	}
	if b, _ := os.ReadFile(paths[0]); string(b) != "c" {
		t.Errorf("c.txt = %q", b)
	}
}

func TestWriteTree(t *testing.T) {
	dir := t.TempDir()
	paths, err := WriteTree(dir, []File{{"index.html", []byte("i")}, {"charts/a.svg", []byte("a")}, {"charts/b.svg", []byte("b")}})
	if err != nil || len(paths) != 3 || paths[1] != filepath.Join(dir, "charts", "a.svg") {
		t.Fatal(paths, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "charts", "b.svg")); string(b) != "b" {
		t.Errorf("charts/b.svg = %q", b)
	}
	// A folder in the way of the last file: nothing is replaced, nothing left behind.
	if err := os.MkdirAll(filepath.Join(dir, "charts", "c.svg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteTree(dir, []File{{"index.html", []byte("new")}, {"charts/a.svg", []byte("new")}, {"charts/c.svg", nil}}); err == nil {
		t.Fatal("no error with a folder in the way")
	}
	for name, want := range map[string]string{"index.html": "i", "charts/a.svg": "a"} {
		if b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); string(b) != want {
			t.Errorf("%s = %q, want the old %q", name, b, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "charts"))
	if len(entries) != 3 {
		t.Errorf("left behind in charts/: %v", entries)
	}
	for _, bad := range []string{"../x", "charts/../x", "charts/.hidden", "/abs", "a//b", "charts/", `a\b`, "c:x", ""} {
		if _, err := WriteTree(dir, []File{{bad, nil}}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "x")); !os.IsNotExist(err) {
		t.Error("a file was written outside the folder")
	}
}

// TestWriteFileHiddenAndPermissions: a hidden name can be written (the
// editor saves .brouillon.yaml), a replaced file keeps its permissions, a
// folder in the way is refused.
func TestWriteFileHiddenAndPermissions(t *testing.T) {
	dir := t.TempDir()
	hidden := filepath.Join(dir, ".brouillon.yaml")
	if err := WriteFile(hidden, []byte("a")); err != nil {
		t.Fatalf("hidden name: %v", err)
	}
	if err := os.Chmod(hidden, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(hidden, []byte("b")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(hidden)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(hidden); string(b) != "b" || st.Mode().Perm() != 0o600 {
		t.Errorf("after a replacement: %q, mode %v; want \"b\", 0600", b, st.Mode().Perm())
	}
	copyOf := filepath.Join(dir, "copie.yaml")
	if err := WriteFileLike(copyOf, []byte("c"), hidden); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(copyOf); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("a copy of a private file: %v, %v; want mode 0600", st.Mode().Perm(), err)
	}
	if err := os.Remove(copyOf); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(dir, "a", "b", "c.svg")
	if err := WriteFile(deep, []byte("d")); err != nil {
		t.Fatalf("a file in folders to create: %v", err)
	}
	if err := os.RemoveAll(filepath.Join(dir, "a")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dir, []byte("x")); err == nil {
		t.Error("a folder was replaced by a file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left beside the file: %v", entries)
	}
}
