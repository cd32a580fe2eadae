package report

import (
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestPackAlert: the fixture recommends the decentralised agency, second of
// two. Its criteria (min–max over two options: 1 for the better, 0 for the
// other) give the central agency 1 on transition cost and residual risk and
// the decentralised one 1 on own offices; tutelle weighs them 2, 1, 1
// (shares 0.5, 0.25, 0.25), the civil society 1, 1, 3 (0.2, 0.2, 0.6):
// central 0.75 and 0.4, decentralised 0.25 and 0.6, combined 0.575 and
// 0.425; the combined weights are 0.35, 0.225 and 0.425. The civil society
// ranks it first. Moving the offices' weight to x, the others keeping their
// proportions: S(central) = 1 − x, S(decentralised) = x, so it leads from
// 50 %. Moving the transition cost's: S(central) = x + (1 − x)·0.225/0.65,
// S(decentralised) = (1 − x)·0.425/0.65: it leads up to 4/17 = 23.5 %; the
// residual risk's, likewise up to 3/34 = 8.8 %.
func TestPackAlert(t *testing.T) {
	set, diags := loadFixture(t)
	want := map[string][]string{
		"fr": {
			"La recommandation retient «\u00a0Agence déconcentrée\u00a0», classée au rang 2 sur 2 du classement combiné (score 0,425)\u00a0; «\u00a0Agence centralisée\u00a0» est en tête (score 0,575).",
			"Elle arrive en tête dans 7,1\u202f% des 1\u202f000 tirages de sensibilité.",
			"Groupes de parties prenantes qui la placent en tête\u00a0: societe-civile.",
			"Elle passerait en tête si le poids combiné d'un seul critère, les autres gardant leurs proportions, était\u00a0: «\u00a0Coût de transition\u00a0» entre 0\u202f% et 23,5\u202f% (aujourd'hui 35\u202f%)\u00a0; «\u00a0Exposition au risque résiduel\u00a0» entre 0\u202f% et 8,8\u202f% (aujourd'hui 22,5\u202f%)\u00a0; «\u00a0Points d'accueil propres\u00a0» entre 50\u202f% et 100\u202f% (aujourd'hui 42,5\u202f%).",
		},
		"en": {
			"The recommendation names “Agence déconcentrée”, ranked 2 of 2 in the combined ranking (score 0.425); “Agence centralisée” leads (score 0.575).",
			"It comes first in 7.1% of the 1,000 sensitivity draws.",
			"Stakeholder groups that rank it first: societe-civile.",
			"It would lead if the combined weight of one criterion, the others keeping their proportions, were: “Coût de transition” between 0% and 23.5% (now 35%); “Exposition au risque résiduel” between 0% and 8.8% (now 22.5%); “Points d'accueil propres” between 50% and 100% (now 42.5%).",
		},
	}
	for lang, lines := range want {
		r, err := BuildWith(set, diags, lang, BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
		if err != nil {
			t.Fatal(err)
		}
		a := r.Pack.Alert
		if a == nil {
			t.Fatalf("%s: no alert", lang)
		}
		if strings.Join(a.Lines, "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s: alert lines\n%s\nwant\n%s", lang, strings.Join(a.Lines, "\n"), strings.Join(lines, "\n"))
		}
		if !strings.HasPrefix(a.Rationale, "Le classement ne compte pas") || a.Missing != "" || len(alertDiagnostics(r)) != 0 {
			t.Errorf("%s: rationale %q, missing %q, diagnostics %v", lang, a.Rationale, a.Missing, r.BuildDiagnostics)
		}
		if !r.Pack.Ranking.Ranked || len(r.Pack.Ranking.Perturbed.Rows) != 2 || len(r.Pack.Ranking.Limits.Rows) != 3 {
			t.Errorf("%s: ranking %+v", lang, r.Pack.Ranking)
		}
		if g := r.Pack.Glossary; len(g.Rows) != 7 || !strings.Contains(g.Rows[0][1], "Paiement") && lang == "fr" {
			t.Errorf("%s: glossary %v", lang, g.Rows)
		}
		r.Release()
	}

	// Without a rationale: the pack says so, and the report warns.
	saved := set.Study.Rationale
	set.Study.Rationale = ""
	r, err := BuildWith(set, diags, "fr", BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
	set.Study.Rationale = saved
	if err != nil {
		t.Fatal(err)
	}
	r.Release()
	if a := r.Pack.Alert; a == nil || a.Rationale != "" || a.Missing != "L'étude ne motive pas cet écart au classement\u00a0: son champ «\u00a0rationale\u00a0» est vide." {
		t.Errorf("alert without rationale: %+v", a)
	}
	var got []string
	for _, d := range alertDiagnostics(r) {
		got = append(got, d.String()+" / "+d.Hint)
	}
	wantDiag := "testdata/study/study.yaml:57:17: warning: the recommendation names option-deconcentree, ranked 2 in the combined ranking (option-centrale leads), and the study gives no `rationale` [recommendation-without-rationale]" +
		" / write the study's `rationale:`: what the ranking leaves out that the recommendation weighs"
	if len(got) != 1 || got[0] != wantDiag || alertDiagnostics(r)[0].Severity != model.Warning {
		t.Errorf("diagnostics %q, want %q", got, wantDiag)
	}

	// The leader named: no alert, no warning.
	saved = set.Study.Recommendation
	set.Study.Recommendation = "Retenir l'agence centralisée."
	r, err = BuildWith(set, diags, "fr", BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
	set.Study.Recommendation = saved
	if err != nil {
		t.Fatal(err)
	}
	r.Release()
	if r.Pack.Alert != nil || len(alertDiagnostics(r)) != 0 {
		t.Errorf("alert %+v, diagnostics %v when the leader is recommended", r.Pack.Alert, r.BuildDiagnostics)
	}
}

// TestAlertRendered: the synthesis opens with the alert, a GitHub callout in
// the Markdown and an alert block in the HTML (not a grey quote), the
// rationale inside it; the cover says the pack is interim.
func TestAlertRendered(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := BuildWith(set, diags, "fr", BuildOptions{Benchmarks: fixtureBenchmarks(t), NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := map[string]string{}
	for _, f := range files {
		page[f.Name] = string(f.Data)
	}
	md, html := page["index.md"], page["index.html"]
	if !strings.Contains(md, "**Statut**\u00a0: version de consultation — document provisoire, à revoir après les consultations\n") {
		t.Errorf("the Markdown cover has no status:\n%.600s", md)
	}
	if !strings.Contains(md, "## Synthèse\n\n> [!WARNING]\n> **La recommandation s'écarte du classement multicritère**\n>\n> - La recommandation retient") ||
		!strings.Contains(md, ">\n> **Motivation de l'équipe**\n>\n> Le classement ne compte pas ce que les **associations** ont dit en atelier :\n>\n> - l'accueil de proximité") {
		t.Errorf("the Markdown synthesis does not open with the callout:\n%s", md[strings.Index(md, "## Synthèse"):][:1500])
	}
	synthesis := html[strings.Index(html, `<h2 id="synthèse">`):]
	synthesis = synthesis[:strings.Index(synthesis, "<table>")]
	for _, w := range []string{
		"<h2 id=\"synthèse\">Synthèse</h2>\n<div class=\"callout callout-warning\" role=\"alert\">\n<p><strong>La recommandation s'écarte du classement multicritère</strong></p>\n<ul>\n<li>La recommandation retient",
		"<p><strong>Motivation de l'équipe</strong></p>\n<p>Le classement ne compte pas ce que les <strong>associations</strong> ont dit en atelier :</p>\n<ul>\n<li>l'accueil de proximité",
		"</ul>\n</div>\n<div class=\"table-scroll\">",
	} {
		if !strings.Contains(synthesis, w) {
			t.Errorf("the HTML synthesis lacks %q:\n%s", w, synthesis)
		}
	}
	if strings.Contains(synthesis, "[!WARNING]") || strings.Contains(synthesis, "<blockquote>") {
		t.Errorf("the HTML alert is a quote:\n%s", synthesis)
	}
	if !strings.Contains(html, ".callout-warning, .callout-caution {") {
		t.Error("the page's style has no alert block")
	}
}

// alertDiagnostics are the report's warnings about the recommendation, the
// ones `report --strict` stops on (the fixture also has a stale triage,
// option-a's r-convention, tested in TestRiskFigures).
func alertDiagnostics(r *Report) []model.Diagnostic {
	var out []model.Diagnostic
	for _, d := range r.BuildDiagnostics {
		if d.Code == CodeNoRationale {
			out = append(out, d)
		}
	}
	return out
}
