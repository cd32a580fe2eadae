package atomic

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// crashFiles is the tree the child process writes: many small files, each
// synced, so that a run lasts long enough to be killed at any point of it.
func crashFiles(version string, n int) []File {
	files := make([]File, n)
	for i := range files {
		files[i] = File{Name: fmt.Sprintf("d%02d/f%04d.txt", i%10, i), Data: bytes.Repeat([]byte(version+"\n"), 512)}
	}
	return files
}

const crashN = 300

// TestCrashChild is the child process of TestReplaceTreeKilled: it replaces
// the folder named by the environment with the "new" tree, then a file
// beside it with WriteFile.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv("ORGDESIGN_ATOMIC_CRASH_DIR")
	if dir == "" {
		t.Skip("child process of TestReplaceTreeKilled")
	}
	if _, err := ReplaceTree(dir, crashFiles("new", crashN), func(string) bool { return true }); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(dir+".txt", bytes.Repeat([]byte("new\n"), 1<<20)); err != nil {
		t.Fatal(err)
	}
}

// TestReplaceTreeKilled kills a process at moments spread over its run while
// it replaces a folder and a file: every time, the folder exists and holds
// the old tree whole or the new one whole, and the file the old bytes or the
// new ones, never a mix, a gap or half a file.
func TestReplaceTreeKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the crash test runs a child process a dozen times")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "pack")
	reset := func() { // plain writes: the old state need not be written safely
		for _, f := range crashFiles("old", crashN) {
			p := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(dir+".txt", bytes.Repeat([]byte("old\n"), 1<<20), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ORGDESIGN_ATOMIC_CRASH_DIR="+dir)
		return cmd
	}

	// One whole run tells how long the child takes here.
	reset()
	start := time.Now()
	if out, err := child().CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	whole := time.Since(start)
	if v := version(t, dir); v != "new" {
		t.Fatalf("after a whole run the folder holds %q", v)
	}

	seen := map[string]int{}
	const kills = 12
	for k := range kills {
		reset()
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(whole * time.Duration(k) / kills)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		v := version(t, dir)
		seen[v]++
		b, err := os.ReadFile(dir + ".txt")
		if err != nil {
			t.Fatalf("kill %d: the file is gone: %v", k, err)
		}
		if !bytes.Equal(b, bytes.Repeat([]byte("old\n"), 1<<20)) && !bytes.Equal(b, bytes.Repeat([]byte("new\n"), 1<<20)) {
			t.Fatalf("kill %d: the file is half written (%d bytes)", k, len(b))
		}
		// What a kill leaves is hidden and beside the target, never in it.
		entries, _ := os.ReadDir(root)
		for _, e := range entries {
			if n := e.Name(); n != "pack" && n != "pack.txt" && !strings.HasPrefix(n, ".pack") {
				t.Errorf("kill %d left %s", k, n)
			}
			_ = os.RemoveAll(filepath.Join(root, e.Name()))
		}
	}
	t.Logf("a whole run takes %v; after %d kills the folder held: %v", whole.Round(time.Millisecond), kills, seen)
}

// version reads the tree in dir: "old" or "new" when every file holds it,
// else the test fails.
func version(t *testing.T, dir string) string {
	t.Helper()
	got := ""
	for _, f := range crashFiles("", crashN) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Fatalf("%s: %v (the folder is incomplete)", f.Name, err)
		}
		v, _, _ := strings.Cut(string(b), "\n")
		if !bytes.Equal(b, bytes.Repeat([]byte(v+"\n"), 512)) {
			t.Fatalf("%s is half written", f.Name)
		}
		if got != "" && v != got {
			t.Fatalf("the folder mixes %q and %q files", got, v)
		}
		got = v
	}
	return got
}
