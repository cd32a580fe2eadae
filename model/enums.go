package model

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
)

// Stages are the delivery-chain stages (World Bank Sourcebook), in chain order.
var Stages = []string{"outreach", "intake", "assessment", "eligibility", "enrolment", "onboarding", "payment", "updates", "grievance", "exit"}

// Functions are the support functions.
var Functions = []string{"strategy", "finance", "hr", "information-systems", "monitoring-evaluation", "audit", "communication", "legal", "coordination"}

// The closed lists of format v1; extending one is an additive change.
var (
	LegalForms       = []string{"ministry-department", "autonomous-agency", "social-security-fund", "foundation-network", "programme-unit"}
	StaffStatuses    = []string{"civil-service", "own-statute", "private-law", "mixed"}
	RegistryModes    = []string{"separate", "internal"}
	PaymentModes     = []string{"in-house", "outsourced", "mixed"}
	PrerequisiteKind = []string{"law", "decree", "order", "agreement", "budget", "recruitment", "system", "procurement", "premises", "other"}
	ActorKinds       = []string{"ministry", "government", "agency", "operator", "local-authority", "social-security", "civil-society", "international", "private", "oversight"}
	BodyKinds        = []string{"board", "committee", "council"}
	UnitKinds        = []string{"executive", "directorate", "department", "division", "service", "delegation", "office"}
	Tiers            = []string{"central", "regional", "provincial", "local"}
	ChannelKinds     = []string{"office", "partner-counter", "digital", "call-centre", "mobile-unit", "agent-network"}
	RelationKinds    = []string{"supervision", "funding", "data", "service", "payment", "agreement", "coordination", "oversight", "membership", "contract"}
	SystemKinds      = []string{"registry", "management", "portal", "payment", "call-centre", "data-exchange", "identity", "other"}
	InterfaceModes   = []string{"manual", "file", "batch", "api", "event"}
	Agreements       = []string{"none", "draft", "signed"}
	RiskCategories   = []string{"governance", "operational", "information-systems", "hr", "financial", "legal", "reputational"}
	Reduces          = []string{"likelihood", "impact"}
	Statuses         = []string{"planned", "in-progress", "done"}
	NormBases        = []string{"households", "population"}
	Reliabilities    = []string{"official", "press", "secondary", "low"}
	Severities       = []string{"low", "medium", "high", "critical"}
	Ratings          = []string{"low", "medium", "high"}
	ConsultFormats   = []string{"workshop", "interview", "survey", "focus-group", "committee"}
	Metrics          = []string{"payroll", "headcount", "annual-cost", "setup-cost", "residual-risk", "open-findings", "capacity-gap", "transition-cost", "transition-months", "offices", "service-points", "chain-gaps", "benchmark-distance", "total-cost", "one-off-cost", "running-cost", "admin-share"}
	Directions       = []string{"min", "max"}
	StudyStatuses    = []string{"draft", "consultation", "final"}
	// The bases of a country's indicator figures: beneficiaries counted as a
	// current caseload or cumulatively; staff of the programme or of the
	// whole agency across programmes; admin cost over the total budget or
	// over benefits.
	BeneficiaryBases = []string{"caseload", "cumulative"}
	StaffBases       = []string{"programme", "agency"}
	AdminCostBases   = []string{"budget", "benefits"}
)

// StagesAndFunctions lists what a mandate's function or a finding's stage may name.
func StagesAndFunctions() []string { return slices.Concat(Stages, Functions) }

// Reserved is the id that names the agency as a whole.
const Reserved = "agency"

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s is lower-kebab-case: the form of every id, and
// of a structural rule's finding's (its rule's code and its subject, which
// may also be a stage or a territory unit, whose ids follow the same form).
func ValidID(s string) bool { return idRE.MatchString(s) }

var dateRE = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// checkEnum reports a value outside a closed list, with a suggestion.
func checkEnum(c *diags, m *Meta, key, value string, allowed []string, what string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	c.add(m.PosOf(key), Error, "unknown-value", oneOf(value, allowed), "%s: %q is not a known %s", what, value, key)
}

func checkEnumList(c *diags, m *Meta, key string, values, allowed []string, what string) {
	for i, v := range values {
		if !slices.Contains(allowed, v) {
			c.add(m.ItemAt(key, i), Error, "unknown-value", oneOf(v, allowed), "%s: %q is not a known %s", what, v, singularKey(key))
		}
	}
}

func singularKey(key string) string {
	switch key {
	case "stages":
		return "delivery-chain stage"
	}
	return key
}

func requireText(c *diags, m *Meta, key, value, what string) {
	if value == "" {
		c.errorf(m.PosOf(key), "missing-field", "%s needs `%s`", what, key)
	}
}

func checkIDFormat(c *diags, m *Meta, id string) {
	if id != "" && !ValidID(id) {
		c.add(m.PosOf("id"), Error, "invalid-id", "ids are lower-kebab-case: letters a–z, digits and single hyphens, e.g. dir-prestations",
			"id %q is not lower-kebab-case", id)
	}
}

// ValidDate reports whether s is a date as the format writes them: YYYY,
// YYYY-MM or YYYY-MM-DD.
func ValidDate(s string) bool { return dateRE.MatchString(s) }

func checkDate(c *diags, m *Meta, key, value, what string) {
	if value != "" && !dateRE.MatchString(value) {
		c.add(m.PosOf(key), Error, "invalid-date", "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2027-01", "%s: %q is not a date", what, value)
	}
}

func checkSource(c *diags, s *Source) {
	what := "source " + quote(s.ID)
	requireText(c, &s.Meta, "id", s.ID, what)
	requireText(c, &s.Meta, "title", s.Title, what)
	checkIDFormat(c, &s.Meta, s.ID)
	checkDate(c, &s.Meta, "date", s.Date, what)
	checkEnum(c, &s.Meta, "reliability", s.Reliability, Reliabilities, what)
}

func checkNonNegative(c *diags, m *Meta, key string, v float64, what string) {
	if v < 0 {
		c.errorf(m.PosOf(key), "negative-value", "%s: `%s` cannot be negative", what, key)
	}
}

func quote(s string) string { return strconv.Quote(s) }

func keysOf[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
