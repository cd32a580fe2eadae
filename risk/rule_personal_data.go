package risk

// rulePersonalData: an interface carrying personal data without a signed
// agreement or without a legal basis, one risk per interface.
var rulePersonalData = Rule{
	Code:       "personal-data-unprotected",
	Title:      Text{"Données personnelles sans convention signée ou sans base légale", "Personal data without a signed agreement or a legal basis"},
	Category:   "legal",
	Likelihood: 3,
	Impact:     4,
	Mitigation: Text{
		"Signer une convention d'échange de données qui cite sa base légale, et la soumettre à l'autorité de protection des données.",
		"Sign a data-sharing agreement that cites its legal basis, and submit it to the data protection authority.",
	},
	check: func(in *Input) []finding {
		var out []finding
		for _, is := range in.Analysis.Systems.PersonalData {
			var problems []Text
			for _, p := range is.Problems {
				switch p {
				case "no-signed-agreement":
					problems = append(problems, Text{"sans convention signée", "without a signed agreement"})
				case "no-legal-basis":
					problems = append(problems, Text{"sans base légale", "without a legal basis"})
				}
			}
			out = append(out, finding{
				subjects: []string{is.Interface},
				explanation: textf("L'interface %s (%s → %s) échange des données personnelles %s.",
					"Interface %s (%s → %s) exchanges personal data %s.",
					is.Interface, in.label(is.From), in.label(is.To), joinTexts(problems)),
			})
		}
		return out
	},
}
