package risk

import (
	"fmt"
	"strings"
)

// Languages are the languages of the words this package adds.
var Languages = []string{"fr", "en"}

// Text is a sentence in French and in English.
type Text struct {
	FR, EN string
}

// In returns the text in a language: English for "en", French otherwise.
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.FR
}

// byCount is the singular text when n is 1, else the plural: a sentence
// says "1 unité dépasse", not "1 unité(s) dépassent".
func byCount(n int, one, many Text) Text {
	if n == 1 {
		return one
	}
	return many
}

// textf formats a French and an English pattern with the same arguments; an
// argument that is a Text takes its value in each language.
func textf(fr, en string, args ...any) Text {
	pick := func(lang string) []any {
		out := make([]any, len(args))
		for i, a := range args {
			if t, ok := a.(Text); ok {
				out[i] = t.In(lang)
			} else {
				out[i] = a
			}
		}
		return out
	}
	return Text{FR: fmt.Sprintf(fr, pick("fr")...), EN: fmt.Sprintf(en, pick("en")...)}
}

// same is a text that reads the same in both languages (a name, an id).
func same(s string) Text { return Text{FR: s, EN: s} }

// joinTexts joins texts with ", " in each language.
func joinTexts(ts []Text) Text {
	fr := make([]string, len(ts))
	en := make([]string, len(ts))
	for i, t := range ts {
		fr[i], en[i] = t.FR, t.EN
	}
	return Text{FR: strings.Join(fr, ", "), EN: strings.Join(en, ", ")}
}

// word returns one of the words the outputs add, in a language.
func word(lang, key string) string {
	t, ok := words[key]
	if !ok {
		return key
	}
	return t.In(lang)
}

// The words of the text, Markdown and SVG outputs. Stage and category names
// follow the report's wording (templates/i18n).
var words = map[string]Text{
	"level.low":      {"faible", "low"},
	"level.medium":   {"moyen", "medium"},
	"level.high":     {"élevé", "high"},
	"level.critical": {"critique", "critical"},

	"category.governance":          {"Gouvernance", "Governance"},
	"category.operational":         {"Opérationnel", "Operational"},
	"category.information-systems": {"Systèmes d'information", "Information systems"},
	"category.hr":                  {"Ressources humaines", "Human resources"},
	"category.financial":           {"Financier", "Financial"},
	"category.legal":               {"Juridique", "Legal"},
	"category.reputational":        {"Réputation", "Reputational"},

	"stage.outreach":    {"Information et sensibilisation", "Outreach"},
	"stage.intake":      {"Inscription", "Intake"},
	"stage.assessment":  {"Évaluation des besoins", "Needs assessment"},
	"stage.eligibility": {"Éligibilité", "Eligibility"},
	"stage.enrolment":   {"Affiliation", "Enrolment"},
	"stage.onboarding":  {"Intégration des bénéficiaires", "Onboarding"},
	"stage.payment":     {"Paiement", "Payment"},
	"stage.updates":     {"Mises à jour", "Updates"},
	"stage.grievance":   {"Réclamations", "Grievance"},
	"stage.exit":        {"Sortie", "Exit"},

	"status.planned":     {"prévue", "planned"},
	"status.in-progress": {"en cours", "in progress"},
	"status.done":        {"réalisée", "done"},
	"reduces.likelihood": {"vraisemblance", "likelihood"},
	"reduces.impact":     {"impact", "impact"},

	"origin.register": {"registre", "register"},
	"agency":          {"l'agence", "the agency"},
	"territory":       {"(territoire)", "(territory)"},
	"colon":           {"\u00a0: ", ": "},
	"semicolon":       {"\u00a0; ", "; "},
	"none":            {"aucun", "none"},
	"more":            {"de plus", "more"},

	"title.risks":       {"Risques et mesures d'atténuation", "Risks and mitigations"},
	"title.heatmaps":    {"Cartes de chaleur", "Heat maps"},
	"title.register":    {"Registre des risques", "Risk register"},
	"title.open":        {"Constats à instruire", "Findings to triage"},
	"title.dismissed":   {"Constats écartés", "Dismissed findings"},
	"title.simulation":  {"Simulation des pertes", "Loss simulation"},
	"title.tail":        {"Part de la queue de distribution (tirages au-delà du P90, avant atténuation)", "Share of the tail (draws at or above P90, before mitigations)"},
	"title.mitigations": {"Efficacité des mesures d'atténuation", "Cost effectiveness of the mitigations"},
	"title.calibration": {"Calibration", "Calibration"},

	"inherent":     {"Inhérent", "Inherent"},
	"residual":     {"Résiduel", "Residual"},
	"current":      {"Actuel", "Current"},
	"likelihood":   {"Vraisemblance", "Likelihood"},
	"impact":       {"Impact", "Impact"},
	"score":        {"Score", "Score"},
	"level":        {"Niveau", "Level"},
	"risk":         {"Risque", "Risk"},
	"id":           {"Identifiant", "Id"},
	"category":     {"Catégorie", "Category"},
	"owner":        {"Responsable", "Owner"},
	"origin":       {"Origine", "Origin"},
	"subjects":     {"Concerne", "Concerns"},
	"mitigations":  {"Mesures", "Mitigations"},
	"mitigation":   {"Mesure", "Mitigation"},
	"explanation":  {"Explication", "Explanation"},
	"suggestion":   {"Mesure suggérée", "Suggested mitigation"},
	"rule":         {"Règle", "Rule"},
	"cost":         {"Coût", "Cost"},
	"probability":  {"Probabilité annuelle", "Annual probability"},
	"costRange":    {"Fourchette de coût", "Cost range"},
	"tailShare":    {"Part de la queue", "Share of the tail"},
	"expectedLoss": {"Perte annuelle attendue", "Expected annual loss"},
	"lossRemoved":  {"Perte annuelle évitée", "Annual loss removed"},
	"perUnitCost":  {"Par unité de coût", "Per unit of cost"},
	"before":       {"Avant atténuation", "Before mitigations"},
	"after":        {"Après atténuation", "After mitigations"},
	"p50":          {"Médiane (P50)", "Median (P50)"},
	"p90":          {"P90", "P90"},

	"appetite":         {"Appétence au risque", "Risk appetite"},
	"appetite.flag":    {"option --appetite", "--appetite flag"},
	"appetite.default": {"par défaut", "default"},
	"appetite.assumed": {"hypothèse risk-appetite", "risk-appetite assumption"},
	"aboveAppetite":    {"Au-delà de l'appétence", "Above the appetite"},
	"registerCount":    {"Risques du registre", "Register risks"},
	"acceptedNote":     {"dont {n} constats acceptés", "{n} of them accepted findings"},
	"acceptedNoteOne":  {"dont 1 constat accepté", "1 of them an accepted finding"},
	"openCount":        {"Constats à instruire", "Findings to triage"},
	"dismissedCount":   {"Constats écartés", "Dismissed findings"},
	"exposure":         {"Exposition au risque résiduel", "Residual risk exposure"},
	"exposureNote":     {"somme des scores résiduels du registre, constats acceptés compris", "sum of the register's residual scores, accepted findings included"},
	"noOpen":           {"Aucun constat à instruire.", "No finding to triage."},
	"openNote": {
		"Les règles structurelles ont relevé ces faiblesses, que le scénario n'a pas encore instruites\u00a0: chacune est à accepter (un risque du registre qui la nomme, noté par son responsable, avec ses mesures) ou à écarter avec sa raison. Leur niveau est celui de la règle, à titre indicatif\u00a0; elles ne comptent pas dans l'exposition.",
		"The structural rules found these weaknesses, which the scenario has not triaged yet: accept each one (a register risk naming it, scored by its owner, with its mitigations) or dismiss it with its reason. Their level is the rule's, as an indication; they count for nothing in the exposure.",
	},
	"indicative":      {"indicatif", "indicative"},
	"indicativeLevel": {"Niveau indicatif (règle)", "Indicative level (rule)"},
	"finding":         {"Constat", "Finding"},
	"reason":          {"Raison", "Reason"},
	"origin.finding":  {"constat", "finding"},
	"noRisk":          {"Aucun risque.", "No risk."},
	"noneAbove":       {"aucun", "none"},
	"draws":           {"Tirages", "Draws"},
	"seed":            {"Graine", "Seed"},
	"axes":            {"lignes : vraisemblance 5 → 1 ; colonnes : impact 1 → 5", "rows: likelihood 5 → 1; columns: impact 1 → 5"},

	"source.likelihood":   {"Probabilités", "Probabilities"},
	"source.impact":       {"Coûts", "Costs"},
	"source.file":         {"fichier de calibration", "calibration file"},
	"source.scenario":     {"hypothèses du scénario", "the scenario's assumptions"},
	"source.illustrative": {"valeurs illustratives par défaut", "illustrative built-in values"},
	"illustrative": {
		"Calibration illustrative : une partie des valeurs sont celles que l'outil fournit par défaut, pas celles de l'étude ; les montants ne valent que comme ordre de grandeur.",
		"Illustrative calibration: some of the values are the tool's built-in defaults, not the study's own; the amounts are only orders of magnitude.",
	},
	"simScope": {
		"La simulation porte sur les risques du registre, constats acceptés compris (les constats à instruire n'ont ni estimation propre ni mesure) ; une mesure est évaluée seule, par espérance analytique, contre l'exposition inhérente de son risque.",
		"The simulation covers the register's risks, accepted findings included (the findings to triage have neither estimates of their own nor mitigations); a mitigation is valued alone, by analytic expected values, against its risk's inherent exposure.",
	},
}
