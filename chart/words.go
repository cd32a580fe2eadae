package chart

import (
	"github.com/orgdesign/orgdesign/internal/textfmt"
	"github.com/orgdesign/orgdesign/templates"
)

// The words the charts add to the scenario's own text, in French and English.
// Unit kinds and delivery stages are the report's own words (the sections
// unitKind and stage of templates/i18n), looked up there by dict.kind.
var words = map[string]map[string]string{
	"fr": {
		"title.org":          "Organigramme",
		"title.territory":    "Implantation territoriale",
		"title.ecosystem":    "Écosystème institutionnel",
		"title.systems":      "Systèmes d'information et interfaces",
		"title.chain":        "Chaîne de mise en œuvre (RACI)",
		"title.roadmap":      "Feuille de route",
		"legend":             "Légende",
		"agency":             "L'agence",
		"staff":              "agents",
		"staff.one":          "agent",
		"each":               "%s chacun",
		"staff-in-brackets":  "effectif de chacun entre parenthèses",
		"headquarters":       "siège",
		"national":           "Niveau national",
		"national-ch":        "Canaux nationaux",
		"no-territory":       "Aucune implantation territoriale",
		"replicated":         "unité répliquée (une par unité territoriale)",
		"reports":            "rattachement hiérarchique",
		"functional":         "lien fonctionnel",
		"region-box":         "unité territoriale (effectifs et points d'accueil agrégés)",
		"detail-page":        "détail sur une page propre",
		"channel-point":      "point d'accueil d'un canal",
		"aggregated":         "éléments agrégés (trop nombreux pour être détaillés)",
		"chair":              "Présidence : ",
		"members":            "membres",
		"independent":        "indépendants",
		"meetings":           "réunions par an",
		"governs":            "gouverne",
		"no-owner":           "Propriétaire non renseigné",
		"personal":           "données personnelles : ",
		"pd-issue":           "données personnelles sans convention signée ou sans base légale",
		"compact-interfaces": "%d interfaces (plus de %d) : une ligne par paire de systèmes et par mode, ×n leur nombre ; le détail est dans le tableau des interfaces",
		"matrix-corner":      "Émetteur ↓  destinataire →",
		"matrix-sent":        "Envoie",
		"matrix-received":    "Reçoit",
		"matrix-why":         "%d interfaces en %d liaisons (plus de %d) : une matrice plutôt qu'une carte",
		"matrix-how":         "en ligne le système qui envoie, en colonne celui qui reçoit ; le détail est dans le tableau des interfaces",
		"matrix-count":       "nombre d'interfaces de ce mode, quand il y en a plusieurs",
		"code.manual":        "M",
		"code.file":          "F",
		"code.batch":         "L",
		"code.api":           "A",
		"code.event":         "É",
		"code.":              "?",
		"stage":              "Étape",
		"status":             "Constat",
		"gap":                "lacune",
		"gap-long":           "lacune : aucun responsable (A)",
		"overlap":            "chevauchement",
		"overlap-long":       "chevauchement : plusieurs responsables (A)",
		"raci.A":             "A : rend compte (approuve)",
		"raci.R":             "R : réalise",
		"raci.C":             "C : consulté",
		"raci.I":             "I : informé",
		"party.agency":       "Agence",
		"party.unit":         "Unités",
		"party.body":         "Instances",
		"party.channel":      "Canaux",
		"party.actor":        "Acteurs",
		"phase":              "Phase",
		"period":             "Période",
		"opens":              "Ouvre",
		"headcount":          "Effectif atteint",
		"no-phases":          "Sans phases : tout existe dès",
		"phase-bar":          "durée de la phase",
		"open-ended":         "phase sans fin déclarée",
		"headcount-note":     "effectif cumulé au début de la phase",
		"bodies":             "Gouvernance",

		"body.board":     "Conseil d'administration",
		"body.committee": "Comité",
		"body.council":   "Conseil",

		"actor.ministry":        "Ministères",
		"actor.government":      "Gouvernement",
		"actor.agency":          "Agences et établissements publics",
		"actor.operator":        "Opérateurs",
		"actor.local-authority": "Collectivités et autorités locales",
		"actor.social-security": "Sécurité sociale",
		"actor.civil-society":   "Société civile",
		"actor.international":   "Partenaires internationaux",
		"actor.private":         "Secteur privé",
		"actor.oversight":       "Contrôle et régulation",

		"rel.supervision":  "tutelle",
		"rel.funding":      "financement",
		"rel.data":         "données",
		"rel.service":      "service",
		"rel.payment":      "paiement",
		"rel.agreement":    "convention",
		"rel.coordination": "coordination",
		"rel.oversight":    "contrôle",
		"rel.membership":   "participation",

		"sys.registry":      "registre",
		"sys.management":    "système de gestion",
		"sys.portal":        "portail",
		"sys.payment":       "paiement",
		"sys.call-centre":   "centre d'appel",
		"sys.data-exchange": "échange de données",
		"sys.identity":      "identité",
		"sys.other":         "autre",

		"mode.manual": "manuel",
		"mode.file":   "fichier",
		"mode.batch":  "traitement par lots",
		"mode.api":    "API",
		"mode.event":  "événement",
		"mode.":       "mode non renseigné",

		"pd.no-signed-agreement": "sans convention signée",
		"pd.no-legal-basis":      "sans base légale",
	},
	"en": {
		"title.org":          "Organisation chart",
		"title.territory":    "Territorial deployment",
		"title.ecosystem":    "Institutional ecosystem",
		"title.systems":      "Information systems and interfaces",
		"title.chain":        "Delivery chain (RACI)",
		"title.roadmap":      "Roadmap",
		"legend":             "Legend",
		"agency":             "The agency",
		"staff":              "staff",
		"staff.one":          "staff",
		"each":               "%s each",
		"staff-in-brackets":  "each one's headcount in brackets",
		"headquarters":       "headquarters",
		"national":           "National level",
		"national-ch":        "National channels",
		"no-territory":       "No territorial presence",
		"replicated":         "replicated unit (one per territory unit)",
		"reports":            "reporting line",
		"functional":         "functional (dotted) line",
		"region-box":         "territory unit (staff and service points aggregated)",
		"detail-page":        "detailed on a page of its own",
		"channel-point":      "service point of a channel",
		"aggregated":         "items aggregated (too many to show one by one)",
		"chair":              "Chair: ",
		"members":            "members",
		"independent":        "independent",
		"meetings":           "meetings a year",
		"governs":            "governs",
		"no-owner":           "Owner not given",
		"personal":           "personal data: ",
		"pd-issue":           "personal data without a signed agreement or a legal basis",
		"compact-interfaces": "%d interfaces (more than %d): one line per pair of systems and mode, ×n their number; the details are in the interfaces table",
		"matrix-corner":      "Sender ↓  receiver →",
		"matrix-sent":        "Sends",
		"matrix-received":    "Receives",
		"matrix-why":         "%d interfaces in %d links (more than %d): a matrix rather than a map",
		"matrix-how":         "rows are the systems that send, columns those that receive; the details are in the interfaces table",
		"matrix-count":       "number of interfaces of that mode, when more than one",
		"code.manual":        "M",
		"code.file":          "F",
		"code.batch":         "B",
		"code.api":           "A",
		"code.event":         "E",
		"code.":              "?",
		"stage":              "Stage",
		"status":             "Finding",
		"gap":                "gap",
		"gap-long":           "gap: no accountable party (A)",
		"overlap":            "overlap",
		"overlap-long":       "overlap: several accountable parties (A)",
		"raci.A":             "A: accountable",
		"raci.R":             "R: responsible",
		"raci.C":             "C: consulted",
		"raci.I":             "I: informed",
		"party.agency":       "Agency",
		"party.unit":         "Units",
		"party.body":         "Bodies",
		"party.channel":      "Channels",
		"party.actor":        "Actors",
		"phase":              "Phase",
		"period":             "Period",
		"opens":              "Opens",
		"headcount":          "Headcount reached",
		"no-phases":          "No phases: everything exists from",
		"phase-bar":          "duration of the phase",
		"open-ended":         "phase with no declared end",
		"headcount-note":     "cumulative headcount at the start of the phase",
		"bodies":             "Governance",

		"body.board":     "Board",
		"body.committee": "Committee",
		"body.council":   "Council",

		"actor.ministry":        "Ministries",
		"actor.government":      "Government",
		"actor.agency":          "Public agencies",
		"actor.operator":        "Operators",
		"actor.local-authority": "Local authorities",
		"actor.social-security": "Social security",
		"actor.civil-society":   "Civil society",
		"actor.international":   "International partners",
		"actor.private":         "Private sector",
		"actor.oversight":       "Oversight and regulation",

		"rel.supervision":  "supervision",
		"rel.funding":      "funding",
		"rel.data":         "data",
		"rel.service":      "service",
		"rel.payment":      "payment",
		"rel.agreement":    "agreement",
		"rel.coordination": "coordination",
		"rel.oversight":    "oversight",
		"rel.membership":   "membership",

		"sys.registry":      "registry",
		"sys.management":    "management system",
		"sys.portal":        "portal",
		"sys.payment":       "payment",
		"sys.call-centre":   "call centre",
		"sys.data-exchange": "data exchange",
		"sys.identity":      "identity",
		"sys.other":         "other",

		"mode.manual": "manual",
		"mode.file":   "file",
		"mode.batch":  "batch",
		"mode.api":    "API",
		"mode.event":  "event",
		"mode.":       "mode not given",

		"pd.no-signed-agreement": "no signed agreement",
		"pd.no-legal-basis":      "no legal basis",
	},
}

// Languages lists the languages of the words charts add.
func Languages() []string { return []string{"fr", "en"} }

// dict looks words up in one language and writes its numbers.
type dict struct {
	lang   string
	m      map[string]string
	report templates.Strings
	num    textfmt.Style
}

func dictFor(lang string) dict {
	num := textfmt.For(lang)
	if num.Thousands == "\u202f" {
		// Graphviz sizes a box from its own font metrics: it measures the
		// no-break space as a space, the narrow one as an unknown character
		// twice as wide, which would pad the labels' boxes.
		num.Thousands = "\u00a0"
	}
	// LoadStrings fails only on a language words does not have either.
	report, _ := templates.LoadStrings(lang)
	return dict{lang: lang, m: words[lang], report: report, num: num}
}

// w returns the word for key; a missing key shows as itself, so a test sees it.
func (d dict) w(key string) string {
	if s, ok := d.m[key]; ok {
		return s
	}
	return key
}

// kind returns the word for a value of a closed list, or the value itself.
// The prefix is a key prefix of words, or a section of the report's strings
// (unitKind, stage).
func (d dict) kind(prefix, value string) string {
	if s, ok := d.m[prefix+"."+value]; ok {
		return s
	}
	if s, ok := d.report.Get(prefix, value); ok {
		return s
	}
	return value
}

// int formats a count with the language's thousands separator (a no-break
// space in French, a comma in English).
func (d dict) int(n int) string { return d.num.Int(n) }

// staff formats a headcount: "1 agent", "1 250 agents", "1,250 staff".
func (d dict) staff(n int) string {
	if n == 1 {
		return "1 " + d.w("staff.one")
	}
	return d.int(n) + " " + d.w("staff")
}
