package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/templates"
)

type analyzeOptions struct {
	*globalOptions
	format  string
	maxSpan int
	lang    string
}

func newAnalyzeCmd(g *globalOptions) *cobra.Command {
	o := &analyzeOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "analyze [FILE|DIR...]",
		Short: "Print the figures of each scenario: costs, structure, RACI, capacity, systems, phases",
		Long: `Print, for each scenario of a study (in the study's order), the figures a
consultant checks first:

  - headcount, payroll and other costs by unit, tier, territory and profile;
  - spans of control and layers, units above --max-span, dotted lines;
  - the delivery chain as a RACI: gaps, overlaps, mandates without
    accountable, units with no role, segregation conflicts;
  - capacity: staff required by the service standards against staff planned
    in each territorial instance, households per front-office agent, the
    channels serving each stage and the territories they leave uncovered;
  - information systems: interfaces by mode, personal data without a signed
    agreement or a legal basis, manual or file exchanges on the chain,
    systems many stages depend on;
  - the benchmark indicators and the build-up by phase.

--format text (the default) prints aligned tables for a terminal, long ones
cut (the 10 instances with the largest gap for capacity); --format markdown
prints the analysis sections of the report pages, whole; --format json prints
one document {"scenarios": [...]} with every figure, keys as in the analysis
package. With no argument, the embedded default study is analysed. Inputs
with errors are reported on standard error (exit code 1).`,
		Example: `  orgdesign analyze
  orgdesign analyze etude.yaml --format json
  orgdesign analyze option-b.yaml --max-span 8 --lang en`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	cmd.Flags().IntVar(&o.maxSpan, "max-span", 10, "list the units with more direct reports than this")
	cmd.Flags().StringVar(&o.lang, "lang", "fr", "language of the text and Markdown outputs: fr or en")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (o *analyzeOptions) run(cmd *cobra.Command, args []string) error {
	if err := checkFormatLang(o.format, o.lang); err != nil {
		return err
	}
	if o.maxSpan < 1 {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("--max-span %d: give a number of direct reports, 1 or more", o.maxSpan)}
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags)
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing analysed", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return &exitError{code: exitUsage, msg: "no scenario to analyse: give a study or scenario files"}
	}
	opts := analysis.Options{MaxSpan: o.maxSpan}.OnStudy(set.Study, set.Scenarios)
	out := cmd.OutOrStdout()
	if o.format == "json" {
		doc := struct {
			Scenarios []*analysis.Analysis `json:"scenarios"`
		}{}
		for _, res := range set.Scenarios {
			doc.Scenarios = append(doc.Scenarios, analysis.Analyze(res, opts))
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		return nil
	}
	r, err := report.BuildWith(set, diags, o.lang, report.BuildOptions{Analysis: opts, NoCharts: true})
	if err != nil {
		return err
	}
	return writeMarkdownOrText(out, o.format, func() ([]byte, error) { return report.AnalysisMarkdown(r) },
		func(w io.Writer) error { return report.WriteAnalysisText(w, r) })
}
