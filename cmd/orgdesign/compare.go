package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/report"
	"github.com/orgdesign/orgdesign/templates"
)

type compareOptions struct {
	*globalOptions
	format string
	lang   string
	study  string
	seed   uint64
	draws  int
}

func newCompareCmd(g *globalOptions) *cobra.Command {
	o := &compareOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "compare [FILE|DIR...]",
		Short: "Set the scenarios side by side and rank them on the study's criteria",
		Long: `Set the scenarios of a study side by side and rank them:

  - the key figures of each scenario: headcount, payroll, other annual and
    setup costs, transition cost and time, prerequisites, own offices,
    service points by kind (own offices, partners' counters, mobile units,
    agent-network points), staff shortfall with its share of the staff the
    standards require, RACI gaps, residual risk exposure, high and critical
    residual risks, the nearest benchmark country;
  - a multi-criteria ranking from the study's criteria: computed ones bound
    to a metric (payroll, headcount, annual-cost, setup-cost, residual-risk,
    capacity-gap, transition-cost, transition-months, offices,
    service-points, chain-gaps, benchmark-distance) and workshop-scored ones
    (the study's scores, averaged; a score with a group counts for that
    group only). Each criterion is brought to 0–1 on a scale: a scored one
    on its fixed 1–5 scale, (mean − 1)/4; a computed one on its declared
    scale: { worst, best }, clamped; capacity-gap, a share, from 1 to 0;
    any other min–max over the scenarios (with its direction; all equal:
    0.5), a scale that depends on the options compared: the output lists
    those criteria and ranks the others again without each option in turn
    to say whether removing one reorders the others. Each stakeholder
    group's weights (the key "all" stands for groups not named) are
    normalised to sum to 1 and give that group's ranking; the combined
    ranking is the mean of the groups' scores. A missing value is reported
    and its criterion left out of the rankings it would distort, never
    counted as 0;
  - the sensitivity: --draws seeded perturbations of the weights (each
    multiplied by a factor drawn uniformly in [0.5, 1.5], then renormalised)
    and how often each scenario comes first; and for each criterion the
    weight, below and above its own, at which another scenario comes first,
    the other weights keeping their proportions ("robust" when none does);
  - the study's recommended option (the first option its recommendation
    names) against the ranking: its rank and score, the groups that rank it
    first, the weights of each criterion at which it would lead, and the
    study's rationale.

--study FILE takes the criteria and the scores from another study file (its
scores are matched to the scenarios by id); when none of its scenarios is
among those compared, the command exits 2. Without a study there is no
ranking, only the figures.

--format text (the default) prints tables for a terminal; markdown the same
as GitHub-flavoured Markdown; json one document {"study", "scenarios",
"ranking", "sensitivity", "recommendation"} with the keys of the compare
package. The same
seed gives the same output on any machine.`,
		Example: `  orgdesign compare
  orgdesign compare --lang en --format markdown
  orgdesign compare option-a.yaml option-b.yaml --study etude.yaml --seed 7 --draws 50000`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	f.StringVar(&o.lang, "lang", "fr", "language of the text and Markdown outputs: fr or en")
	f.StringVar(&o.study, "study", "", "a study file to take the criteria and scores from")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the weight perturbations")
	f.IntVar(&o.draws, "draws", compare.DefaultDraws, "number of weight perturbations (0: none)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(templates.Languages(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("study", "yaml", "yml")
	return cmd
}

func (o *compareOptions) run(cmd *cobra.Command, args []string) error {
	if err := checkFormatLang(o.format, o.lang); err != nil {
		return err
	}
	if o.draws < 0 || o.draws > compare.MaxDraws {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("--draws %d: give a number of draws from 0 to %d", o.draws, compare.MaxDraws)}
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	study, own, sdiags, err := o.loadStudy()
	if err != nil {
		return err
	}
	diags = append(diags, sdiags...)
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags.Sort())
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing compared", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return &exitError{code: exitUsage, msg: "no scenario to compare: give a study or scenario files"}
	}
	if study != nil {
		if err := o.checkStudyScenarios(own, set); err != nil {
			return err
		}
	}
	countries, ds, err := benchmarks.Load(nil, nil)
	if err != nil || ds.HasErrors() {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("the embedded countries: %v %v", err, ds)}
	}
	draws := o.draws
	if draws == 0 {
		draws = -1 // compare.Options: 0 is the default, negative none
	}
	res := compare.Compare(set, compare.Options{Study: study, Countries: countries, Seed: o.seed, Draws: draws})
	if len(res.Triage) > 0 { // triages naming no finding
		_ = model.WriteText(cmd.ErrOrStderr(), res.Triage)
	}
	out := cmd.OutOrStdout()
	if o.format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(res); err != nil {
			return &exitError{code: exitUsage, msg: err.Error()}
		}
		return nil
	}
	if study == nil {
		study = set.Study
	}
	title := ""
	if study != nil {
		title = study.Header.Title
	}
	cr, err := report.BuildCompare(res, report.CompareOptions{Lang: o.lang, Title: title, Countries: countries})
	if err != nil {
		return err
	}
	return writeMarkdownOrText(out, o.format, func() ([]byte, error) { return report.CompareMarkdown(cr) },
		func(w io.Writer) error { return report.WriteCompareText(w, cr) })
}

// loadStudy reads the --study file: its criteria and scores, checked as a
// file (its scenario files are read for their ids only), and the ids of the
// scenarios it was written for.
func (o *compareOptions) loadStudy() (*model.Study, []string, model.Diagnostics, error) {
	if o.study == "" {
		return nil, nil, nil, nil
	}
	l := &model.Loader{Files: model.OSFiles{}, MaxSize: o.maxSize}
	f, ds, err := l.File(o.study)
	if err != nil {
		return nil, nil, nil, &exitError{code: exitUsage, msg: err.Error()}
	}
	if f == nil || ds.HasErrors() {
		return nil, nil, ds, nil
	}
	if f.Kind != model.KindStudy {
		return nil, nil, nil, &exitError{code: exitUsage, msg: fmt.Sprintf("--study %s: expected a study file, found a %s file", o.study, f.Kind)}
	}
	return f.Study, l.StudyScenarioIDs(o.study, f.Study), ds, nil
}

// checkStudyScenarios refuses a --study none of whose scenarios (own:
// model.Loader.StudyScenarioIDs) is among those compared: its scores would
// match nothing, and its criteria would rank options it was not written for.
func (o *compareOptions) checkStudyScenarios(own []string, set *model.Set) error {
	var compared []string
	for _, r := range set.Scenarios {
		if slices.Contains(own, r.Header.ID) {
			return nil
		}
		compared = append(compared, r.Header.ID)
	}
	listed := "it names no scenario"
	if len(own) > 0 {
		listed = "its scenarios are " + strings.Join(own, ", ")
	}
	return &exitError{code: exitUsage, msg: fmt.Sprintf("--study %s: none of its scenarios is among those compared (%s; %s): give the study itself to compare its scenarios (orgdesign compare %s), or name their files",
		o.study, strings.Join(compared, ", "), listed, o.study)}
}
