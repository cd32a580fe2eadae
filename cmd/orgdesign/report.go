package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/chart"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/risk"
	"github.com/orgdesign/orgdesign/templates"
)

type reportOptions struct {
	*globalOptions
	out       string
	lang      string
	simulate  int
	seed      uint64
	format    string
	check     bool
	templates string
	quiet     bool
	strict    bool
	serve     bool
	addr      string

	// listening, when set, is told the address --serve listens on (tests).
	listening func(addr string)

	// isTerminal tells whether progress may be written to w; term.IsTerminal
	// on its descriptor unless a test says otherwise.
	isTerminal func(w io.Writer) bool
}

func newReportCmd(g *globalOptions) *cobra.Command {
	return reportCmd(&reportOptions{globalOptions: g, isTerminal: isTerminal})
}

// reportCmd is the command over its options, which tests build themselves.
func reportCmd(o *reportOptions) *cobra.Command {
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
against the international instruments, the risks and mitigations (heat maps
inherent beside residual, the risks above the appetite, the register sorted by
residual score with the structural findings it accepts, the mitigations, the
findings to triage with the rule's explanation and those dismissed with their
reason), the charts, and the files' diagnostics. The index sets the
options side by side, their residual risk exposure, their high or critical
residual risks and their open findings among them. The charts are inline SVG in the HTML and SVG files
in charts/ beside the Markdown.

--simulate N adds each scenario's loss simulation (--seed S: the same seed
gives the same pages), calibrated by the scenario's calibration-* assumptions
as for "orgdesign risk", else by illustrative values, labelled as such. The
risk appetite is the scenario's risk-appetite assumption, else medium.

The index is the committee's pack: the study's status on its cover (draft,
consultation: interim), a short synthesis (key figures, the recommendation,
an alert when it names another option than the top-ranked one, the decisions
requested), the findings, the options with their service points by kind and
staff shortfall, the multi-criteria ranking combined and per group with the
criteria's scales, whether it depends on the options compared, and its
sensitivity (1,000 seeded draws) and the annexes (participation, sources,
assumptions, glossary).

--format chooses what is written (default html,md,xlsx): xlsx is the workbook
of the tables (orgdesign-report.xlsx, fixed properties, every cell text);
docx needs pandoc and pdf needs chromium, checked before anything is written
(exit 2 naming the Debian package). --check writes nothing: it regenerates in
memory and lists the files of the output folder that are stale, missing, or
owned by the report (pages, charts/*.svg, orgdesign-report.*) but no longer
produced; exit 1 if any.

--templates DIR replaces embedded templates by name: the .tmpl files
directly inside DIR (scenario.md.tmpl, index.md.tmpl, page.html.tmpl...; other
files and subfolders are ignored, a symbolic link is refused, an unknown name
is an error listing the known ones). They run with the same functions (esc, t,
markdown, cite, chart) and the same safe Markdown converter: raw HTML in them
is left out of the pages.

The output folder is replaced whole: the new report is built beside it with a
copy of every file it holds that the report does not own, then swapped in, so
the report's files no longer produced are gone, the others are kept, and a run
that fails leaves the folder as it was. It may not be the current folder.

With no argument, the embedded default study is reported. Inputs with errors
are reported on standard error and nothing is written (exit code 1). The HTML
is self-contained: it reads offline and prints on A4. Output is deterministic:
the same inputs give the same bytes. The path of the index is printed.

--serve writes the report, then serves the output folder on --addr (a
loopback address only, 127.0.0.1:8484 by default; requests naming another
host are refused) and watches the inputs: the files given and their folders,
the files they extend, their territories and the --templates folder. When
one changes, the report is regenerated and written again, and the pages open
in a browser reload themselves. When the inputs have errors, the folder keeps
the last good report and every served page shows the errors above it. The
files on disk are those report writes without --serve; only the served pages
carry the reload script. Ctrl+C stops the server (exit 0).

When the study's recommendation names an option that is not first in the
combined ranking, the synthesis opens with an alert (its rank and score, the
stakeholder groups that rank it first, the weights at which it would lead) and
the study's rationale; without a rationale, a warning is written on standard
error (exit 0), and --strict makes it a finding: nothing written, exit 1.
--strict is about the rationale only: the other warnings (a triage naming a
finding the rules no longer produce) are printed and the pack is written.

When several scenarios are rendered and standard error is a terminal, a line
per scenario tells the progress ("[2/4] anas-centrale"); --quiet leaves it out.`,
		Example: `  orgdesign report
  orgdesign report etude.yaml -o build/report --lang en
  orgdesign report --simulate 10000 --seed 7
  orgdesign report --check
  orgdesign report --format html,md,xlsx,pdf
  orgdesign report --templates mes-modeles
  orgdesign report etude.yaml --serve`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "orgdesign-report", "output folder")
	cmd.Flags().StringVar(&o.lang, "lang", "fr", "report language: fr or en")
	cmd.Flags().IntVar(&o.simulate, "simulate", 0, "add a loss simulation of this many years to each scenario (0: none)")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "seed of the simulation")
	cmd.Flags().StringVar(&o.format, "format", "html,md,xlsx", "formats to write, comma-separated: html, md, xlsx, docx (pandoc), pdf (chromium)")
	cmd.Flags().BoolVar(&o.check, "check", false, "write nothing: regenerate in memory and list the files of the output folder that are stale or missing (exit 1 if any)")
	cmd.Flags().StringVar(&o.templates, "templates", "", "folder of .tmpl files that replace the embedded templates of the same name")
	_ = cmd.MarkFlagDirname("templates")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "write no progress on standard error")
	cmd.Flags().BoolVar(&o.strict, "strict", false, "treat a recommendation that departs from the ranking without the study's rationale as a finding: write nothing, exit 1 (other warnings are printed, not findings)")
	cmd.Flags().BoolVar(&o.serve, "serve", false, "write the report, serve it on --addr and regenerate it when the inputs change; the pages reload themselves")
	cmd.Flags().StringVar(&o.addr, "addr", "127.0.0.1:8484", "loopback address --serve listens on (port 0: any free port)")
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (o *reportOptions) run(cmd *cobra.Command, args []string) error {
	if !slices.Contains(templates.Languages(), o.lang) {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("unknown --lang %q: use fr or en", o.lang)}
	}
	if o.simulate < 0 || o.simulate > risk.MaxDraws {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("--simulate %d: give a number of draws from 1 to %d", o.simulate, risk.MaxDraws)}
	}
	if o.simulate == 0 && cmd.Flags().Changed("seed") {
		return &exitError{code: exitUsage, msg: "--seed needs --simulate N"}
	}
	formats, err := parseFormats(o.format)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	if o.check && (formats["docx"] || formats["pdf"]) {
		return &exitError{code: exitUsage, msg: "--check compares the deterministic formats only (html, md, xlsx): leave docx and pdf out of --format"}
	}
	if err := needTools(formats); err != nil {
		return err
	}
	if o.serve {
		if o.check {
			return &exitError{code: exitUsage, msg: "--serve and --check do not go together"}
		}
		return o.runServe(cmd, args, formats)
	}
	if cmd.Flags().Changed("addr") {
		return &exitError{code: exitUsage, msg: "--addr needs --serve"}
	}
	files, _, err := o.build(cmd.ErrOrStderr(), args, formats, o.progress(cmd.ErrOrStderr()))
	if err != nil {
		return err
	}
	if o.check {
		return checkReport(cmd.OutOrStdout(), o.out, files)
	}
	paths, err := o.write(files, formats)
	if err != nil {
		return err
	}
	if len(paths) > 0 {
		fmt.Fprintln(cmd.OutOrStdout(), filepath.ToSlash(paths[0]))
	}
	return nil
}

// build reads the templates and the inputs and renders the report in
// memory. Errors in the inputs are written to errw and end in an exitError
// (nothing rendered). It also returns the files the inputs were read from,
// found or not, which --serve watches.
func (o *reportOptions) build(errw io.Writer, args []string, formats map[string]bool, progress func(i, n int, id string)) ([]report.File, []string, error) {
	var overrides templates.Overrides
	if o.templates != "" {
		var err error
		if overrides, err = templates.ReadOverrides(o.templates); err != nil {
			return nil, nil, &exitError{code: exitUsage, msg: err.Error()}
		}
	}
	wantHTML, wantMD := formats["html"] || formats["pdf"], formats["md"] || formats["docx"] // pdf is printed from HTML, docx converted from Markdown
	if wantHTML || wantMD {
		chart.Warm() // a layout worker starts while the inputs are read
	}
	l, names, err := loadInputs(o.globalOptions, args, false)
	if err != nil {
		return nil, nil, err
	}
	set, diags, err := l.LoadSet(names)
	read := l.Read()
	if err != nil {
		return nil, read, &exitError{code: exitUsage, msg: err.Error()}
	}
	if diags.HasErrors() {
		_ = model.WriteText(errw, diags)
		return nil, read, &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing written", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return nil, read, &exitError{code: exitUsage, msg: "no scenario to report: give a study or scenario files"}
	}
	r, err := report.BuildWith(set, diags, o.lang, report.BuildOptions{Simulate: o.simulate, Seed: o.seed})
	if err != nil {
		return nil, read, err
	}
	if r.BuildDiagnostics.HasErrors() { // an assumption the risk assessment cannot read
		r.Release()
		_ = model.WriteText(errw, r.BuildDiagnostics)
		return nil, read, &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing written", count(r.BuildDiagnostics.Count(model.Error), "error", "errors"))}
	}
	if len(r.BuildDiagnostics) > 0 { // warnings: a stale triage, a recommendation without its rationale
		_ = model.WriteText(errw, r.BuildDiagnostics)
		if o.strict && slices.ContainsFunc(r.BuildDiagnostics, func(d model.Diagnostic) bool { return d.Code == report.CodeNoRationale }) {
			r.Release()
			return nil, read, &exitError{code: exitFindings, msg: "a recommendation departing from the ranking without a rationale, with --strict: nothing written"}
		}
	}
	ropts := report.Options{NoHTML: !wantHTML, NoMarkdown: !wantMD, XLSX: formats["xlsx"],
		Templates: overrides, Progress: progress}
	files, err := report.Render(r, ropts)
	if err != nil {
		return nil, read, &exitError{code: exitUsage, msg: err.Error()}
	}
	return files, read, nil
}

// write converts to the formats that need a tool, keeps the formats asked
// for and replaces the output folder with them.
func (o *reportOptions) write(files []report.File, formats map[string]bool) ([]string, error) {
	extra, err := convertWithTools(files, formats)
	if err != nil {
		return nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	files = append(keepFormats(files, formats), extra...)
	paths, err := report.WriteFiles(o.out, files)
	if err != nil {
		return nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	return paths, nil
}
