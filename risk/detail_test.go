package risk

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
)

// The details below describe the clean organisation more finely without
// changing it: what a consultant adds as a study goes on.
var (
	// more internal interfaces, personal data included, none signed, over
	// every stage: exchanges between the agency's own systems.
	internalInterfaces = clean["interfaces"] + `
  - { id: i-ba-perso, from: sys-b, to: sys-a, stages: [intake, assessment, enrolment, updates, exit], personalData: true, mode: api, agreement: none }
  - { id: i-ac, from: sys-a, to: sys-c, stages: [onboarding, grievance, outreach], personalData: true, mode: batch }
  - { id: i-ca, from: sys-c, to: sys-a, stages: [payment, eligibility], mode: event }`
	// a third system of the agency's, with a continuity arrangement, that
	// every stage runs on.
	systemsWithContinuity = clean["systems"] + `
  - { id: sys-c, name: Entrepôt, owner: agency, continuity: { fallback: Site de secours, recoveryHours: 24 } }
  - { id: sys-d, name: Socle, owner: dir-b, continuity: { fallback: Procédure dégradée testée } }`
	chainOnContinuity = strings.ReplaceAll(clean["chain"], "accountable: dir-a }", "accountable: dir-a, systems: [sys-c, sys-d] }")
	// the delegations' staff line split in two half norms, and an idle
	// sub-unit under each delegation, at its tier and place, within span.
	detailedUnits = strings.Replace(clean["units"], "staff: [ { profile: agent, onePer: 10000, of: households } ]",
		"staff: [ { profile: agent, onePer: 20000, of: households }, { profile: agent, onePer: 20000, of: households } ]", 1) + `
  - { id: cellule, name: "Cellule {territory}", kind: service, tier: regional, reportsTo: dr, per: region }
  - { id: pole-a, name: Pôle A, kind: division, reportsTo: dir-a, staff: [ { profile: cadre, count: 1 } ] }`
	// chain entries repeating a stage's accountable, with more R, C, I.
	detailedChain = clean["chain"] + `
  - { stage: intake, accountable: dir-a, responsible: [dr], consulted: [poste] }
  - { stage: eligibility, accountable: dir-a, informed: [dir-b] }
  - { stage: grievance, accountable: dir-b, responsible: [dr] }`
	// more channels: a local office and a national call centre.
	moreChannels = clean["channels"] + `
  - { id: bureau, name: Bureau, kind: office, operator: agency, at: n01, stages: [intake, grievance] }
  - { id: appel, name: Centre d'appel, kind: call-centre, operator: agency, stages: [grievance, updates] }`
	// more mandates, each with its accountable.
	moreMandates = clean["mandates"] + `
  - { id: m-c, title: Mandat C, function: hr, accountable: dir-b, responsible: [dr] }
  - { id: m-d, title: Mandat D, function: audit, accountable: dg }`
	// more bodies that are not boards.
	moreBodies = clean["bodies"] + `
  - { id: comite, name: Comité de pilotage, kind: committee, chair: mef, members: [mef, poste] }
  - { id: conseil-orient, name: Conseil d'orientation, kind: council, members: [poste] }`
	// more register detail: a description, a second mitigation, a low risk.
	moreRegister = strings.Replace(clean["risks"], "    category: operational", "    description: Les files d'attente s'allongent.\n    category: operational", 1) + `
      - { id: mit-a2, title: Mesure A2, reduces: impact, by: 1, status: planned, owner: dir-b }
  - { id: r-b, title: Risque B, category: hr, owner: dir-b, likelihood: 2, impact: 2 }`
)

// TestMoreDetailAddsNoFinding: describing the same organisation in more
// detail adds no finding. Each case starts from a scenario (the clean one,
// or one with the rule's weakness planted) and adds detail; the findings
// must be the same ids before and after. Every rule has a case.
func TestMoreDetailAddsNoFinding(t *testing.T) {
	many := clean["units"]
	for _, s := range []string{"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"} {
		many += "\n  - { id: " + s + ", name: Service " + s + ", kind: service, reportsTo: dg }"
	}
	outsideFile := clean["interfaces"] + "\n  - { id: i-bp, from: sys-b, to: sys-p, stages: [payment], mode: file, personalData: true, legalBasis: Loi 2 }"
	withPoste := clean["systems"] + "\n  - { id: sys-p, name: SI Poste, owner: poste }"
	cases := []struct {
		name    string
		rules   []string // the rules the case exercises
		planted []string // the findings the base must produce: its planted weakness, or none
		base    map[string]string
		more    map[string]string // applied on top of base
	}{
		{"mandates", []string{"mandate-no-accountable", "eligibility-grievance-conflict"}, []string{"mandate-no-accountable-m-x"},
			map[string]string{"mandates": clean["mandates"] + "\n  - { id: m-x, title: Mandat X }"},
			map[string]string{"mandates": moreMandates + "\n  - { id: m-x, title: Mandat X, responsible: [dir-a] }"}},
		{"units at the span's limit", []string{"span-over-limit"}, []string{"span-over-limit-dg"},
			map[string]string{"units": many}, // dg: 3 + 8 = 11 > 10
			map[string]string{"units": many + "\n  - { id: cellule, name: \"Cellule {territory}\", kind: service, tier: regional, reportsTo: dr, per: region }" +
				"\n  - { id: s1-a, name: Bureau s1, kind: office, reportsTo: s1 }"}},
		{"chain entries with the same accountable", []string{"stage-no-accountable", "stage-several-accountables", "eligibility-grievance-conflict"}, []string{"stage-no-accountable-exit"},
			map[string]string{"chain": strings.Replace(clean["chain"], "{ stage: exit, accountable: dir-b }", "{ stage: exit, responsible: [dir-b] }", 1)},
			map[string]string{"chain": strings.Replace(detailedChain, "{ stage: exit, accountable: dir-b }", "{ stage: exit, responsible: [dir-b], informed: [dg] }", 1)}},
		{"internal interfaces", []string{"personal-data-unprotected", "critical-system", "manual-exchange-on-chain"}, []string{"manual-exchange-on-chain-payment", "personal-data-unprotected-i-bp"},
			map[string]string{"systems": withPoste, "interfaces": outsideFile},
			map[string]string{"systems": withPoste + "\n  - { id: sys-c, name: Entrepôt, owner: agency }", "interfaces": outsideFile + strings.TrimPrefix(internalInterfaces, clean["interfaces"]) +
				"\n  - { id: i-bp2, from: sys-b, to: sys-p, stages: [payment], mode: file }"}},
		{"interfaces between outside parties", []string{"personal-data-unprotected", "critical-system"}, nil,
			map[string]string{"systems": withPoste + "\n  - { id: sys-q, name: SI Finances, owner: mef }"},
			map[string]string{"systems": withPoste + "\n  - { id: sys-q, name: SI Finances, owner: mef }", "interfaces": clean["interfaces"] +
				"\n  - { id: i-pq, from: sys-p, to: sys-q, stages: [intake, assessment, eligibility, payment, updates], personalData: true, mode: api }" +
				"\n  - { id: i-qp, from: sys-q, to: sys-p, stages: [grievance, exit], personalData: true, mode: batch, agreement: none }"}},
		{"systems with continuity", []string{"critical-system"}, nil,
			map[string]string{},
			map[string]string{"systems": systemsWithContinuity, "chain": chainOnContinuity}},
		{"boards and committees", []string{"board-without-independents"}, nil,
			map[string]string{},
			map[string]string{"bodies": moreBodies}},
		{"staff lines and sub-units", []string{"understaffed-territory", "span-over-limit"}, nil,
			map[string]string{},
			map[string]string{"units": detailedUnits}},
		{"sub-units of understaffed delegations", []string{"understaffed-territory"}, []string{"understaffed-territory-dr"},
			map[string]string{"demand": strings.Replace(clean["demand"], "onePer: 10000", "onePer: 5000", 1)},
			map[string]string{"units": detailedUnits}},
		{"channels", []string{"stage-uncovered-territory"}, []string{"stage-uncovered-territory-grievance"},
			map[string]string{"channels": "channels:\n  - { id: portail, name: Portail, kind: digital, operator: agency, stages: [intake] }\n" +
				"  - { id: bureau, name: Bureau, kind: office, operator: agency, at: n01, stages: [grievance] }"},
			map[string]string{"channels": "channels:\n  - { id: portail, name: Portail, kind: digital, operator: agency, stages: [intake, updates] }\n" +
				"  - { id: bureau, name: Bureau, kind: office, operator: agency, at: n01, stages: [grievance, intake] }\n" +
				"  - { id: bureau-2, name: Bureau 2, kind: office, operator: agency, at: n02, stages: [grievance] }"}},
		{"more channels on a covered territory", []string{"stage-uncovered-territory"}, nil,
			map[string]string{},
			map[string]string{"channels": moreChannels}},
		{"the register", []string{"unmitigated-high-risk", "owner-not-unit"}, nil,
			map[string]string{},
			map[string]string{"risks": moreRegister}},
		{"everything at once", nil, nil,
			map[string]string{},
			map[string]string{"units": detailedUnits, "chain": strings.ReplaceAll(detailedChain, "accountable: dir-a }", "accountable: dir-a, systems: [sys-c, sys-d] }"),
				"systems": systemsWithContinuity, "interfaces": internalInterfaces, "channels": moreChannels, "mandates": moreMandates,
				"bodies": moreBodies, "risks": moreRegister}},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		for _, r := range c.rules {
			covered[r] = true
		}
		t.Run(c.name, func(t *testing.T) {
			before := findingIDs(t, scenario(c.base))
			if want := append([]string{}, c.planted...); !reflect.DeepEqual(before, want) {
				t.Fatalf("the base produces %v, want %v: the planted weakness no longer fires", before, want)
			}
			more := map[string]string{}
			for k, v := range c.base {
				more[k] = v
			}
			for k, v := range c.more {
				more[k] = v
			}
			after := findingIDs(t, scenario(more))
			if !reflect.DeepEqual(before, after) {
				t.Errorf("findings before %v, after more detail %v", before, after)
			}
		})
	}
	for _, r := range Rules() {
		if !covered[r.Code] {
			t.Errorf("rule %s has no case describing the organisation in more detail", r.Code)
		}
	}
}

func findingIDs(t *testing.T, text string) []string {
	t.Helper()
	a, ds := Assess(load(t, text), nil, Options{})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	ids := []string{}
	for _, f := range a.Findings {
		ids = append(ids, f.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestMoreDetailSameCapacity: the capacity gap and its share stay the same
// when the delegations' staff line is split in two and an idle sub-unit is
// added under each at its tier and place (detailedUnits): the standards are
// held against each place's pooled staff, counted once. Two regions of
// 80,000 and 20,000 households; 8 + 2 agents planned.
func TestMoreDetailSameCapacity(t *testing.T) {
	short := strings.Replace(clean["demand"], "onePer: 10000", "onePer: 5000", 1)
	for _, c := range []struct {
		name                   string
		demand                 string
		planned, required, gap int
		share                  float64
	}{
		{"standards met", clean["demand"], 10, 10, 0, 0}, // 80,000/10,000 + 20,000/10,000
		{"delegations short", short, 10, 20, 10, 0.5},    // 80,000/5,000 + 20,000/5,000 = 20
	} {
		for _, units := range []string{clean["units"], detailedUnits} {
			a := analysis.Analyze(load(t, scenario(map[string]string{"demand": c.demand, "units": units})), analysis.Options{})
			got := a.Capacity
			if got.Planned != c.planned || got.Required != c.required || got.Gap != c.gap || got.GapShare == nil || *got.GapShare != c.share {
				share := "nil"
				if got.GapShare != nil {
					share = fmt.Sprint(*got.GapShare)
				}
				t.Errorf("%s, units %d lines: planned %d, required %d, gap %d, share %s; want %d, %d, %d, %v",
					c.name, strings.Count(units, "\n"), got.Planned, got.Required, got.Gap, share, c.planned, c.required, c.gap, c.share)
			}
			if len(got.Places) != 2 {
				t.Errorf("%s: %d places, want the two regions", c.name, len(got.Places))
			}
		}
	}
}
