package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/orgdesign/orgdesign/internal/atomic"
)

// RecoverSuffix is added to the edited file's name to write the unsaved text
// after an internal error, a signal or a lost terminal. When such a file is
// already there (from an earlier session, not yet looked at), the next one is
// FILE.orgdesign-recover.2, .3…: a recovery never replaces another.
const RecoverSuffix = ".orgdesign-recover"

// guard keeps a copy of the latest text outside the model, so an internal
// error anywhere (Update, a command, View, the runtime) or a signal can still
// write the user's unsaved work beside the file.
type guard struct {
	path string

	mu      sync.Mutex
	data    []byte
	dirty   bool
	written string      // the recovery file of this session, once written
	err     *CrashError // set once
}

// CrashError is an internal error that ended an editing session.
type CrashError struct {
	Value     any    // what panicked
	Stack     []byte // where
	Recovered string // the file the unsaved text was written to, "" when there was none
	WriteErr  error  // the recovery file could not be written
}

func (e *CrashError) Error() string {
	msg := fmt.Sprintf("internal error: %v", e.Value)
	switch {
	case e.WriteErr != nil:
		msg += fmt.Sprintf("; the unsaved changes could not be written to a recovery file: %v", e.WriteErr)
	case e.Recovered != "":
		msg += "; your unsaved changes were written to " + e.Recovered
	default:
		msg += "; there were no unsaved changes"
	}
	return msg
}

// recoveries lists the recovery files beside path, oldest name first.
func recoveries(path string) []string {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return nil
	}
	base := filepath.Base(path) + RecoverSuffix
	var out []string
	for _, e := range entries {
		if n := e.Name(); n == base || strings.HasPrefix(n, base+".") && isNumber(n[len(base)+1:]) {
			out = append(out, filepath.Join(filepath.Dir(path), n))
		}
	}
	slices.SortFunc(out, func(a, b string) int { return recoverNumber(a, base) - recoverNumber(b, base) })
	return out
}

// isNumber reports whether s is a number written with digits only (.2, not .+2).
func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil && s != "" && s[0] != '+' && s[0] != '-'
}

// recoverNumber is the number of a recovery file: N of base.N, 1 for base itself.
func recoverNumber(p, base string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(p), base+"."))
	if err != nil {
		return 1
	}
	return n
}

// set records the latest text and whether it differs from the disk.
func (g *guard) set(data []byte, dirty bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.data, g.dirty = slices.Clone(data), dirty
}

// write writes the unsaved text to this session's recovery file: the first
// free name the first time, the same file after that (with g.mu held).
func (g *guard) write() (string, error) {
	if g.written == "" {
		g.written = g.path + RecoverSuffix
		for n := 2; ; n++ {
			if _, err := os.Lstat(g.written); os.IsNotExist(err) {
				break
			}
			g.written = fmt.Sprintf("%s%s.%d", g.path, RecoverSuffix, n)
		}
	}
	return g.written, atomic.WriteFileLike(g.written, g.data, g.path)
}

// crash writes the unsaved text to the recovery file (once) and returns the error to report.
func (g *guard) crash(p any, stack []byte) *CrashError {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err != nil {
		return g.err
	}
	g.err = &CrashError{Value: p, Stack: stack}
	if g.dirty {
		if path, err := g.write(); err != nil {
			g.err.WriteErr = err
		} else {
			g.err.Recovered = path
		}
	}
	return g.err
}

// crashed returns the recorded internal error, if any.
func (g *guard) crashed() *CrashError {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

// rescue writes the unsaved text to the recovery file when the session ends
// without the user choosing to (a signal, a lost terminal); it may run more
// than once, the latest text replacing the earlier one in the same file. It
// returns the error to report, nil when there was nothing unsaved.
func (g *guard) rescue(why string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.dirty {
		return nil
	}
	path, err := g.write()
	if err != nil {
		return fmt.Errorf("%s with unsaved changes, which could not be written to a recovery file: %w", why, err)
	}
	return fmt.Errorf("%s with unsaved changes: they were written to %s", why, path)
}
