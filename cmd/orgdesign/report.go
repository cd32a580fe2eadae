package main

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/templates"
)

type reportOptions struct {
	*globalOptions
	out  string
	lang string
}

func newReportCmd(g *globalOptions) *cobra.Command {
	o := &reportOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "report [FILE|DIR...]",
		Short: "Write the report of a study: an index and one page per scenario",
		Long: `Write the report a steering committee reads into a folder: index.html and
index.md (the study's findings, the options side by side with their key
figures, the recommendation and the decisions requested) and, per scenario,
<scenario-id>.html and <scenario-id>.md: summary, institutional frame,
strategy, prerequisites, transition and roadmap, units with headcount and
costs by unit, tier, territory and profile, structure (spans, layers), the
delivery chain as a RACI with gaps and overlaps, capacity against the
standards, information systems, the benchmark indicators, the build-up by
phase, the international comparison with the countries and the scorecard
against the international instruments, the charts, and the files' diagnostics. The charts are inline SVG in
the HTML and SVG files in charts/ beside the Markdown.

With no argument, the embedded default study is reported. Inputs with errors
are reported on standard error and nothing is written (exit code 1). The HTML
is self-contained: it reads offline and prints on A4. Output is deterministic:
the same inputs give the same bytes. The path of the index is printed.`,
		Example: `  orgdesign report
  orgdesign report etude.yaml -o build/report --lang en`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "orgdesign-report", "output folder")
	cmd.Flags().StringVar(&o.lang, "lang", "fr", "report language: fr or en")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (o *reportOptions) run(cmd *cobra.Command, args []string) error {
	if !slices.Contains(templates.Languages(), o.lang) {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --lang %q: use fr or en", o.lang)}
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags)
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing written", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return &exitError{code: exitUsage, msg: "no scenario to report: give a study or scenario files"}
	}
	r, err := report.Build(set, diags, o.lang)
	if err != nil {
		return err
	}
	paths, err := report.Write(o.out, r, report.Options{})
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	if len(paths) > 0 {
		fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(paths[0]))
	}
	return nil
}
