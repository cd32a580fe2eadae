package risk

// ruleMandateNoAccountable: a mandate of the agency that no one is accountable for.
var ruleMandateNoAccountable = Rule{
	Code:       "mandate-no-accountable",
	Title:      Text{"Mandat sans responsable (A)", "Mandate with no accountable party"},
	Category:   "governance",
	Likelihood: 3,
	Impact:     3,
	Mitigation: Text{
		"Désigner, dans le texte d'organisation, l'unité qui rend compte de ce mandat et l'inscrire dans sa fiche de mission.",
		"Name, in the organisation decree, the unit accountable for this mandate and write it into that unit's terms of reference.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, m := range in.Analysis.RACI.Mandates {
			if !m.Gap {
				continue
			}
			out = append(out, finding{
				subjects: []string{m.Mandate},
				explanation: textf("Le mandat %s n'a pas de responsable (A) : personne ne rend compte de son exécution.",
					"Mandate %s has no accountable party: no one answers for carrying it out.", in.label(m.Mandate)),
			})
		}
		return out
	},
}
