package risk

import (
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// rules are the structural rules, in the order their risks are found. Add a
// rule in a file of its own (rule_*.go) and list it here.
var rules = []*Rule{
	&ruleMandateNoAccountable,
	&ruleSpanOverLimit,
	&ruleStageNoAccountable,
	&ruleStageSeveralAccountables,
	&ruleEligibilityGrievance,
	&rulePersonalData,
	&ruleManualExchange,
	&ruleCriticalSystem,
	&ruleBoardIndependence,
	&ruleUnderstaffed,
	&ruleUncoveredTerritory,
	&ruleUnmitigated,
	&ruleOwnerNotUnit,
}

// Rule derives risks from the structure of a scenario.
type Rule struct {
	Code       string // kebab-case and stable: the derived risks' origin and id prefix
	Title      Text
	Category   string // a risk category of the format
	Likelihood int    // the default levels of the risks it derives
	Impact     int
	Mitigation Text // the suggested mitigation
	check      func(in *Input) []finding
}

// Rules returns the structural rules, in the order they run.
func Rules() []*Rule { return slices.Clone(rules) }

// Input is what a rule reads: the resolved scenario and its analysis.
type Input struct {
	Scenario *model.Resolved
	Analysis *analysis.Analysis

	instances map[string]*model.Instance // by id, built on first use
}

// instance returns the unit instance with the id, or nil.
func (in *Input) instance(id string) *model.Instance {
	if in.instances == nil {
		in.instances = make(map[string]*model.Instance, len(in.Scenario.Instances))
		for _, inst := range in.Scenario.Instances {
			in.instances[inst.ID] = inst
		}
	}
	return in.instances[id]
}

// finding is one weakness a rule found: the ids it concerns (the first names
// the derived risk) and why it is a risk.
type finding struct {
	subjects    []string
	explanation Text
}

// item turns a finding into a derived risk: scored with the rule's levels, no
// mitigations, so residual and current equal inherent.
func (r *Rule) item(f finding, in *Input, lang string) Item {
	s := NewScore(r.Likelihood, r.Impact)
	subject := ""
	if len(f.subjects) > 0 {
		subject = f.subjects[0]
	}
	return Item{
		ID:          r.Code + "-" + subject,
		Title:       r.Title.In(lang) + " — " + in.label(subject).In(lang),
		Category:    r.Category,
		Origin:      r.Code,
		Subjects:    append([]string{}, f.subjects...),
		Likelihood:  model.Level{Low: s.Likelihood, Likely: s.Likelihood, High: s.Likelihood},
		Impact:      model.Level{Low: s.Impact, Likely: s.Impact, High: s.Impact},
		Inherent:    s,
		Residual:    s,
		Current:     s,
		Level:       s.Level,
		Mitigations: []Mitigation{},
		Explanation: f.explanation.In(lang),
		Suggestion:  r.Mitigation.In(lang),
	}
}

// label names an id for an explanation: "Name (id)" for an entity of the
// scenario or a unit instance, the stage's name for a stage, the agency for
// `agency`, the territory unit's name for a territory id, else the id.
func (in *Input) label(id string) Text {
	if id == model.Reserved {
		return textf("%s", "%s", words["agency"])
	}
	if t, ok := words["stage."+id]; ok {
		return t
	}
	r := in.Scenario
	name := ""
	if e := r.Lookup(id); e != nil {
		switch x := e.Item.(type) {
		case *model.Unit:
			name = x.Name
		case *model.Actor:
			name = x.Name
		case *model.Body:
			name = x.Name
		case *model.System:
			name = x.Name
		case *model.Channel:
			name = x.Name
		case *model.Mandate:
			name = x.Title
		case *model.Risk:
			name = x.Title
		case *model.Interface:
			name = x.From + " → " + x.To
		}
	} else if r.Territory != nil {
		if u := r.Territory.Unit(id); u != nil {
			return same(u.Name)
		}
	}
	if inst := in.instance(id); name == "" && inst != nil {
		name = inst.Name
	}
	if name == "" || name == id {
		return same(id)
	}
	if strings.Contains(name, "{territory}") {
		return textf("%s (%s)", "%s (%s)", Text{strings.ReplaceAll(name, "{territory}", words["territory"].FR),
			strings.ReplaceAll(name, "{territory}", words["territory"].EN)}, id)
	}
	return same(name + " (" + id + ")")
}

// labels names several ids, the first few only when there are many.
func (in *Input) labels(ids []string, limit int) Text {
	var ts []Text
	for i, id := range ids {
		if limit > 0 && i == limit {
			ts = append(ts, textf("%d autres", "%d more", len(ids)-limit))
			break
		}
		ts = append(ts, in.label(id))
	}
	return joinTexts(ts)
}

// isUnit reports whether id is a unit template or a unit instance.
func (in *Input) isUnit(id string) bool {
	return in.Scenario.Unit(id) != nil || in.instance(id) != nil
}
