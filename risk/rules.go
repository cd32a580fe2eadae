package risk

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// rules are the structural rules, in the order their findings are found. Add a
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

// Rule finds weaknesses in the structure of a scenario: each finding is open
// until the scenario accepts it as a register risk or dismisses it.
type Rule struct {
	Code       string // kebab-case and stable: its findings' id prefix
	Title      Text
	Category   string // a risk category of the format
	Likelihood int    // the default levels of its findings: an indication until the scenario triages them
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
// the finding: a rule finds at most one weakness per first subject, which
// makes its id unique), why it is a risk and, where the rule grades its
// findings, this one's title and levels instead of the rule's.
type finding struct {
	subjects           []string
	explanation        Text
	title              Text // zero: the rule's title
	likelihood, impact int  // 0: the rule's levels
}

// ID is a finding's id: the rule's code, a dash, its first subject. No code
// is another's prefix followed by a dash (tested), so the id names the rule.
func (r *Rule) ID(subject string) string { return r.Code + "-" + subject }

// finding turns what a rule found into a Finding, open until the scenario
// triages it, with the rule's levels (or the finding's own) as an indication.
func (r *Rule) finding(f finding, in *Input, lang string) Finding {
	subject := ""
	if len(f.subjects) > 0 {
		subject = f.subjects[0]
	}
	title := r.Title
	if f.title.FR != "" {
		title = f.title
	}
	return Finding{
		ID:          r.ID(subject),
		Rule:        r.Code,
		RuleTitle:   r.Title.In(lang),
		Title:       title.In(lang) + " — " + in.label(subject).In(lang),
		Category:    r.Category,
		Subjects:    append([]string{}, f.subjects...),
		Indicative:  NewScore(cmp.Or(f.likelihood, r.Likelihood), cmp.Or(f.impact, r.Impact)),
		Explanation: f.explanation.In(lang),
		Suggestion:  r.Mitigation.In(lang),
		Status:      Open,
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
