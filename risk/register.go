// Package risk scores a scenario's risks on the 5×5 likelihood × impact
// matrix: the scenario's own register (inherent, residual after every listed
// mitigation, current after those done), the findings of small structural
// rules over the analysis (one file per rule) and their triage — a register
// risk with `finding:` accepts one, `dismissed:` sets one aside with a reason,
// the others stay open, to be triaged —, the heat maps of the register, and a
// seeded Monte Carlo simulation of the annual losses where the user has said
// what the levels mean. It renders its results as text, Markdown and SVG; it
// reads no file and prints nothing.
package risk

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// OriginRegister is the origin of every risk of an assessment: the
// scenario's register (a finding it accepts is one of its risks).
const OriginRegister = "register"

// The statuses of a finding.
const (
	Open      = "open"      // neither accepted nor dismissed: to be triaged
	Accepted  = "accepted"  // a register risk accepts it (and replaces it)
	Dismissed = "dismissed" // set aside, with a reason
)

// AppetiteAssumption is the id of the assumption whose text names a
// scenario's risk appetite (a level name).
const AppetiteAssumption = "risk-appetite"

// DefaultAppetite is the appetite when neither the scenario nor the caller sets one.
const DefaultAppetite = Medium

// Options tune an assessment.
type Options struct {
	Appetite Level            // 0: the scenario's risk-appetite assumption, else DefaultAppetite
	Lang     string           // language of the findings' texts: fr (default) or en
	Analysis analysis.Options // used when Assess computes the analysis itself
}

// Assessment is the risk picture of one scenario.
type Assessment struct {
	Scenario       string      `json:"scenario"`
	Title          string      `json:"title"`
	Currency       string      `json:"currency,omitempty"`
	Lang           string      `json:"-"`
	Appetite       Level       `json:"appetite"`
	AppetiteSource string      `json:"appetiteSource"` // option, scenario or default
	Risks          []Item      `json:"risks"`          // the register, accepted findings included: by residual score, highest first, then id
	Findings       []Finding   `json:"findings"`       // every finding of the rules with its status: by indicative score, highest first, then id
	Matrix         Matrix      `json:"matrix"`         // the register's
	AboveAppetite  []string    `json:"aboveAppetite"`  // ids of the register risks whose residual level is above the appetite
	Simulation     *Simulation `json:"simulation,omitempty"`

	triages []triage // where the scenario triages findings
}

// Item is one risk of the register; a finding the scenario accepts is one,
// scored like the others.
type Item struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Category    string       `json:"category"`
	Origin      string       `json:"origin"`            // "register"
	Finding     string       `json:"finding,omitempty"` // the finding it accepts
	Owner       string       `json:"owner,omitempty"`
	Subjects    []string     `json:"subjects"`
	Likelihood  model.Level  `json:"likelihood"`
	Impact      model.Level  `json:"impact"`
	Inherent    Score        `json:"inherent"`
	Residual    Score        `json:"residual"`
	Current     Score        `json:"current"`
	Level       Level        `json:"level"` // the residual level
	Above       bool         `json:"aboveAppetite"`
	Mitigations []Mitigation `json:"mitigations"`
	Explanation string       `json:"explanation,omitempty"` // an accepted finding: why the rule fired (when it still does)
}

// Finding is a weakness a structural rule found, and what the scenario made
// of it. Its levels are the rule's: an indication for the triage, not an
// assessment; it counts in no exposure.
type Finding struct {
	ID          string   `json:"id"` // the rule's code and its first subject: stable
	Rule        string   `json:"rule"`
	RuleTitle   string   `json:"ruleTitle"`
	Title       string   `json:"title"` // the rule's (or the finding's) title and the subject's name
	Category    string   `json:"category"`
	Subjects    []string `json:"subjects"`
	Indicative  Score    `json:"indicative"` // the rule's levels for this finding
	Explanation string   `json:"explanation"`
	Suggestion  string   `json:"suggestedMitigation"`
	Status      string   `json:"status"`               // open, accepted or dismissed
	AcceptedBy  string   `json:"acceptedBy,omitempty"` // the register risk that accepts it
	Reason      string   `json:"reason,omitempty"`     // why it was dismissed
}

// triage is where a scenario accepts or dismisses a finding: the id it names
// and the position of that `finding:` value.
type triage struct {
	finding string
	pos     model.Pos
}

// Mitigation is a register risk's mitigation.
type Mitigation struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Reduces string  `json:"reduces"`
	By      int     `json:"by"`
	Cost    float64 `json:"cost,omitempty"`
	Status  string  `json:"status,omitempty"`
	Phase   string  `json:"phase,omitempty"`
	Owner   string  `json:"owner,omitempty"`
}

// Grid counts risks per cell: Grid[likelihood-1][impact-1].
type Grid [5][5]int

// Matrix holds the heat maps: inherent and residual counts per cell.
type Matrix struct {
	Inherent Grid `json:"inherent"`
	Residual Grid `json:"residual"`
}

// Assess scores the scenario's register, runs the structural rules and
// triages their findings: a register risk with `finding:` accepts one (the
// risk, scored like any other, replaces it), `dismissed:` sets one aside with
// its reason, the others stay open. a is the scenario's analysis; nil
// computes it with opts.Analysis. The diagnostics point at assumptions that
// cannot be read (a risk-appetite that names no level); a triage naming a
// finding the rules do not produce is for CheckTriage to report, over a set.
func Assess(r *model.Resolved, a *analysis.Analysis, opts Options) (*Assessment, model.Diagnostics) {
	if a == nil {
		a = analysis.Analyze(r, opts.Analysis)
	}
	lang := cmp.Or(opts.Lang, "fr")
	out := &Assessment{Scenario: r.Header.ID, Title: r.Header.Title, Currency: r.Header.Currency, Lang: lang,
		Risks: []Item{}, Findings: []Finding{}, AboveAppetite: []string{}}
	var diags model.Diagnostics
	out.Appetite, out.AppetiteSource = opts.Appetite, "option"
	if opts.Appetite == 0 {
		out.Appetite, out.AppetiteSource, diags = scenarioAppetite(r)
	}
	in := &Input{Scenario: r, Analysis: a}
	for _, rule := range rules {
		for _, f := range rule.check(in) {
			out.Findings = append(out.Findings, rule.finding(f, in, lang))
		}
	}
	found := make(map[string]*Finding, len(out.Findings))
	for i := range out.Findings {
		found[out.Findings[i].ID] = &out.Findings[i]
	}
	for _, d := range r.Dismissed {
		out.triages = append(out.triages, triage{d.Finding, d.PosOf("finding")})
		if f := found[d.Finding]; f != nil {
			f.Status, f.Reason = Dismissed, strings.TrimSpace(d.Reason)
		}
	}
	for _, rk := range r.Risks {
		it := registerItem(rk)
		if rk.Finding != "" {
			out.triages = append(out.triages, triage{rk.Finding, rk.PosOf("finding")})
			if f := found[rk.Finding]; f != nil {
				f.Status, f.AcceptedBy = Accepted, rk.ID
				it.Explanation = f.Explanation
			}
		}
		out.Risks = append(out.Risks, it)
	}
	slices.SortStableFunc(out.Risks, func(x, y Item) int {
		return cmp.Or(cmp.Compare(y.Residual.Score, x.Residual.Score), cmp.Compare(x.ID, y.ID))
	})
	slices.SortStableFunc(out.Findings, func(x, y Finding) int {
		return cmp.Or(cmp.Compare(y.Indicative.Score, x.Indicative.Score), cmp.Compare(x.ID, y.ID))
	})
	for i := range out.Risks {
		it := &out.Risks[i]
		it.Above = it.Level > out.Appetite
		if it.Above {
			out.AboveAppetite = append(out.AboveAppetite, it.ID)
		}
		out.Matrix.Inherent[it.Inherent.Likelihood-1][it.Inherent.Impact-1]++
		out.Matrix.Residual[it.Residual.Likelihood-1][it.Residual.Impact-1]++
	}
	return out, diags
}

// scenarioAppetite reads the risk-appetite assumption: its text names a level.
func scenarioAppetite(r *model.Resolved) (Level, string, model.Diagnostics) {
	for _, as := range r.Assumptions {
		if as.ID != AppetiteAssumption {
			continue
		}
		if l, ok := ParseLevel(as.Text); ok {
			return l, "scenario", nil
		}
		return DefaultAppetite, "default", model.Diagnostics{{Pos: as.PosOf("text"), Severity: model.Error, Code: "unknown-value",
			Message: "assumption \"" + AppetiteAssumption + "\": " + quote(as.Text) + " is not a risk level",
			Hint:    "write one of: low, medium, high, critical (or faible, moyen, élevé, critique)"}}
	}
	return DefaultAppetite, "default", nil
}

// AtOrAbove counts the register risks (accepted findings included) whose
// residual level is at or above a level.
func (a *Assessment) AtOrAbove(l Level) int {
	n := 0
	for _, it := range a.Risks {
		if it.Level >= l {
			n++
		}
	}
	return n
}

// OpenAtOrAbove counts the open findings whose indicative level (the rule's)
// is at or above a level.
func (a *Assessment) OpenAtOrAbove(l Level) int {
	n := 0
	for _, f := range a.Findings {
		if f.Status == Open && f.Indicative.Level >= l {
			n++
		}
	}
	return n
}

// FindingsWith returns the findings with a status (Open, Accepted,
// Dismissed), in the assessment's order.
func (a *Assessment) FindingsWith(status string) []Finding {
	var out []Finding
	for _, f := range a.Findings {
		if f.Status == status {
			out = append(out, f)
		}
	}
	return out
}

// OpenFindings counts the findings neither accepted nor dismissed.
func (a *Assessment) OpenFindings() int { return len(a.FindingsWith(Open)) }

// Exposure is the sum of the register's residual scores, the findings the
// scenario accepts included (each as the register risk that accepts it):
// one figure to compare options. Open and dismissed findings count for
// nothing: they are not assessed.
func (a *Assessment) Exposure() int {
	n := 0
	for _, it := range a.Risks {
		n += it.Residual.Score
	}
	return n
}

// registerItem scores one of the scenario's own risks.
func registerItem(rk *model.Risk) Item {
	it := Item{ID: rk.ID, Title: rk.Title, Description: strings.TrimSpace(rk.Description), Category: rk.Category,
		Origin: OriginRegister, Finding: rk.Finding, Owner: rk.Owner, Subjects: []string{rk.ID}, Likelihood: rk.Likelihood, Impact: rk.Impact,
		Inherent: Inherent(rk), Residual: Residual(rk), Current: Current(rk), Mitigations: []Mitigation{}}
	it.Level = it.Residual.Level
	for _, m := range rk.Mitigations {
		it.Mitigations = append(it.Mitigations, Mitigation{ID: m.ID, Title: m.Title, Reduces: m.Reduces, By: m.By,
			Cost: m.Cost, Status: m.Status, Phase: m.Phase, Owner: m.Owner})
	}
	return it
}
