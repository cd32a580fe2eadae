package risk

// ruleStageSeveralAccountables: a delivery-chain stage with several
// accountable parties, one risk per stage.
var ruleStageSeveralAccountables = Rule{
	Code:       "stage-several-accountables",
	Title:      Text{"Étape de la chaîne à plusieurs responsables (A)", "Delivery-chain stage with several accountable parties"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     3,
	Mitigation: Text{
		"Désigner un seul responsable (A) de l'étape ; les autres parties deviennent R, C ou I, avec une convention qui le dit.",
		"Name a single accountable party for the stage; the others become R, C or I, under an agreement that says so.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, st := range in.Analysis.RACI.Stages {
			if !st.Overlap {
				continue
			}
			out = append(out, finding{
				subjects: append([]string{st.Stage}, st.Accountable...),
				explanation: textf("L'étape « %s » a %d responsables (A) : %s ; chacun peut renvoyer à l'autre un échec.",
					"The %s stage has %d accountable parties: %s; each can pass a failure on to another.",
					in.label(st.Stage), len(st.Accountable), in.labels(st.Accountable, 0)),
			})
		}
		return out
	},
}
