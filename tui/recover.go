package tui

import (
	"fmt"
	"slices"
	"sync"

	"github.com/orgdesign/orgdesign/internal/atomic"
)

// RecoverSuffix is added to the edited file's name to write the unsaved text
// after an internal error.
const RecoverSuffix = ".orgdesign-recover"

// guard keeps a copy of the latest text outside the model, so an internal
// error anywhere (Update, a command, View, the runtime) can still write the
// user's unsaved work beside the file.
type guard struct {
	path string

	mu    sync.Mutex
	data  []byte
	dirty bool
	err   *CrashError // set once
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

func (g *guard) recoverPath() string { return g.path + RecoverSuffix }

// set records the latest text and whether it differs from the disk.
func (g *guard) set(data []byte, dirty bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.data, g.dirty = slices.Clone(data), dirty
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
		if err := atomic.WriteFile(g.recoverPath(), g.data); err != nil {
			g.err.WriteErr = err
		} else {
			g.err.Recovered = g.recoverPath()
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
// without the user choosing to (a signal, a lost terminal); it returns the
// error to report, nil when there was nothing unsaved.
func (g *guard) rescue(why string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.dirty {
		return nil
	}
	if err := atomic.WriteFile(g.recoverPath(), g.data); err != nil {
		return fmt.Errorf("%s with unsaved changes, which could not be written to a recovery file: %w", why, err)
	}
	return fmt.Errorf("%s with unsaved changes: they were written to %s", why, g.recoverPath())
}
