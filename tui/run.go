package tui

import (
	"errors"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
)

// Run opens the editor on a terminal and returns when the user quits; in nil
// reads the keys from standard input or, when it is not a terminal, from the
// terminal itself. The error is an internal error (a *CrashError, after the
// unsaved text was written beside the file), the session ended otherwise
// than by the user (a signal, a lost terminal: the unsaved text is written
// beside the file too), or a terminal that could not be used.
func Run(opts Options, in io.Reader, out io.Writer) error {
	m, err := New(opts)
	if err != nil {
		return err
	}
	opt := []tea.ProgramOption{tea.WithOutput(out)}
	if in != nil { // else bubbletea reads standard input, or the terminal when it is not one
		opt = append(opt, tea.WithInput(in))
	}
	p := tea.NewProgram(m, opt...)

	// A lost terminal (an SSH connection that drops) sends SIGHUP, which
	// would kill the process: the text is put aside first.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	done := make(chan struct{})
	defer close(done)
	hungUp := make(chan error, 1)
	go func() {
		select {
		case <-hup:
			hungUp <- m.guard.rescue("the terminal was closed")
			p.Quit()
		case <-done:
		}
	}()

	final, err := p.Run()
	if ce := m.guard.crashed(); ce != nil {
		return ce
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		// a panic bubbletea caught itself: the text is still saved aside
		return m.guard.crash("the terminal program stopped", nil)
	}
	if fm, ok := final.(*Model); ok && fm.quitting && err == nil {
		return nil // the user quit: saved, discarded, or nothing to save
	}
	select {
	case herr := <-hungUp:
		if herr != nil {
			return herr
		}
		return errors.New("the terminal was closed")
	default:
	}
	if rerr := m.guard.rescue("the editor was stopped"); rerr != nil {
		return rerr
	}
	return err
}
