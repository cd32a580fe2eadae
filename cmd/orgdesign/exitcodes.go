package main

import "github.com/spf13/cobra"

// newExitCodesTopic is a help topic: `orgdesign help exit-codes`.
func newExitCodesTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "exit-codes",
		Short: "What orgdesign's exit codes mean",
		Long: `orgdesign exits with:

  0  success: the inputs are valid (warnings allowed) and every output was written
  1  findings: an input is invalid, a committed output is stale (--check),
     or a --fail-on threshold tripped
  2  usage or I/O error: an unknown flag or command, a file that cannot be
     read or written, a missing system tool

Diagnostics go to standard output (validate) or standard error (other
commands) as file:line:col: severity: message [code].`,
	}
}
