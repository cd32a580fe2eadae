package report

import (
	"strings"
	"testing"
)

func TestRecommended(t *testing.T) {
	opts := []*Scenario{{ID: "option-a", Title: "Option A"}, {ID: "option-ab", Title: "Option A bis"}, {ID: "b", Title: "Agence hybride"}}
	for _, tc := range []struct{ text, want string }{
		{"Retenir l'**option A bis** plutôt que l'option A.", "option-ab"},
		{"Retenir l'option A, pas l'agence hybride.", "option-a"},
		{"L'équipe recommande `b`.", "b"},
		{"Retenir l'AGENCE HYBRIDE.", "b"},
		{"Retenir option-abc.", ""}, // no id inside a longer word
		{"Aucune préférence.", ""},
	} {
		got := ""
		if s := recommended(tc.text, opts); s != nil {
			got = s.ID
		}
		if got != tc.want {
			t.Errorf("recommended(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPackWarning: the fixture's recommendation names the option ranked
// second; the warning names the leader and both scores, in both languages.
func TestPackWarning(t *testing.T) {
	set, diags := loadFixture(t)
	for lang, want := range map[string]string{
		"fr": "Attention\u00a0: la recommandation retient «\u00a0Agence déconcentrée\u00a0» (rang 2, score 0,425), mais le classement multicritère combiné place en tête «\u00a0Agence centralisée\u00a0» (score 0,575).",
		"en": "Warning: the recommendation names “Agence déconcentrée” (rank 2, score 0.425), but the combined multi-criteria ranking puts “Agence centralisée” first (score 0.575).",
	} {
		r, err := BuildWith(set, diags, lang, BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
		if err != nil {
			t.Fatal(err)
		}
		if r.Pack == nil || r.Pack.Warning != want {
			t.Errorf("%s: warning %q, want %q", lang, r.Pack.Warning, want)
		}
		if !r.Pack.Ranking.Ranked || len(r.Pack.Ranking.Perturbed.Rows) != 2 || len(r.Pack.Ranking.Limits.Rows) != 3 {
			t.Errorf("%s: ranking %+v", lang, r.Pack.Ranking)
		}
		// The leader named: no warning.
		saved := set.Study.Recommendation
		set.Study.Recommendation = "Retenir l'agence centralisée."
		r2, err := BuildWith(set, diags, lang, BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
		set.Study.Recommendation = saved
		if err != nil {
			t.Fatal(err)
		}
		if r2.Pack.Warning != "" {
			t.Errorf("%s: warning %q when the leader is recommended", lang, r2.Pack.Warning)
		}
		if g := r.Pack.Glossary; len(g.Rows) != 7 || !strings.Contains(g.Rows[0][1], "Paiement") && lang == "fr" {
			t.Errorf("%s: glossary %v", lang, g.Rows)
		}
	}
}
