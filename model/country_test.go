package model

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
)

func checkCountryText(t *testing.T, src string) string {
	t.Helper()
	f, ds := Parse("xx.yaml", []byte(src), 0)
	c := &diags{list: ds}
	if f != nil {
		if f.Kind != KindCountry {
			t.Fatalf("kind = %q", f.Kind)
		}
		checkCountry(f.Country, c)
	}
	var b strings.Builder
	_ = WriteText(&b, c.list.Sort())
	return b.String()
}

func TestCountryFixture(t *testing.T) {
	src, err := os.ReadFile("testdata/country/xx.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := checkCountryText(t, string(src)); got != "" {
		t.Fatalf("diagnostics:\n%s", got)
	}
	f, _ := Parse("xx.yaml", src, 0)
	b, _ := json.MarshalIndent(f.Country, "", "  ")
	golden.Check(t, "country-xx.json", append(b, '\n'))
}

func TestCountryDiagnostics(t *testing.T) {
	src, err := os.ReadFile("testdata/country/xx.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, old, new, want string }{
		{"figure without source", `unit: households, year: "2023", source: rapport,`, `unit: households, year: "2023",`,
			"xx.yaml:16:5: error: beneficiaries figure 1 has no source [missing-source]\n    hint: add `source:` naming an entry of the file's sources\n"},
		{"figure without year", `{ value: 1200000, unit: households, year: "2023",`, `{ value: 1200000, unit: households,`,
			"xx.yaml:16:5: error: beneficiaries figure 1 has no year [missing-year]\n    hint: add `year:`, the year the figure refers to\n"},
		{"zero is not unknown", "{ value: unknown }", "{ value: nothing }",
			"xx.yaml:19:14: error: \"value\" of figure 1 of \"staff\" must be a number or unknown, not \"nothing\" [type-mismatch]\n    hint: write unknown when no source gives the figure, never 0\n"},
		{"unknown source", "count: 9, offices: own, year: \"2023\", source: rapport", "count: 9, offices: own, year: \"2023\", source: raport",
			"xx.yaml:21:95: error: territorial level \"Bureaux régionaux\" cites source \"raport\", which the file's sources do not list [unknown-reference]\n    hint: did you mean `rapport`?\n"},
		{"bad party", "accountable: bank", "accountable: banque",
			"xx.yaml:25:36: error: chain stage \"payment\": \"banque\" is not a known accountable [unknown-value]\n    hint: one of: agency, ministry, registry-agency, social-security, bank, post, local-government, other, unknown\n"},
		{"bad lesson condition", "when: { payments: outsourced }", "when: { paiements: outsourced }",
			"xx.yaml:27:90: error: lesson \"xx-contrat-paiement\": `when` cannot test \"paiements\" [unknown-field]\n    hint: did you mean `payments`?\n"},
		{"unquoted comma in a flow mapping", `note: "Chiffre contradictoire, gardé avec sa source."`, `note: Chiffre contradictoire, gardé avec sa source.`,
			"xx.yaml:17:101: error: unknown field \"gardé avec sa source.\" in figure 2 of \"beneficiaries\" [unknown-field]\n    hint: a comma ends a value inside { }: quote the text before it, e.g. note: \"a, b\"\n"},
		{"figure without basis", `source: rapport, basis: caseload }`, `source: rapport }`,
			"xx.yaml:16:5: warning: beneficiaries figure 1 has no basis: it is shown but not compared with the scenario [missing-basis]\n    hint: add `basis: caseload` or `cumulative`\n"},
		{"basis of another list", `source: rapport, basis: caseload }`, `source: rapport, basis: agency }`,
			"xx.yaml:16:79: error: beneficiaries figure 1: \"agency\" is not a known basis [unknown-value]\n    hint: one of: caseload, cumulative\n"},
		{"basis on a budget figure", "staff:", "budget:\n  - { value: 5, unit: XXX, year: \"2023\", source: rapport, basis: budget }\nstaff:",
			"xx.yaml:19:66: error: budget figure 1: `basis` is for beneficiaries, staff and adminCostShare figures [unknown-field]\n"},
		{"country id", "id: xx", "id: xxx",
			"xx.yaml:2:7: error: country id \"xxx\" is not a two-letter code [invalid-id]\n    hint: use the ISO 3166-1 alpha-2 code in lower case, e.g. za, br, jo\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(string(src), tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			got := checkCountryText(t, strings.Replace(string(src), tc.old, tc.new, 1))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}
