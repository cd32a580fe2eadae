//go:build unix

package tui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// TestMain runs the editor instead of the tests in the child processes that
// TestSignalsKeepTheWork starts.
func TestMain(m *testing.M) {
	if os.Getenv("ORGDESIGN_TUI_CHILD") == "1" {
		os.Exit(editorChild())
	}
	os.Exit(m.Run())
}

// editorChild runs the editor as `orgdesign edit` does, on the file named by
// ORGDESIGN_TUI_FILE: keys read from standard input (a pipe, so the terminal
// is never in raw mode), the screen written to standard output.
func editorChild() int {
	path := os.Getenv("ORGDESIGN_TUI_FILE")
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	err = Run(Options{Path: path, Data: data, Source: source(), NoColor: true, Width: 80, Height: 24}, os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// deadline bounds each wait on the child: generous, as the tests may run
// under -race on a loaded machine; nothing is timed.
const deadline = 2 * time.Minute

// TestSignalsKeepTheWork runs the editor in a child process, makes an edit,
// sends a signal and checks that the unsaved text was written beside the file,
// that the file itself is untouched, and that the next session says so.
func TestSignalsKeepTheWork(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: each case starts the test binary again as the editor")
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(copyScenarios(t), option)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// The edit the keys make (delete the second unit of the list),
			// made headlessly for the text the recovery file must hold.
			m := open(t, path)
			press(t, m, "j", "d", "y")
			if !m.dirty() {
				t.Fatal("the keys made no change")
			}
			want := m.doc.Bytes()

			child := exec.Command(os.Args[0])
			child.Env = append(os.Environ(), "ORGDESIGN_TUI_CHILD=1", "ORGDESIGN_TUI_FILE="+path)
			keys, err := child.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			out, stderr := &watched{}, &watched{}
			child.Stdout, child.Stderr = out, stderr
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			var waitErr error
			exited := make(chan struct{})
			go func() { waitErr = child.Wait(); close(exited) }()
			t.Cleanup(func() {
				keys.Close()
				select {
				case <-exited:
				default:
					child.Process.Kill()
					<-exited
				}
			})

			if _, err := keys.Write([]byte("jdy")); err != nil {
				t.Fatal(err)
			}
			if !out.waitFor("● modified", exited) {
				t.Fatalf("the edit never showed\n--- screen\n%s\n--- stderr\n%s", out.text(), stderr.text())
			}
			if err := child.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-exited:
				var ee *exec.ExitError
				if !errors.As(waitErr, &ee) || ee.ExitCode() != 1 {
					t.Fatalf("the editor ended with %v, not exit status 1\n%s", waitErr, stderr.text())
				}
			case <-time.After(deadline):
				t.Fatalf("the editor did not stop within %s of %s", deadline, sig)
			}

			recovered := path + RecoverSuffix
			if msg := stderr.text(); !strings.Contains(msg, "with unsaved changes: they were written to "+recovered) {
				t.Fatalf("the editor did not say where the work went: %q", msg)
			}
			if got, err := os.ReadFile(recovered); err != nil || !bytes.Equal(got, want) {
				t.Fatalf("the recovery file does not hold the edited text (%v)", err)
			}
			if disk, _ := os.ReadFile(path); !bytes.Equal(disk, before) {
				t.Fatal("the file itself was written")
			}
			mustContain(t, screen(open(t, path)), "unsaved changes of an earlier session are in")
		})
	}
}

// watched collects what the child writes and wakes waitFor on each write.
type watched struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	wrote chan struct{} // closed and replaced on each write
}

func (w *watched) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.wrote != nil {
		close(w.wrote)
		w.wrote = nil
	}
	return len(p), nil
}

func (w *watched) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return ansi.Strip(w.buf.String())
}

// waitFor waits until the output, escape sequences removed, contains s; false
// when the child exits first or the deadline passes.
func (w *watched) waitFor(s string, exited <-chan struct{}) bool {
	timeout := time.After(deadline)
	for {
		w.mu.Lock()
		if strings.Contains(ansi.Strip(w.buf.String()), s) {
			w.mu.Unlock()
			return true
		}
		if w.wrote == nil {
			w.wrote = make(chan struct{})
		}
		wrote := w.wrote
		w.mu.Unlock()
		select {
		case <-wrote:
		case <-exited:
			return strings.Contains(w.text(), s)
		case <-timeout:
			return false
		}
	}
}
