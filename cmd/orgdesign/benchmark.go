package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/templates"
)

type benchmarkOptions struct {
	*globalOptions
	format    string
	lang      string
	countries []string
	dir       string
}

func newBenchmarkCmd(g *globalOptions) *cobra.Command {
	o := &benchmarkOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "benchmark [FILE|DIR...]",
		Short: "Compare each scenario with other countries' agencies and the international instruments",
		Long: `Set each scenario of a study (in the study's order) beside the agencies that
run other countries' main cash social assistance programme (15 countries are
embedded, every figure with its year and source):

  - the institutional frame: legal form, financial autonomy, staff status,
    registry, payments, board, territorial network, country by country;
  - the indicators (staff per 10,000 beneficiaries, offices, board, tiers,
    administration cost), each country's figure with the basis it was
    computed from, whether that basis is the scenario's, and the minimum,
    median and maximum of the comparable countries with the scenario's
    position among them;
  - the delivery chain stage by stage: who is accountable in the scenario
    and in each country;
  - the nearest peers (the share of the frame's known features alike), with
    what brings each near or sets it apart, and the countries' lessons that
    bear on the scenario's choices, with their sources;
  - the scorecard: every criterion of the international instruments (ISSA,
    ILO R202, World Bank Sourcebook, ISPA CODI) with the scenario's
    assessment, if any, and what its structure supports or weakens, and why.

--countries za,br restricts the comparison to those countries (ISO codes).
--benchmarks DIR adds the country files of DIR (every .yaml in it); a file
with the id of an embedded country replaces it. Their problems are reported
on standard error; an error stops the command (exit code 1).

--format text (the default) prints tables for a terminal, countries by their
codes; --format markdown prints the comparison sections of the report pages;
--format json prints {"scenarios": [{"comparison": ..., "scorecard": [...]}]}
with the keys of the benchmarks package.`,
		Example: `  orgdesign benchmark
  orgdesign benchmark --countries za,br,cl --lang en
  orgdesign benchmark etude.yaml --benchmarks pays/ --format markdown`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	cmd.Flags().StringVar(&o.lang, "lang", "fr", "language of the text and Markdown outputs: fr or en")
	cmd.Flags().StringSliceVar(&o.countries, "countries", nil, "compare with these countries only (ISO codes, comma-separated)")
	cmd.Flags().StringVar(&o.dir, "benchmarks", "", "a folder of country files to add to the embedded ones")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("countries", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, n := range benchmarks.Names() {
			ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(n, benchmarks.Dir+"/"), ".yaml"))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagDirname("benchmarks")
	return cmd
}

func (o *benchmarkOptions) run(cmd *cobra.Command, args []string) error {
	if err := checkFormatLang(o.format, o.lang); err != nil {
		return err
	}
	countries, err := o.loadCountries(cmd)
	if err != nil {
		return err
	}
	instruments, ds, err := benchmarks.Instruments()
	if err != nil || ds.HasErrors() {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("the embedded instruments: %v %v", err, ds)}
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags)
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing compared", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return &exitError{code: exitUsage, msg: "no scenario to compare: give a study or scenario files"}
	}
	out := cmd.OutOrStdout()
	if o.format == "json" {
		type scenario struct {
			Comparison *benchmarks.Comparison `json:"comparison"`
			Scorecard  []benchmarks.ScoreRow  `json:"scorecard"`
		}
		doc := struct {
			Scenarios []scenario `json:"scenarios"`
		}{}
		for _, res := range set.Scenarios {
			a := analysis.Analyze(res, analysis.Options{})
			doc.Scenarios = append(doc.Scenarios, scenario{benchmarks.Compare(res, a, countries), benchmarks.Scorecard(res, a, instruments)})
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		return nil
	}
	r, err := report.BuildWith(set, diags, o.lang, report.BuildOptions{NoCharts: true,
		Benchmarks: &report.Benchmarks{Countries: countries, Instruments: instruments}})
	if err != nil {
		return err
	}
	return writeMarkdownOrText(out, o.format, func() ([]byte, error) { return report.BenchmarkMarkdown(r) },
		func(w io.Writer) error { return report.WriteBenchmarkText(w, r) })
}

// loadCountries reads the embedded countries and the user's (--benchmarks),
// then keeps those --countries names, in its order.
func (o *benchmarkOptions) loadCountries(cmd *cobra.Command) ([]*model.CountryFile, error) {
	var names []string
	var files model.Files
	if o.dir != "" {
		var err error
		if names, err = model.ExpandPaths([]string{o.dir}); err != nil {
			return nil, &exitError{code: exitUsage, msg: err.Error()}
		}
		if len(names) == 0 {
			return nil, &exitError{code: exitUsage, msg: "no .yaml file in " + o.dir}
		}
		files = model.OSFiles{}
	}
	countries, ds, err := benchmarks.Load(files, names)
	if err != nil {
		return nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	if len(ds) > 0 {
		_ = model.WriteText(cmd.ErrOrStderr(), ds)
	}
	if ds.HasErrors() {
		return nil, &exitError{code: exitFindings, msg: fmt.Sprintf("%s in the country files: nothing compared", count(ds.Count(model.Error), "error", "errors"))}
	}
	if len(o.countries) == 0 {
		return countries, nil
	}
	byID := map[string]*model.CountryFile{}
	var known []string
	for _, c := range countries {
		byID[c.Country.ID] = c
		known = append(known, c.Country.ID)
	}
	var out []*model.CountryFile
	for _, code := range o.countries {
		code = strings.ToLower(strings.TrimSpace(code))
		c := byID[code]
		if c == nil {
			return nil, &exitError{code: exitUsage, msg: fmt.Sprintf("unknown country code %q in --countries: known codes are %s", code, strings.Join(known, ", "))}
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}
