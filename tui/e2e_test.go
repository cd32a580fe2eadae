package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestTmuxEndToEnd builds the binary and runs testdata/tmux-e2e.sh: the
// editor in a real 80×24 terminal, keys sent and the screen read by tmux.
func TestTmuxEndToEnd(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end script needs it (apt-get install tmux)")
	}
	if testing.Short() {
		t.Skip("-short: the end-to-end script builds the binary")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: the end-to-end script needs the binary built")
	}
	bin := filepath.Join(t.TempDir(), "orgdesign")
	build := exec.Command(goBin, "build", "-o", bin, "github.com/orgdesign/orgdesign/cmd/orgdesign")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	script, err := filepath.Abs("testdata/tmux-e2e.sh")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(script); err != nil { // read here so go test's cache sees a change of it
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script, bin, copyScenarios(t)).CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("tmux-e2e.sh: %v", err)
	}
}
