package risk

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func derivedBy(a *Assessment, code string) []Finding {
	var out []Finding
	for _, f := range a.Findings {
		if f.Rule == code {
			out = append(out, f)
		}
	}
	return out
}

// TestCleanScenarioDerivesNothing: every rule stays quiet on the clean scenario.
func TestCleanScenarioDerivesNothing(t *testing.T) {
	a, ds := Assess(load(t, scenario(nil)), nil, Options{})
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	for _, f := range a.Findings {
		t.Errorf("found %s on the clean scenario: %s", f.ID, f.Explanation)
	}
	if len(a.Risks) != 1 {
		t.Errorf("risks = %d, want the one register risk", len(a.Risks))
	}
}

type derived struct {
	id       string
	subjects []string
}

// outside gives system B to an operator outside the agency: the clean
// interface i-ab then crosses the agency's boundary.
var outside = strings.Replace(clean["systems"], "owner: dir-b", "owner: poste", 1)

// TestRules plants one weakness per case and checks that its rule fires,
// with the ids and subjects expected, and only it.
func TestRules(t *testing.T) {
	many := "units:\n  - { id: dg, name: DG, kind: executive, reportsTo: ca }\n" +
		"  - { id: dir-a, name: Direction A, kind: directorate, reportsTo: dg }\n  - { id: dir-b, name: Direction B, kind: directorate, reportsTo: dg }\n" +
		"  - { id: dr, name: \"DR {territory}\", kind: delegation, tier: regional, reportsTo: dg, per: region, staff: [ { profile: agent, onePer: 10000, of: households } ] }\n"
	for i := range 8 {
		many += fmt.Sprintf("  - { id: s%d, name: Service %d, kind: service, reportsTo: dg }\n", i, i)
	}
	cases := []struct {
		name, code string
		replace    map[string]string
		want       []derived
		level      Level
		fr         string // the explanation in French, when checked
	}{
		{name: "mandate without accountable", code: "mandate-no-accountable",
			replace: map[string]string{"mandates": "mandates:\n  - { id: m-a, title: Mandat A, accountable: dir-a }\n  - { id: m-b, title: Mandat B }"},
			want:    []derived{{"mandate-no-accountable-m-b", []string{"m-b"}}}, level: Medium,
			fr: "Le mandat Mandat B (m-b) n'a pas de responsable (A) : personne ne rend compte de son exécution."},
		{name: "span over the limit", code: "span-over-limit",
			replace: map[string]string{"units": strings.TrimSuffix(many, "\n")},
			want:    []derived{{"span-over-limit-dg", []string{"dg"}}}, level: Medium,
			fr: "DG (dg) a 12 subordonnés directs, pour une limite de 10."},
		{name: "replicated units over the limit", code: "span-over-limit",
			replace: map[string]string{"units": clean["units"] + "\n  - { id: ap, name: \"Antenne {territory}\", kind: office, tier: provincial, reportsTo: dr, per: province }"},
			want:    []derived{{"span-over-limit-dr", []string{"dr", "dr-nord"}}}, level: Medium,
			fr: "1 unité de DR (territoire) (dr) dépasse la limite de 10 subordonnés directs : elle en a 11."},
		{name: "stage without accountable", code: "stage-no-accountable",
			replace: map[string]string{"chain": strings.Replace(clean["chain"], "  - { stage: exit, accountable: dir-b }", "  - { stage: exit, responsible: [dir-b] }", 1)},
			want:    []derived{{"stage-no-accountable-exit", []string{"exit"}}}, level: High,
			fr: "Personne ne rend compte de l'étape « Sortie » : ses retards et ses erreurs n'ont pas de responsable."},
		{name: "stage with several accountables", code: "stage-several-accountables",
			replace: map[string]string{"chain": clean["chain"] + "\n  - { stage: intake, accountable: dir-b }"},
			want:    []derived{{"stage-several-accountables-intake", []string{"intake", "dir-a", "dir-b"}}}, level: Medium},
		{name: "eligibility and grievance together", code: "eligibility-grievance-conflict",
			replace: map[string]string{"chain": strings.Replace(clean["chain"], "stage: grievance, accountable: dir-b", "stage: grievance, accountable: dir-a", 1)},
			want:    []derived{{"eligibility-grievance-conflict-dir-a", []string{"dir-a"}}}, level: High},
		{name: "personal data leaving the agency on a legal basis, without agreement", code: "personal-data-unprotected",
			replace: map[string]string{"systems": outside, "interfaces": strings.Replace(clean["interfaces"], "agreement: signed", "agreement: draft", 1)},
			want:    []derived{{"personal-data-unprotected-i-ab", []string{"i-ab"}}}, level: Medium,
			fr: "L'interface i-ab (Système A (sys-a) → Système B (sys-b)) échange des données personnelles entre l'agence et un autre organisme sur une base légale (Loi 1), sans convention signée : la convention est à conclure."},
		{name: "personal data leaving the agency without legal basis", code: "personal-data-unprotected",
			replace: map[string]string{"systems": outside, "interfaces": strings.Replace(clean["interfaces"], ", legalBasis: Loi 1", "", 1)},
			want:    []derived{{"personal-data-unprotected-i-ab", []string{"i-ab"}}}, level: High,
			fr: "L'interface i-ab (Système A (sys-a) → Système B (sys-b)) échange des données personnelles entre l'agence et un autre organisme sans base légale."},
		{name: "personal data with a system of unknown owner", code: "personal-data-unprotected",
			replace: map[string]string{"systems": strings.Replace(clean["systems"], ", owner: dir-b", "", 1),
				"interfaces": strings.Replace(strings.Replace(clean["interfaces"], "agreement: signed", "agreement: none", 1), ", legalBasis: Loi 1", "", 1)},
			want: []derived{{"personal-data-unprotected-i-ab", []string{"i-ab"}}}, level: High,
			fr: "L'interface i-ab (Système A (sys-a) → Système B (sys-b)) échange des données personnelles entre l'agence et un autre organisme sans convention signée, sans base légale. " +
				"Un des deux systèmes n'a pas de propriétaire déclaré : la frontière de l'agence est inconnue, l'échange est traité comme la franchissant."},
		{name: "file exchange on a stage", code: "manual-exchange-on-chain",
			replace: map[string]string{"interfaces": clean["interfaces"] + "\n  - { id: i-ba, from: sys-b, to: sys-c, stages: [payment, updates], mode: file }",
				"systems": clean["systems"] + "\n  - { id: sys-c, name: Système C, owner: poste }"},
			want: []derived{{"manual-exchange-on-chain-payment", []string{"payment", "i-ba"}},
				{"manual-exchange-on-chain-updates", []string{"updates", "i-ba"}}}, level: Medium},
		{name: "a system three stages depend on", code: "critical-system",
			replace: map[string]string{"chain": strings.Replace(strings.Replace(clean["chain"], "stage: intake, accountable: dir-a", "stage: intake, accountable: dir-a, systems: [sys-a]", 1),
				"stage: assessment, accountable: dir-a", "stage: assessment, accountable: dir-a, systems: [sys-a]", 1)},
			want: []derived{{"critical-system-sys-a", []string{"sys-a"}}}, level: High,
			fr: "3 étapes dépendent de Système A (sys-a) (Inscription, Évaluation des besoins, Éligibilité) et aucun dispositif de continuité n'est déclaré : sa panne les arrête ensemble."},
		{name: "board without independent members", code: "board-without-independents",
			replace: map[string]string{"bodies": strings.Replace(clean["bodies"], "independentMembers: 2", "independentMembers: 0", 1)},
			want:    []derived{{"board-without-independents-ca", []string{"ca"}}}, level: Medium},
		{name: "no board", code: "board-without-independents",
			replace: map[string]string{"bodies": "bodies:\n  - { id: ca, name: Comité, kind: committee }"},
			want:    []derived{{"board-without-independents-agency", []string{"agency"}}}, level: Medium},
		{name: "understaffed delegations", code: "understaffed-territory",
			replace: map[string]string{"demand": strings.Replace(clean["demand"], "onePer: 10000", "onePer: 5000", 1)},
			want:    []derived{{"understaffed-territory-dr", []string{"dr", "dr-nord", "dr-sud"}}}, level: High,
			fr: "2 unités de DR (territoire) (dr) manquent de 10 agents au regard des normes de service (effectif prévu : 10, requis : 20)."},
		{name: "a stage served in one region only", code: "stage-uncovered-territory",
			replace: map[string]string{"channels": "channels:\n  - { id: portail, name: Portail, kind: digital, operator: agency, stages: [intake] }\n" +
				"  - { id: bureau, name: Bureau, kind: office, operator: agency, at: n01, stages: [grievance] }"},
			want: []derived{{"stage-uncovered-territory-grievance", []string{"grievance", "sud"}}}, level: High},
		{name: "high risk without mitigation", code: "unmitigated-high-risk",
			replace: map[string]string{"risks": clean["risks"] + "\n  - { id: r-b, title: Risque B, category: legal, owner: dir-b, likelihood: 4, impact: 3 }" +
				"\n  - { id: r-c, title: Risque C, category: legal, owner: dir-b, likelihood: 3, impact: 3 }"},
			want: []derived{{"unmitigated-high-risk-r-b", []string{"r-b"}}}, level: Medium,
			fr: "Le risque Risque B (r-b) est de niveau élevé (score 12) et aucune mesure ne le réduit."},
		{name: "risk owners that are not units", code: "owner-not-unit",
			replace: map[string]string{"risks": clean["risks"] +
				"\n  - { id: r-b, title: Risque B, category: legal, owner: mef, likelihood: 1, impact: 1 }" +
				"\n  - { id: r-c, title: Risque C, category: legal, owner: agency, likelihood: 1, impact: 1 }" +
				"\n  - { id: r-d, title: Risque D, category: legal, owner: ca, likelihood: 1, impact: 1 }" +
				"\n  - { id: r-e, title: Risque E, category: legal, likelihood: 1, impact: 1 }" +
				"\n  - { id: r-f, title: Risque F, category: legal, owner: dr, likelihood: 1, impact: 1 }"},
			want: []derived{{"owner-not-unit-r-b", []string{"r-b", "mef"}}, {"owner-not-unit-r-c", []string{"r-c", "agency"}},
				{"owner-not-unit-r-d", []string{"r-d", "ca"}}, {"owner-not-unit-r-e", []string{"r-e"}}}, level: Medium},
	}
	codes := map[string]bool{}
	for _, c := range cases {
		codes[c.code] = true
		t.Run(c.name, func(t *testing.T) {
			a, ds := Assess(load(t, scenario(c.replace)), nil, Options{})
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			var got []derived
			for _, f := range derivedBy(a, c.code) {
				got = append(got, derived{f.ID, f.Subjects})
				if f.Indicative.Level != c.level || f.Status != Open {
					t.Errorf("%s: indicative level %s, status %s; want %s, open", f.ID, f.Indicative.Level, f.Status, c.level)
				}
				if f.Explanation == "" || f.Suggestion == "" || f.RuleTitle == "" {
					t.Errorf("%s has no explanation, suggestion or rule title", f.ID)
				}
			}
			slices.SortFunc(got, func(x, y derived) int { return strings.Compare(x.id, y.id) })
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("found = %v, want %v", got, c.want)
			}
			for _, f := range a.Findings { // the planted weakness, and nothing else
				if f.Rule != c.code {
					t.Errorf("rule %s also fired: %s", f.Rule, f.Explanation)
				}
			}
			if _, ok := c.replace["risks"]; !ok && a.Exposure() != 6 { // the register's one risk, 2×3 after its mitigation: findings count for nothing
				t.Errorf("exposure = %d, want 6", a.Exposure())
			}
			if c.fr != "" && len(got) > 0 {
				if e := derivedBy(a, c.code)[0].Explanation; e != c.fr {
					t.Errorf("explanation:\n got %q\nwant %q", e, c.fr)
				}
			}
		})
	}
	for _, r := range Rules() {
		if !codes[r.Code] {
			t.Errorf("rule %s has no test case", r.Code)
		}
	}
}

// TestRuleMetadata: codes are kebab-case and unique, no code is another's
// prefix followed by a dash (so a finding's id, code-subject, names its rule:
// ids are unique across rules by construction), titles and suggestions are
// written in both languages, levels are on the scale.
func TestRuleMetadata(t *testing.T) {
	for _, x := range Rules() {
		for _, y := range Rules() {
			if x != y && strings.HasPrefix(y.Code, x.Code+"-") {
				t.Errorf("code %s is a prefix of %s: %s-<subject> could name a finding of either", x.Code, y.Code, x.Code)
			}
		}
	}
	seen := map[string]bool{}
	categories := []string{"governance", "operational", "information-systems", "hr", "financial", "legal", "reputational"}
	for _, r := range Rules() {
		if seen[r.Code] || !kebab(r.Code) {
			t.Errorf("code %q is repeated or not kebab-case", r.Code)
		}
		seen[r.Code] = true
		if r.Title.FR == "" || r.Title.EN == "" || r.Mitigation.FR == "" || r.Mitigation.EN == "" || r.Title.FR == r.Title.EN {
			t.Errorf("%s: title or mitigation missing in a language", r.Code)
		}
		if !slices.Contains(categories, r.Category) || r.Likelihood < 1 || r.Likelihood > 5 || r.Impact < 1 || r.Impact > 5 {
			t.Errorf("%s: category %q, levels %d×%d", r.Code, r.Category, r.Likelihood, r.Impact)
		}
	}
	if len(seen) != 13 {
		t.Errorf("%d rules, want 13", len(seen))
	}
}

func kebab(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(s)-1) {
			return false
		}
	}
	return s != "" && !strings.Contains(s, "--")
}

// TestDerivedInEnglish: the language option picks the English texts.
func TestDerivedInEnglish(t *testing.T) {
	r := load(t, scenario(map[string]string{"bodies": strings.Replace(clean["bodies"], "independentMembers: 2", "independentMembers: 0", 1)}))
	a, _ := Assess(r, nil, Options{Lang: "en"})
	f := derivedBy(a, "board-without-independents")[0]
	if f.Title != "Board without independent members — Conseil (ca)" || f.RuleTitle != "Board without independent members" ||
		f.Explanation != "Conseil (ca) has no independent member: oversight of management rests on the represented administrations alone." {
		t.Errorf("english: %q / %q / %q", f.Title, f.RuleTitle, f.Explanation)
	}
}
