package risk

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func derivedBy(a *Assessment, code string) []Item {
	var out []Item
	for _, it := range a.Risks {
		if it.Origin == code {
			out = append(out, it)
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
	for _, it := range a.Risks {
		if it.Derived() {
			t.Errorf("derived %s on the clean scenario: %s", it.ID, it.Explanation)
		}
	}
	if len(a.Risks) != 1 {
		t.Errorf("risks = %d, want the one register risk", len(a.Risks))
	}
}

type derived struct {
	id       string
	subjects []string
}

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
			fr: "1 unité(s) de DR (territoire) (dr) dépassent la limite de 10 subordonnés directs (jusqu'à 11)."},
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
		{name: "personal data without agreement", code: "personal-data-unprotected",
			replace: map[string]string{"interfaces": strings.Replace(clean["interfaces"], "agreement: signed", "agreement: draft", 1)},
			want:    []derived{{"personal-data-unprotected-i-ab", []string{"i-ab"}}}, level: High,
			fr: "L'interface i-ab (Système A (sys-a) → Système B (sys-b)) échange des données personnelles sans convention signée."},
		{name: "personal data without legal basis", code: "personal-data-unprotected",
			replace: map[string]string{"interfaces": strings.Replace(clean["interfaces"], ", legalBasis: Loi 1", "", 1)},
			want:    []derived{{"personal-data-unprotected-i-ab", []string{"i-ab"}}}, level: High},
		{name: "file exchange on a stage", code: "manual-exchange-on-chain",
			replace: map[string]string{"interfaces": clean["interfaces"] + "\n  - { id: i-ba, from: sys-b, to: sys-c, stages: [payment, updates], mode: file }",
				"systems": clean["systems"] + "\n  - { id: sys-c, name: Système C, owner: poste }"},
			want: []derived{{"manual-exchange-on-chain-payment", []string{"payment", "i-ba"}},
				{"manual-exchange-on-chain-updates", []string{"updates", "i-ba"}}}, level: Medium},
		{name: "a system three stages depend on", code: "critical-system",
			replace: map[string]string{"chain": strings.Replace(clean["chain"], "stage: intake, accountable: dir-a", "stage: intake, accountable: dir-a, systems: [sys-a]", 1)},
			want:    []derived{{"critical-system-sys-a", []string{"sys-a"}}}, level: High,
			fr: "3 étapes dépendent de Système A (sys-a) (Inscription, Éligibilité, Paiement) : sa panne les arrête ensemble."},
		{name: "board without independent members", code: "board-without-independents",
			replace: map[string]string{"bodies": strings.Replace(clean["bodies"], "independentMembers: 2", "independentMembers: 0", 1)},
			want:    []derived{{"board-without-independents-ca", []string{"ca"}}}, level: Medium},
		{name: "no board", code: "board-without-independents",
			replace: map[string]string{"bodies": "bodies:\n  - { id: ca, name: Comité, kind: committee }"},
			want:    []derived{{"board-without-independents-agency", []string{"agency"}}}, level: Medium},
		{name: "understaffed delegations", code: "understaffed-territory",
			replace: map[string]string{"demand": strings.Replace(clean["demand"], "onePer: 10000", "onePer: 5000", 1)},
			want:    []derived{{"understaffed-territory-dr", []string{"dr", "dr-nord", "dr-sud"}}}, level: High,
			fr: "2 unité(s) de DR (territoire) (dr) manquent de 10 agents au regard des normes de service (10 prévus pour 20 requis)."},
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
			for _, it := range derivedBy(a, c.code) {
				got = append(got, derived{it.ID, it.Subjects})
				if it.Level != c.level || it.Residual != it.Inherent || it.Current != it.Inherent || len(it.Mitigations) != 0 {
					t.Errorf("%s: level %s, inherent %v, residual %v, current %v; want %s, all equal, no mitigation",
						it.ID, it.Level, it.Inherent, it.Residual, it.Current, c.level)
				}
				if it.Explanation == "" || it.Suggestion == "" {
					t.Errorf("%s has no explanation or suggestion", it.ID)
				}
			}
			slices.SortFunc(got, func(x, y derived) int { return strings.Compare(x.id, y.id) })
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("derived = %v, want %v", got, c.want)
			}
			for _, it := range a.Risks { // the planted weakness, and nothing else
				if it.Derived() && it.Origin != c.code {
					t.Errorf("rule %s also fired: %s", it.Origin, it.Explanation)
				}
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

// TestRuleMetadata: codes are kebab-case and unique, titles and suggestions
// are written in both languages, levels are on the scale.
func TestRuleMetadata(t *testing.T) {
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
	it := derivedBy(a, "board-without-independents")[0]
	if it.Title != "Board without independent members — Conseil (ca)" ||
		it.Explanation != "Conseil (ca) has no independent member: oversight of management rests on the represented administrations alone." {
		t.Errorf("english: %q / %q", it.Title, it.Explanation)
	}
}
