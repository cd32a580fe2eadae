package risk

// ruleEligibilityGrievance: one party accountable both for deciding
// eligibility and for hearing the grievances against those decisions.
var ruleEligibilityGrievance = Rule{
	Code:       "eligibility-grievance-conflict",
	Title:      Text{"Éligibilité et réclamations sous un même responsable", "Eligibility and grievance under one accountable party"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     4,
	Mitigation: Text{
		"Confier l'instruction des réclamations à une unité indépendante de la décision d'éligibilité (médiateur, unité des recours rattachée à la direction générale).",
		"Give grievance handling to a unit independent of the eligibility decision (an ombudsman, an appeals unit reporting to the director general).",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, c := range in.Analysis.RACI.Segregation {
			out = append(out, finding{
				subjects: []string{c.Party},
				explanation: textf("%s décide de l'éligibilité et instruit les réclamations contre ses propres décisions : le ménage n'a pas de recours indépendant.",
					"%s decides eligibility and hears the grievances against its own decisions: households have no independent recourse.", in.label(c.Party)),
			})
		}
		return out
	},
}
