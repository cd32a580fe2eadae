package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// Risks is a scenario's risk picture (risk.Assess) in the report's words:
// the register (the findings it accepts included) sorted by residual score,
// the risks above the appetite, the mitigations, the rules' findings still to
// triage with their reasons and suggested mitigations, those dismissed with
// the reasons given, and the loss simulation when one was asked for. The heat
// maps are one of the page's charts (view "heatmap").
type Risks struct {
	RegisterCount  Figure // the scenario's own risks, accepted findings included
	AcceptedNote   string // "dont 2 constats acceptés"; empty when none is
	OpenCount      Figure // the rules' findings neither accepted nor dismissed
	DismissedCount Figure // the findings set aside
	Exposure       Figure // the sum of the register's residual scores (risk.Assessment.Exposure)
	HighOrCritical Figure // the register risks whose residual level is high or critical
	Appetite       string // the level, translated
	AppetiteSource string // where it comes from: the scenario's assumption or the default
	AboveCount     Figure
	Above          []RiskRow // the risks above the appetite, by residual score
	Register       []RiskRow // every risk of the register, by residual score, highest first, then id
	Open           []FindingRow
	Dismissed      []FindingRow
	Mitigations    []MitigationRow
	Simulation     *LossSimulation // nil unless BuildOptions.Simulate
}

// RiskRow is one risk of the register.
type RiskRow struct {
	ID          string
	Title       string
	Category    string
	Owner       string // the owner's name; empty when none is declared
	Origin      string // the register, translated, or the finding it accepts
	Inherent    Figure // the score, written with its position: "15 (3×5)"
	Residual    Figure // after every planned mitigation
	Current     Figure // after the completed mitigations
	Level       string // the residual level, translated
	Above       bool   // the residual level is above the appetite
	Response    string // the mitigations' titles; "—" when none
	Finding     string // the id of the finding it accepts; empty when none
	Explanation string // an accepted finding: why the rule fired
}

// FindingRow is one finding of the structural rules, open or dismissed.
type FindingRow struct {
	ID          string
	Title       string // the rule's title and the subject's name
	Rule        string // the rule's title
	Indicative  Figure // the rule's score for it, with its position: an indication, not an assessment
	Level       string // the indicative level, translated
	Subjects    string // the names of what the rule found
	Explanation string // why the rule fired
	Suggestion  string // what would reduce the risk
	Reason      string // a dismissed finding: why it was set aside
}

// MitigationRow is a mitigation of a register risk.
type MitigationRow struct {
	Title  string
	Risk   string // the risk's title
	Effect string // "vraisemblance −1"
	Status string // "—" when not given
	Cost   string // "—" when not given
	Phase  string // "—" when not given
	Owner  string // "—" when not given
}

// LossSimulation is the seeded simulation of the register's annual losses.
type LossSimulation struct {
	Draws        Figure
	Seed         string
	Illustrative bool   // some calibration values are the tool's defaults
	Sources      string // where the probabilities and the costs come from
	Before       LossRow
	After        LossRow
	Calibration  []CalibrationRow // likelihood and impact levels 1 to 5
	Tail         []TailRow        // by share of the tail, largest first
	Values       []ValueRow       // by loss removed per unit of cost, best first
}

// LossRow is the distribution of the total annual loss.
type LossRow struct{ Expected, P50, P90 string }

// CalibrationRow is what one level means: the annual probability of a
// likelihood level and the cost range of an impact level.
type CalibrationRow struct{ Level, Probability, Costs string }

// TailRow is one register risk's part of the losses.
type TailRow struct{ Risk, Share, Inherent, Residual string }

// ValueRow is a mitigation's cost effectiveness.
type ValueRow struct{ Mitigation, Risk, Cost, Removed, PerUnit string }

// heatmapView is the view name of the heat maps among a page's charts.
const heatmapView = "heatmap"

// assessRisks scores a scenario's risks in the report's language (the
// appetite is the scenario's risk-appetite assumption, else medium) and
// simulates its losses when opts asks for it, calibrated by the scenario's
// assumptions (else the illustrative defaults). The diagnostics point at the
// assumptions that cannot be read.
func assessRisks(res *model.Resolved, a *analysis.Analysis, lang string, opts BuildOptions) (*risk.Assessment, model.Diagnostics) {
	as, diags := risk.Assess(res, a, risk.Options{Lang: lang, Analysis: opts.Analysis})
	if opts.Simulate > 0 {
		cal, ds := risk.Calibrate(res, nil)
		diags = append(diags, ds...)
		as.Simulation = risk.Simulate(as, cal, risk.SimOptions{Draws: opts.Simulate, Seed: opts.Seed})
	}
	return as, diags
}

// buildRisks turns an assessment into the report's words.
func buildRisks(as *risk.Assessment, n *namer) *Risks {
	l := n.l
	out := &Risks{
		RegisterCount:  l.Count(len(as.Risks)),
		Exposure:       l.Count(as.Exposure()),
		HighOrCritical: l.Count(as.AtOrAbove(risk.High)),
		Appetite:       l.Enum("riskLevel", as.Appetite.String()),
		AppetiteSource: l.Enum("appetiteSource", as.AppetiteSource),
		AboveCount:     l.Count(len(as.AboveAppetite)),
	}
	titles := map[string]string{} // risk and mitigation ids → titles, for the simulation's tables
	for _, it := range as.Risks {
		titles[it.ID] = it.Title
		row := riskRow(it, n)
		out.Register = append(out.Register, row)
		if it.Above {
			out.Above = append(out.Above, row)
		}
		for _, m := range it.Mitigations {
			titles[m.ID] = m.Title
			out.Mitigations = append(out.Mitigations, MitigationRow{Title: m.Title, Risk: it.Title,
				Effect: l.Enum("reduces", m.Reduces) + " −" + l.style.Int(m.By),
				Status: or(l.Enum("mitigationStatus", m.Status)), Cost: n.money(m.Cost, true).Text,
				Phase: or(n.name(m.Phase)), Owner: or(n.name(m.Owner))})
		}
	}
	switch accepted := len(as.FindingsWith(risk.Accepted)); accepted {
	case 0:
	case 1:
		out.AcceptedNote = l.Label("acceptedFindingNote")
	default:
		out.AcceptedNote = l.labelf("acceptedFindingsNote", "{n}", l.Count(accepted).Text)
	}
	for _, f := range as.FindingsWith(risk.Open) {
		out.Open = append(out.Open, findingRow(f, n))
	}
	for _, f := range as.FindingsWith(risk.Dismissed) {
		out.Dismissed = append(out.Dismissed, findingRow(f, n))
	}
	out.OpenCount, out.DismissedCount = l.Count(len(out.Open)), l.Count(len(out.Dismissed))
	if as.Simulation != nil {
		out.Simulation = buildSimulation(as.Simulation, titles, n)
	}
	return out
}

func riskRow(it risk.Item, n *namer) RiskRow {
	l := n.l
	row := RiskRow{ID: it.ID, Title: it.Title, Category: l.Enum("riskCategory", it.Category), Owner: n.name(it.Owner),
		Origin: l.Enum("riskOrigin", it.Origin), Inherent: scoreFigure(it.Inherent, l), Residual: scoreFigure(it.Residual, l),
		Current: scoreFigure(it.Current, l), Level: l.Enum("riskLevel", it.Level.String()), Above: it.Above,
		Finding: it.Finding, Explanation: it.Explanation}
	if it.Finding != "" {
		row.Origin = l.Enum("riskOrigin", "finding") + " " + it.Finding
	}
	titles := make([]string, len(it.Mitigations))
	for i, m := range it.Mitigations {
		titles[i] = m.Title
	}
	row.Response = or(strings.Join(titles, l.Label("listSeparator")))
	return row
}

func findingRow(f risk.Finding, n *namer) FindingRow {
	l := n.l
	subjects := make([]string, len(f.Subjects))
	for i, id := range f.Subjects {
		subjects[i] = n.subject(id)
	}
	return FindingRow{ID: f.ID, Title: f.Title, Rule: f.RuleTitle, Indicative: scoreFigure(f.Indicative, l),
		Level: l.Enum("riskLevel", f.Indicative.Level.String()), Subjects: strings.Join(subjects, l.Label("listSeparator")),
		Explanation: f.Explanation, Suggestion: f.Suggestion, Reason: f.Reason}
}

// subject names what a rule found: an entity (a risk by its title), or a
// delivery-chain stage.
func (n *namer) subject(id string) string {
	switch e := n.res.Lookup(id); {
	case e == nil && slices.Contains(model.Stages, id):
		return n.l.Enum("stage", id)
	case e != nil:
		if rk, ok := e.Item.(*model.Risk); ok {
			return rk.Title
		}
	}
	return n.name(id)
}

// scoreFigure is a score, written with its position: "15 (3×5)".
func scoreFigure(s risk.Score, l *Language) Figure {
	return Figure{Value: float64(s.Score), Text: l.style.Int(s.Score) + " (" + l.style.Int(s.Likelihood) + "×" + l.style.Int(s.Impact) + ")"}
}

func buildSimulation(sim *risk.Simulation, titles map[string]string, n *namer) *LossSimulation {
	l := n.l
	money := func(v float64) string { return l.style.Amount(v, n.cur) }
	title := func(id string) string {
		if t, ok := titles[id]; ok {
			return t
		}
		return id
	}
	c := sim.Calibration
	out := &LossSimulation{
		Draws:        l.Count(sim.Draws),
		Seed:         strconv.FormatUint(sim.Seed, 10),
		Illustrative: c.Illustrative,
		Sources: strings.NewReplacer("{likelihood}", l.Enum("calibrationSource", c.Sources.Likelihood),
			"{impact}", l.Enum("calibrationSource", c.Sources.Impact)).Replace(l.Label("calibrationSources")),
		Before: LossRow{money(sim.Inherent.ExpectedAnnualLoss), money(sim.Inherent.P50), money(sim.Inherent.P90)},
		After:  LossRow{money(sim.Residual.ExpectedAnnualLoss), money(sim.Residual.P50), money(sim.Residual.P90)},
	}
	for i, p := range c.Likelihood {
		out.Calibration = append(out.Calibration, CalibrationRow{Level: l.style.Int(i + 1), Probability: l.Percent(p),
			Costs: money(c.Impact[i].Low) + " – " + money(c.Impact[i].High)})
	}
	for _, r := range sim.Risks {
		out.Tail = append(out.Tail, TailRow{Risk: title(r.ID), Share: l.Percent(r.TailShare),
			Inherent: money(r.ExpectedLoss), Residual: money(r.ResidualExpectedLoss)})
	}
	for _, m := range sim.Mitigations {
		v := ValueRow{Mitigation: title(m.ID), Risk: title(m.Risk), Cost: money(m.Cost), Removed: money(m.LossRemoved), PerUnit: "—"}
		if m.PerUnitCost != nil {
			v.PerUnit = l.Number(*m.PerUnitCost, 4)
		}
		out.Values = append(out.Values, v)
	}
	return out
}

// heatmapChart is the page's heat maps, inherent beside residual, drawn by
// risk.HeatmapSVG (with an XML declaration, as the other chart files have).
func heatmapChart(s *Scenario, as *risk.Assessment, l *Language) ChartRef {
	caption := l.Label("chart." + heatmapView)
	svg := risk.HeatmapSVG(as.Matrix, s.Title+" — "+caption, l.code)
	return ChartRef{View: heatmapView, Title: caption, Path: chartsDir + "/" + s.Page + "-" + heatmapView + ".svg",
		SVG: append([]byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"), svg...)}
}
