package risk

// ruleCriticalSystem: a system many delivery-chain stages depend on (the
// analysis counts the stages whose chain entries name it and those of the
// interfaces crossing the agency's boundary) and that declares no continuity
// arrangement; one finding per such system.
var ruleCriticalSystem = Rule{
	Code:       "critical-system",
	Title:      Text{"Système dont dépendent de nombreuses étapes, sans continuité déclarée", "System many stages depend on, without declared continuity"},
	Category:   "information-systems",
	Likelihood: 2,
	Impact:     5,
	Mitigation: Text{
		"Plan de continuité du système (site de secours, procédure dégradée testée) avec un délai de reprise, un contrat de niveau de service et une revue de sa capacité ; le déclarer dans le scénario (continuity).",
		"A continuity plan for the system (standby site, tested fallback procedure) with a recovery time, a service-level agreement and a capacity review; declare it in the scenario (continuity).",
	},
	check: func(in *Input) []finding {
		critical := map[string]bool{}
		for _, sys := range in.Analysis.Systems.Critical {
			critical[sys] = true
		}
		var out []finding
		for _, d := range in.Analysis.Systems.Dependencies {
			if !critical[d.System] || d.Continuity {
				continue
			}
			var names []Text
			for _, st := range d.Stages {
				names = append(names, in.label(st))
			}
			out = append(out, finding{
				subjects: []string{d.System},
				explanation: textf("%d étapes dépendent de %s (%s) et aucun dispositif de continuité n'est déclaré : sa panne les arrête ensemble.",
					"%d stages depend on %s (%s) and no continuity arrangement is declared: its failure stops them all at once.",
					len(d.Stages), in.label(d.System), joinTexts(names)),
			})
		}
		return out
	},
}
