package risk

import "github.com/orgdesign/orgdesign/model"

// ruleManualExchange: manual or file exchanges on a delivery-chain stage, one
// risk per stage (subjects: the stage, then the interfaces).
var ruleManualExchange = Rule{
	Code:       "manual-exchange-on-chain",
	Title:      Text{"Échanges manuels ou par fichier sur la chaîne", "Manual or file exchanges on the delivery chain"},
	Category:   "operational",
	Likelihood: 3,
	Impact:     3,
	Mitigation: Text{
		"Remplacer l'échange par une interface automatisée (API ou flux contrôlé) avec rapprochement et journal des échanges.",
		"Replace the exchange with an automated interface (an API or a controlled feed) with reconciliation and an exchange log.",
	},
	check: func(in *Input) []finding {
		byStage := map[string][]string{}
		for _, is := range in.Analysis.Systems.Manual {
			for _, st := range is.Stages {
				byStage[st] = append(byStage[st], is.Interface)
			}
		}
		var out []finding
		for _, stage := range model.Stages {
			ifs := byStage[stage]
			if len(ifs) == 0 {
				continue
			}
			out = append(out, finding{
				subjects: append([]string{stage}, ifs...),
				explanation: textf("L'étape « %s » repose sur %s ou par fichier : %s ; erreurs de saisie, retards et pertes de fichiers.",
					"The %s stage relies on %s: %s; keying errors, delays and lost files follow.",
					in.label(stage), byCount(len(ifs), Text{"1 échange manuel", "1 manual or file exchange"},
						textf("%d échanges manuels", "%d manual or file exchanges", len(ifs))), in.labels(ifs, 5)),
			})
		}
		return out
	},
}
