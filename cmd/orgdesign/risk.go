package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

type riskOptions struct {
	*globalOptions
	format      string
	simulate    int
	seed        uint64
	calibration string
	appetite    string
	failOn      string
	lang        string
}

func newRiskCmd(g *globalOptions) *cobra.Command {
	o := &riskOptions{globalOptions: g}
	cmd := &cobra.Command{
		Use:   "risk [FILE|DIR...]",
		Short: "Score each scenario's risks: register, the structural rules' findings and their triage, heat maps, simulation",
		Long: `Score the risks of each scenario (in the study's order) on the 5×5
likelihood × impact matrix, and list what the structural rules find:

  - the scenario's own register: inherent (likelihood × impact, a triangular
    level scored with its likely value), residual after every listed
    mitigation (the plan: each one's "by" lowers likelihood or impact, never
    below 1), current counting only the mitigations whose status is done;
  - the findings of the structural rules (listed below), each with its
    reason, a suggested mitigation and the rule's level as an indication. A
    finding's id is <rule>-<subject> and stays the same from run to run. It
    is open, "to triage", until the scenario accepts it (a register risk with
    "finding: <id>", scored by its own owner, levels and mitigations, which
    replaces the finding) or dismisses it ("dismissed:" with a reason; a
    shared context may triage what every option shares);
  - the heat maps of the register, inherent beside residual.

The residual exposure is the sum of the register's residual scores, accepted
findings included; open and dismissed findings count for nothing in it. A
triage naming a finding that no scenario holding it produces is a warning
(standard error, with the nearest id; exit code 0).

Levels: low 1–4, medium 5–9, high 10–14, critical 15–25. Register risks
above the appetite are marked: --appetite, else the scenario's assumption
"risk-appetite" (its text a level name), else medium.

--simulate N draws N years of losses of the register (--seed S: the same
seed gives the same output on any number of cores). The levels' meaning
comes from --calibration FILE, else the scenario's assumptions
calibration-likelihood-1…5 (value: the annual probability) and
calibration-impact-1-low, -1-high… (value: a cost in the scenario's
currency), else illustrative built-in values, labelled as such. It prints
the expected annual loss, P50 and P90 before and after mitigations, each
risk's share of the tail and each mitigation's loss removed per unit of
cost. A calibration file reads:

  calibration:
    currency: MAD                      # optional
    likelihood: { 1: 0.05, 2: 0.15, 3: 0.35, 4: 0.65, 5: 0.9 }
    impact:
      1: { low: 10000, high: 100000 }
      ...                              # levels 1 to 5

--format text (default), json ({"scenarios": [...]}: each with "risks", the
register, and "findings", every finding with its "status": open, accepted or
dismissed) or markdown.
--fail-on high|critical exits 1 when a register risk's residual level, or an
open finding's indicative level (the rule's), is at or above it: a finding
no one has triaged counts at its rule's level; a dismissed one never does.
Inputs with errors are reported on standard error (exit code 1).

The rules (code: what it finds):
` + ruleList(),
		Example: `  orgdesign risk
  orgdesign risk etude.yaml --format json --lang en
  orgdesign risk option-b.yaml --simulate 10000 --seed 7 --calibration calibration.yaml
  orgdesign risk --fail-on critical`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "output format: text, json or markdown")
	f.IntVar(&o.simulate, "simulate", 0, "simulate this many years of losses (0: no simulation)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the simulation")
	f.StringVar(&o.calibration, "calibration", "", "a calibration file: the probability and cost of each level")
	f.StringVar(&o.appetite, "appetite", "", "risk appetite: low, medium, high or critical (default: the scenario's, else medium)")
	f.StringVar(&o.failOn, "fail-on", "", "exit 1 when a register risk's residual level or an open finding's indicative level is at or above this: high or critical")
	f.StringVar(&o.lang, "lang", "fr", "language of the outputs: fr or en")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("appetite", cobra.FixedCompletions([]string{"low", "medium", "high", "critical"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"high", "critical"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions(risk.Languages, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func riskUsage(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

func (o *riskOptions) run(cmd *cobra.Command, args []string) error {
	switch o.format {
	case "text", "json", "markdown":
	default:
		return riskUsage("unknown --format %q: use text, json or markdown", o.format)
	}
	if !slices.Contains(risk.Languages, o.lang) {
		return riskUsage("unknown --lang %q: use fr or en", o.lang)
	}
	var appetite, failOn risk.Level
	if o.appetite != "" {
		l, ok := risk.ParseLevel(o.appetite)
		if !ok {
			return riskUsage("unknown --appetite %q: use low, medium, high or critical", o.appetite)
		}
		appetite = l
	}
	if o.failOn != "" {
		l, ok := risk.ParseLevel(o.failOn)
		if !ok || l < risk.High {
			return riskUsage("unknown --fail-on %q: use high or critical", o.failOn)
		}
		failOn = l
	}
	if o.simulate < 0 || o.simulate > risk.MaxDraws {
		return riskUsage("--simulate %d: give a number of draws from 1 to %d", o.simulate, risk.MaxDraws)
	}
	if o.simulate == 0 {
		for _, name := range []string{"seed", "calibration"} {
			if cmd.Flags().Changed(name) {
				return riskUsage("--%s needs --simulate N", name)
			}
		}
	}
	var calFile *risk.CalibrationFile
	var calDiags model.Diagnostics
	if o.calibration != "" {
		data, err := os.ReadFile(o.calibration)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return riskUsage("cannot read the calibration file %s: %v", o.calibration, err)
		}
		calFile, calDiags = risk.ParseCalibration(o.calibration, data)
	}
	set, diags, _, err := loadSet(o.globalOptions, args, false)
	if err != nil {
		return err
	}
	diags = append(diags, calDiags...)
	if diags.HasErrors() {
		_ = model.WriteText(cmd.ErrOrStderr(), diags.Sort())
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing scored", count(diags.Count(model.Error), "error", "errors"))}
	}
	if len(set.Scenarios) == 0 {
		return riskUsage("no scenario to score: give a study or scenario files")
	}
	var list []*risk.Assessment
	var problems model.Diagnostics
	for _, r := range set.Scenarios {
		a, ds := risk.Assess(r, analysis.Analyze(r, analysis.Options{}), risk.Options{Appetite: appetite, Lang: o.lang})
		problems = append(problems, ds...)
		if o.simulate > 0 {
			cal, ds := risk.Calibrate(r, calFile)
			problems = append(problems, ds...)
			a.Simulation = risk.Simulate(a, cal, risk.SimOptions{Draws: o.simulate, Seed: o.seed})
		}
		list = append(list, a)
	}
	if problems.HasErrors() { // a shared context's assumption speaks once, not once per scenario
		_ = model.WriteText(cmd.ErrOrStderr(), slices.Compact(problems.Sort()))
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%s: nothing scored", count(problems.Count(model.Error), "error", "errors"))}
	}
	if stale := risk.CheckTriage(list); len(stale) > 0 {
		_ = model.WriteText(cmd.ErrOrStderr(), stale)
	}
	out := cmd.OutOrStdout()
	switch o.format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(struct {
			Scenarios []*risk.Assessment `json:"scenarios"`
		}{list}); err != nil {
			return riskUsage("%v", err)
		}
	case "markdown":
		md, err := risk.Markdown(list, o.lang)
		if err != nil {
			return err
		}
		if _, err := out.Write(md); err != nil {
			return err
		}
	default:
		if err := risk.WriteText(out, list, o.lang); err != nil {
			return err
		}
	}
	if failOn != 0 {
		risks, open := 0, 0
		for _, a := range list {
			risks += a.AtOrAbove(failOn)
			open += a.OpenAtOrAbove(failOn)
		}
		if risks+open > 0 {
			return &exitError{code: exitFindings, msg: fmt.Sprintf("--fail-on %s: %s (residual level) and %s (the rule's level) at or above %s",
				failOn, count(risks, "risk", "risks"), count(open, "open finding", "open findings"), failOn)}
		}
	}
	return nil
}

// ruleList lists the structural rules for the help: each one's code and
// English title, so the help follows the rules.
func ruleList() string {
	var b strings.Builder
	for _, r := range risk.Rules() {
		fmt.Fprintf(&b, "  %-31s %s\n", r.Code, r.Title.EN)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
