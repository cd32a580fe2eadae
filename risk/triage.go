package risk

import (
	"fmt"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// CodeUnknownFinding is the code of the warning about a triage naming a
// finding the rules do not produce.
const CodeUnknownFinding = "unknown-finding"

// CheckTriage warns about the triages (a register risk's `finding:`, an item
// of `dismissed:`) naming a finding the rules do not produce, positioned at
// the `finding:` value, with the nearest finding produced as "did you mean".
//
// It judges a set, not a scenario: a triage written once (in a shared
// context) applies to every scenario that inherits it, and an option where
// the finding does not arise simply has nothing to triage. So a triage is
// reported only when no scenario of the list that holds it (the same
// `finding:` at the same place) produces the finding; the nearest id is
// sought among what those scenarios produce.
func CheckTriage(list []*Assessment) model.Diagnostics {
	type held struct {
		id        string
		pos       model.Pos
		scenarios []string
		produced  bool
		nearby    []string // the ids the holding scenarios produce
	}
	var order []*held
	by := map[triage]*held{}
	for _, a := range list {
		for _, t := range a.triages {
			h := by[t]
			if h == nil {
				h = &held{id: t.finding, pos: t.pos}
				by[t] = h
				order = append(order, h)
			}
			h.scenarios = append(h.scenarios, a.Scenario)
			for _, f := range a.Findings {
				h.produced = h.produced || f.ID == t.finding
				h.nearby = append(h.nearby, f.ID)
			}
		}
	}
	var out model.Diagnostics
	for _, h := range order {
		if h.produced {
			continue
		}
		in := strings.Join(slices.Compact(slices.Sorted(slices.Values(h.scenarios))), ", ")
		d := model.Diagnostic{Pos: h.pos, Severity: model.Warning, Code: CodeUnknownFinding,
			Message: fmt.Sprintf("the rules produce no finding %q in %s", h.id, in),
			Hint:    "`orgdesign risk` lists each scenario's findings and their ids",
			Say:     model.Words{Key: CodeUnknownFinding, Args: [3]string{h.id, in}}}
		d.SuggestNearest(h.id, h.nearby)
		out = append(out, d)
	}
	return out.Sort()
}

// CheckScenarios assesses each scenario (its analysis with opts) and checks
// their triages together (CheckTriage): for the commands that load a set
// without scoring it.
func CheckScenarios(scenarios []*model.Resolved, opts analysis.Options) model.Diagnostics {
	list := make([]*Assessment, 0, len(scenarios))
	for _, r := range scenarios {
		a, _ := Assess(r, nil, Options{Analysis: opts})
		list = append(list, a)
	}
	return CheckTriage(list)
}
