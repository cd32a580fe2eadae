package risk

import "github.com/orgdesign/orgdesign/model"

// ruleOwnerNotUnit: a register risk owned by something other than one of the
// agency's units (an actor, a body, `agency` as a whole) or by no one.
var ruleOwnerNotUnit = Rule{
	Code:       "owner-not-unit",
	Title:      Text{"Risque sans unité responsable", "Risk not owned by a unit"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     2,
	Mitigation: Text{
		"Confier le risque à une unité de l'agence qui en suit les mesures et en rend compte au comité d'audit.",
		"Give the risk to one of the agency's units, which follows its mitigations and reports on them to the audit committee.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, rk := range in.Scenario.Risks {
			switch {
			case rk.Owner == "":
				out = append(out, finding{
					subjects:    []string{rk.ID},
					explanation: textf("Le risque %s n'a pas de responsable.", "Risk %s has no owner.", in.label(rk.ID)),
				})
			case rk.Owner == model.Reserved || !in.isUnit(rk.Owner):
				out = append(out, finding{
					subjects: []string{rk.ID, rk.Owner},
					explanation: textf("Le risque %s est confié à %s, qui n'est pas une unité de l'agence : personne en interne n'en suit les mesures.",
						"Risk %s is owned by %s, not one of the agency's units: no one inside follows its mitigations.", in.label(rk.ID), in.label(rk.Owner)),
				})
			}
		}
		return out
	},
}
