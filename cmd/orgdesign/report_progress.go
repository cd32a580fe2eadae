package main

import (
	"fmt"
	"io"

	"golang.org/x/term"
)

// progress returns the callback that writes a line per scenario rendered to
// w ("[2/4] anas-centrale"): only when several scenarios are rendered, w is a
// terminal and --quiet is off; nil otherwise, and nothing is written.
func (o *reportOptions) progress(w io.Writer) func(i, n int, id string) {
	if o.quiet || o.isTerminal == nil || !o.isTerminal(w) {
		return nil
	}
	return func(i, n int, id string) {
		if n > 1 {
			fmt.Fprintf(w, "[%d/%d] %s\n", i, n, id)
		}
	}
}

// isTerminal reports whether w is a file open on a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
