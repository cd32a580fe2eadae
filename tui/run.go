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
	opt := []tea.ProgramOption{
		tea.WithOutput(out),
		tea.WithWindowSize(m.width, m.height), // when out is not a terminal; else the terminal's size
		tea.WithoutSignalHandler(),            // signals are handled below
	}
	if in != nil { // else bubbletea reads standard input, or the terminal when it is not one
		opt = append(opt, tea.WithInput(in))
	}
	p := tea.NewProgram(m, opt...)

	// A signal would end the process and the user's work with it: SIGHUP when
	// the terminal goes (an SSH connection that drops), SIGTERM from kill or a
	// shutdown, SIGINT from ctrl+c when the keys do not come from a terminal in
	// raw mode (in raw mode ctrl+c is a key: quit, asking first). The text is
	// put aside at once, in case the program does not stop, then the program is
	// asked to stop; a second signal ends the process at once.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	stopped := make(chan string, 1) // why, once a signal came
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case s := <-sigs:
			signal.Stop(sigs)
			why := stopReason(s)
			_ = m.guard.rescue(why) // reported when Run returns
			stopped <- why
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
	select {
	case why := <-stopped:
		// Written again: keys typed after the signal may have changed the text.
		if rerr := m.guard.rescue(why); rerr != nil {
			return rerr
		}
		return errors.New(why)
	default:
	}
	if fm, ok := final.(*Model); ok && fm.quitting && err == nil {
		return nil // the user quit: saved, discarded, or nothing to save
	}
	if rerr := m.guard.rescue("the editor was stopped"); rerr != nil {
		return rerr
	}
	return err
}

// stopReason says why a signal ended the session, in the user's words.
func stopReason(s os.Signal) string {
	switch s {
	case syscall.SIGHUP:
		return "the terminal was closed"
	case syscall.SIGINT:
		return "the editor was interrupted (ctrl+c)"
	case syscall.SIGTERM:
		return "the editor was stopped (SIGTERM)"
	}
	return "the editor was stopped (" + s.String() + ")"
}
