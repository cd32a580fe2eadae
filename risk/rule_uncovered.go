package risk

// ruleUncoveredTerritory: a stage that no channel serves in part of the
// territory, one risk per stage (subjects: the stage, then the territory
// units left uncovered).
var ruleUncoveredTerritory = Rule{
	Code:       "stage-uncovered-territory",
	Title:      Text{"Étape sans canal dans une partie du territoire", "Stage with no channel in part of the territory"},
	Category:   "reputational",
	Likelihood: 4,
	Impact:     3,
	Mitigation: Text{
		"Ouvrir un canal national (numérique, centre d'appel) pour l'étape ou étendre un canal de proximité (unité mobile, guichet partenaire) aux territoires non couverts.",
		"Open a national channel (digital, call centre) for the stage or extend a local one (mobile unit, partner counter) to the territories left out.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, sc := range in.Analysis.Capacity.Channels {
			if len(sc.Uncovered) == 0 {
				continue
			}
			out = append(out, finding{
				subjects: append([]string{sc.Stage}, sc.Uncovered...),
				explanation: byCount(len(sc.Uncovered),
					textf("Aucun canal ne sert l'étape « %s » dans 1 unité territoriale : %s ; les ménages de ce territoire en sont exclus ou doivent se déplacer.",
						"No channel serves the %s stage in 1 territory unit: %s; households there are left out or must travel.",
						in.label(sc.Stage), in.labels(sc.Uncovered, 5)),
					textf("Aucun canal ne sert l'étape « %s » dans %d unités territoriales : %s ; les ménages de ces territoires en sont exclus ou doivent se déplacer.",
						"No channel serves the %s stage in %d territory units: %s; households there are left out or must travel.",
						in.label(sc.Stage), len(sc.Uncovered), in.labels(sc.Uncovered, 5))),
			})
		}
		return out
	},
}
