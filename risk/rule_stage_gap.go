package risk

// ruleStageNoAccountable: a delivery-chain stage no one is accountable for,
// one risk per stage.
var ruleStageNoAccountable = Rule{
	Code:       "stage-no-accountable",
	Title:      Text{"Étape de la chaîne sans responsable (A)", "Delivery-chain stage with no accountable party"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     4,
	Mitigation: Text{
		"Confier l'étape à une unité qui en rend compte et l'inscrire dans la chaîne (RACI) et les procédures.",
		"Give the stage to one unit that answers for it, in the chain's RACI and in the procedures.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, stage := range in.Analysis.RACI.Gaps {
			out = append(out, finding{
				subjects: []string{stage},
				explanation: textf("Personne ne rend compte de l'étape « %s » : ses retards et ses erreurs n'ont pas de responsable.",
					"No one is accountable for the %s stage: its delays and errors have no owner.", in.label(stage)),
			})
		}
		return out
	},
}
