package risk

// ruleCriticalSystem: a system many delivery-chain stages depend on, one risk
// per critical system.
var ruleCriticalSystem = Rule{
	Code:       "critical-system",
	Title:      Text{"Système dont dépendent de nombreuses étapes", "System many stages depend on"},
	Category:   "information-systems",
	Likelihood: 2,
	Impact:     5,
	Mitigation: Text{
		"Plan de continuité du système (site de secours, procédure dégradée testée), contrat de niveau de service et revue de sa capacité.",
		"A continuity plan for the system (standby site, tested fallback procedure), a service-level agreement and a capacity review.",
	},
	check: func(in *Input) []finding {
		stages := map[string][]string{}
		for _, d := range in.Analysis.Systems.Dependencies {
			stages[d.System] = d.Stages
		}
		var out []finding
		for _, sys := range in.Analysis.Systems.Critical {
			var names []Text
			for _, st := range stages[sys] {
				names = append(names, in.label(st))
			}
			out = append(out, finding{
				subjects: []string{sys},
				explanation: textf("%d étapes dépendent de %s (%s) : sa panne les arrête ensemble.",
					"%d stages depend on %s (%s): its failure stops them all at once.", len(stages[sys]), in.label(sys), joinTexts(names)),
			})
		}
		return out
	},
}
