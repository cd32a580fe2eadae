package main

import (
	"github.com/orgdesign/orgdesign/docs"
	"github.com/spf13/cobra"
)

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

// newEnvironmentTopic is a help topic: `orgdesign help environment`.
func newEnvironmentTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "environment",
		Short: "The environment variables orgdesign reads",
		Long: `orgdesign reads:

  ORGDESIGN_CACHE           where laid-out charts are kept, so that an unchanged
                            chart is not laid out again (report, chart, --check):
                            "off" turns the cache off, an absolute path moves it;
                            by default the user's cache folder (~/.cache/orgdesign/svg
                            on Linux). Entries unused for 30 days are removed.
  ORGDESIGN_LAYOUT_WORKERS  how many extra processes may lay charts out beside the
                            command when several are not in the cache: "0" lays
                            them out in the command alone; by default one less
                            than the number of cores, at most 4. The output is the
                            same byte for byte.
  TMPDIR                    where go-graphviz keeps its compiled WebAssembly
                            (go-graphviz subfolder): the first run on a machine
                            fills it, later runs start faster.
  NO_COLOR                  set, the editor draws without colours.
  LC_ALL, LC_MESSAGES, LANG the editor's language without --lang: the first
                            one set, when it is French or English (fr_FR.UTF-8);
                            French otherwise.`,
	}
}

// newMethodsTopic is a help topic: `orgdesign help methods`, the methods
// behind every figure of the pack (docs/methods.md).
func newMethodsTopic() *cobra.Command {
	return &cobra.Command{
		Use:   "methods",
		Short: "How each figure of the pack is computed",
		Long:  docs.Methods,
	}
}
