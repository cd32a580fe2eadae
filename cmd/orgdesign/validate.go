package main

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

type validateOptions struct {
	*globalOptions
	format string
}

func newValidateCmd(g *globalOptions) *cobra.Command {
	o := &validateOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "validate [FILE|DIR...]",
		Short: "Check scenario, territory, study, country and instrument files",
		Long: `Check scenario, territory, study, country and instrument files against format
v1: syntax, unknown fields, references, closed lists, reporting cycles,
territory expansion, a year and a source for every country figure, the
criteria a scenario's assessment rates.

A study pulls in its scenarios, and a scenario the context it extends and its
territory. Folders are searched for .yaml files. With no argument, the
embedded default set is checked, with the embedded country and instrument
files.

When no file has an error, the structural rules run on every scenario and a
triage naming a finding they do not produce is a warning: a register risk's
"finding:" or a "dismissed:" item, judged over the scenarios that hold it (a
shared context's triage warns only when none of the options extending it
produces the finding), with the nearest finding id.

Each problem prints as file:line:col: severity: message [code], with a hint
where one helps. Exit code 0 when valid (warnings allowed), 1 when an error
was found, 2 on a usage or I/O error.`,
		Example: `  orgdesign validate
  orgdesign validate scenarios/
  orgdesign validate --format github etude.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, json or github (CI annotations)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "github"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (o *validateOptions) run(cmd *cobra.Command, args []string) error {
	switch o.format {
	case "text", "json", "github":
	default:
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --format %q: use text, json or github", o.format)}
	}
	set, diags, names, err := loadSet(o.globalOptions, args, true)
	if err != nil {
		return err
	}
	if !diags.HasErrors() {
		diags = append(diags, risk.CheckScenarios(set.Scenarios, analysis.Options{})...).Sort()
	}
	out := cmd.OutOrStdout()
	switch o.format {
	case "json":
		err = model.WriteJSON(out, names, diags)
	case "github":
		err = model.WriteGitHub(out, diags)
	default:
		err = model.WriteText(out, diags)
		if err == nil {
			fmt.Fprintf(cmd.ErrOrStderr(), "%d %s checked: %s, %s\n", len(names), plural(len(names), "file", "files"),
				count(diags.Count(model.Error), "error", "errors"), count(diags.Count(model.Warning), "warning", "warnings"))
		}
	}
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	if diags.HasErrors() {
		return findings()
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

// embeddedFiles serves the embedded files of several packages, each under its
// own folder's name (scenarios/…, benchmarks/…): a name is read from the first
// that has it.
type embeddedFiles []model.Files

// ReadFile reads the named file.
func (e embeddedFiles) ReadFile(name string) ([]byte, error) {
	for _, f := range e {
		data, err := f.ReadFile(name)
		if !errors.Is(err, fs.ErrNotExist) {
			return data, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
