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
