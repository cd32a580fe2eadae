// Package risk scores a scenario's risks on the 5×5 likelihood × impact
// matrix: the scenario's own register (inherent, residual after every listed
// mitigation, current after those done), the risks derived from the structure
// by small rules over the analysis (one file per rule), the heat maps, and a
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

// OriginRegister is the origin of the scenario's own risks; a derived risk's
// origin is the code of the rule that found it.
const OriginRegister = "register"

// AppetiteAssumption is the id of the assumption whose text names a
// scenario's risk appetite (a level name).
const AppetiteAssumption = "risk-appetite"

// DefaultAppetite is the appetite when neither the scenario nor the caller sets one.
const DefaultAppetite = Medium

// Options tune an assessment.
type Options struct {
	Appetite Level            // 0: the scenario's risk-appetite assumption, else DefaultAppetite
	Lang     string           // language of the derived risks' texts: fr (default) or en
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
	Risks          []Item      `json:"risks"`          // by residual score, highest first, then id
	Matrix         Matrix      `json:"matrix"`
	AboveAppetite  []string    `json:"aboveAppetite"` // ids of the risks whose residual level is above the appetite
	Simulation     *Simulation `json:"simulation,omitempty"`
}

// Item is one risk: from the register or derived by a rule.
type Item struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	Category    string       `json:"category"`
	Origin      string       `json:"origin"` // "register" or the rule's code
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
	Explanation string       `json:"explanation,omitempty"`         // derived risks: why the rule fired
	Suggestion  string       `json:"suggestedMitigation,omitempty"` // derived risks: what would reduce it
}

// Derived reports whether a rule found the risk.
func (it *Item) Derived() bool { return it.Origin != OriginRegister }

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

// Assess scores the scenario's register and the risks its structure implies.
// a is the scenario's analysis; nil computes it with opts.Analysis. The
// diagnostics point at assumptions that cannot be read (a risk-appetite that
// names no level).
func Assess(r *model.Resolved, a *analysis.Analysis, opts Options) (*Assessment, model.Diagnostics) {
	if a == nil {
		a = analysis.Analyze(r, opts.Analysis)
	}
	lang := cmp.Or(opts.Lang, "fr")
	out := &Assessment{Scenario: r.Header.ID, Title: r.Header.Title, Currency: r.Header.Currency, Lang: lang,
		Risks: []Item{}, AboveAppetite: []string{}}
	var diags model.Diagnostics
	out.Appetite, out.AppetiteSource = opts.Appetite, "option"
	if opts.Appetite == 0 {
		out.Appetite, out.AppetiteSource, diags = scenarioAppetite(r)
	}
	for _, rk := range r.Risks {
		out.Risks = append(out.Risks, registerItem(rk))
	}
	in := &Input{Scenario: r, Analysis: a}
	seen := map[string]bool{}
	for _, it := range out.Risks {
		seen[it.ID] = true
	}
	for _, rule := range rules {
		for _, f := range rule.check(in) {
			it := rule.item(f, in, lang)
			for base, n := it.ID, 2; seen[it.ID]; n++ { // never two risks with one id
				it.ID = base + "-" + itoa(n)
			}
			seen[it.ID] = true
			out.Risks = append(out.Risks, it)
		}
	}
	slices.SortStableFunc(out.Risks, func(x, y Item) int {
		return cmp.Or(cmp.Compare(y.Residual.Score, x.Residual.Score), cmp.Compare(x.ID, y.ID))
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

// AtOrAbove counts the risks whose residual level is at or above a level.
func (a *Assessment) AtOrAbove(l Level) int {
	n := 0
	for _, it := range a.Risks {
		if it.Level >= l {
			n++
		}
	}
	return n
}

// Exposure is the sum of the residual scores: one figure to compare options.
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
		Origin: OriginRegister, Owner: rk.Owner, Subjects: []string{rk.ID}, Likelihood: rk.Likelihood, Impact: rk.Impact,
		Inherent: Inherent(rk), Residual: Residual(rk), Current: Current(rk), Mitigations: []Mitigation{}}
	it.Level = it.Residual.Level
	for _, m := range rk.Mitigations {
		it.Mitigations = append(it.Mitigations, Mitigation{ID: m.ID, Title: m.Title, Reduces: m.Reduces, By: m.By,
			Cost: m.Cost, Status: m.Status, Phase: m.Phase, Owner: m.Owner})
	}
	return it
}
