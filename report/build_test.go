package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

func TestBuild(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.Lang != "fr" || r.Title != "Étude de l'agence d'aide sociale" || r.Study == nil {
		t.Fatalf("Lang %q, Title %q, Study %v", r.Lang, r.Title, r.Study)
	}
	if len(r.Scenarios) != 2 {
		t.Fatalf("%d scenarios", len(r.Scenarios))
	}
	a, b := r.Scenarios[0], r.Scenarios[1]
	if !a.Baseline || b.Baseline {
		t.Errorf("baseline: %v, %v; want the first only", a.Baseline, b.Baseline)
	}
	// Units are summed per template, in the file's order, and the totals
	// agree with the model's.
	var rows []string
	for _, u := range b.Analysis.Costs.Units {
		rows = append(rows, u.Instances.Text+" × "+u.Name+" = "+u.Headcount.Text+" / "+u.Payroll.Text)
	}
	want := []string{
		"1 × Direction générale = 3 / 1\u202f800\u202f000\u00a0MAD",
		"1 × Direction des prestations = 6 / 1\u202f800\u202f000\u00a0MAD",
		"1 × Service accueil | orientation = 4 / 720\u202f000\u00a0MAD",
		"2 × Délégation régionale (territoire) = 17 / 3\u202f540\u202f000\u00a0MAD",
		"3 × Antenne (territoire) = 9 / 1\u202f620\u202f000\u00a0MAD",
		"1 × Représentation de Port-Blanc = 5 / 900\u202f000\u00a0MAD",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("units:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	res := set.Scenarios[1]
	total := b.Analysis.Costs.Total
	if total.Headcount.Value != float64(res.Headcount()) || total.Payroll.Value != res.Payroll() || b.Headcount != total.Headcount {
		t.Errorf("total %v / %v, model %d / %v", total.Headcount, total.Payroll, res.Headcount(), res.Payroll())
	}
	var tiers []string
	for _, tr := range b.Analysis.Costs.Tiers {
		tiers = append(tiers, tr.Name+" "+tr.Instances.Text+" "+tr.Headcount.Text)
	}
	if want := []string{"Central 3 13", "Régional 2 17", "Provincial 4 14"}; !slices.Equal(tiers, want) {
		t.Errorf("tiers %q, want %q", tiers, want)
	}
	if in := b.Institution; in.LegalForm != "Établissement public autonome" || in.Supervision != "Ministère des Finances (MF)" || in.Payments != "Mixtes" {
		t.Errorf("institution %+v", in)
	}
	if got := b.Strategy.Objectives[0].Indicators[1].Change; got != "44,5 → 10" {
		t.Errorf("indicator change %q", got)
	}
	if b.Transition.Cost.Text != "45\u202f500\u202f000\u00a0MAD" || b.Transition.Months.Text != "18\u00a0mois" {
		t.Errorf("transition %+v", b.Transition)
	}
	// Each page shows the diagnostics of its own files, the set's triage
	// included (a risk accepting a finding no rule produces); the index those
	// of the study. common.yaml dismisses a finding option-a does not produce
	// but option-b does: no warning.
	if len(a.Diagnostics) != 2 || a.Diagnostics[0].Code != "multiple-roots" || a.Diagnostics[0].Severity != "Avertissement" ||
		a.Diagnostics[0].Where != "testdata/study/option-a.yaml:22:5" || a.Diagnostics[1] != (Diagnostic{Severity: "Avertissement",
		Where: "testdata/study/option-a.yaml:60:14", Code: "unknown-finding",
		Message: "les règles ne produisent aucun constat « personal-data-unprotected-i-registr » dans option-centrale",
		Hint:    "vouliez-vous dire `personal-data-unprotected-i-registre` ?"}) {
		t.Errorf("option-a diagnostics %+v", a.Diagnostics)
	}
	if len(b.Diagnostics) != 0 {
		t.Errorf("option-b diagnostics %+v", b.Diagnostics)
	}
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Code != "missing-source" {
		t.Errorf("study diagnostics %+v", r.Diagnostics)
	}
	f := r.Study.Findings[0]
	if f.Stage != "Éligibilité" || f.Severity != "Élevée" {
		t.Errorf("finding %+v", f)
	}
	if c := r.Study.Consultations[0]; c.Participants != "Ministère des Finances, Associations de bénéficiaires" || c.Format != "Atelier" || c.Date != "10\u00a0février 2026" {
		t.Errorf("consultation %+v", c)
	}
}

// TestFrenchAndEnglishDiffer checks labels, enumeration values and number
// formats follow the language.
func TestFrenchAndEnglishDiffer(t *testing.T) {
	fr := fileNamed(t, renderFixture(t, "fr"), "option-deconcentree.md")
	en := fileNamed(t, renderFixture(t, "en"), "option-deconcentree.md")
	pairs := []struct{ fr, en string }{
		{"## Unités, effectifs et coûts", "## Units, headcount and costs"},
		{"| Établissement public autonome |", "| Autonomous agency |"},
		{"10\u202f380\u202f000\u00a0MAD", "10,380,000\u00a0MAD"},
		{"| 2 × Délégation régionale (territoire) | Délégation | Régional |", "| 2 × Délégation régionale (territory) | Delegation | Regional |"},
		{"44,5 → 10", "44.5 → 10"},
		{"février 2026", "February 2026"},
		{"**Effectif**\u00a0: 44", "**Headcount**: 44"},
	}
	for _, p := range pairs {
		if !strings.Contains(fr, p.fr) || strings.Contains(en, p.fr) {
			t.Errorf("French page should have %q, the English one not", p.fr)
		}
		if !strings.Contains(en, p.en) || strings.Contains(fr, p.en) {
			t.Errorf("English page should have %q, the French one not", p.en)
		}
	}
	if html := fileNamed(t, renderFixture(t, "fr"), "index.html"); !strings.Contains(html, `<html lang="fr">`) {
		t.Error(`the French page lacks <html lang="fr">`)
	}
}

func TestBuildRefuses(t *testing.T) {
	if _, err := Build(nil, nil, "fr"); err == nil {
		t.Error("Build(nil) gave no error")
	}
	set, diags := loadFixture(t)
	if _, err := Build(set, diags, "de"); err == nil || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("lang de: %v", err)
	}
	for _, id := range []string{"index", "../evil", "a/b", `a\b`, ".cache", ""} {
		set, diags := loadFixture(t)
		set.Scenarios[1].Header.ID = id
		if _, err := Build(set, diags, "fr"); err == nil {
			t.Errorf("scenario id %q: no error", id)
		}
	}
	set, diags = loadFixture(t)
	set.Scenarios[1].Header.ID = set.Scenarios[0].Header.ID
	if _, err := Build(set, diags, "fr"); err == nil || !strings.Contains(err.Error(), "written over") {
		t.Errorf("two scenarios with one id: %v", err)
	}
}

// TestBuildWithoutStudy reports scenarios loaded on their own.
func TestBuildWithoutStudy(t *testing.T) {
	l := &model.Loader{Files: model.OSFiles{}}
	set, diags, err := l.LoadSet([]string{"testdata/study/option-b.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(set, diags, "en")
	if err != nil {
		t.Fatal(err)
	}
	if r.Study != nil || r.Title != "Organisational scenarios" || len(r.Scenarios) != 1 || r.Scenarios[0].Baseline {
		t.Errorf("report %+v", r)
	}
	files, err := Render(r, Options{NoHTML: true})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	if len(names) < 3 || names[0] != "index.md" || names[1] != "option-deconcentree.md" || names[2] != "charts/option-deconcentree-org.svg" {
		t.Errorf("files %q", names)
	}
	if strings.Contains(string(files[0].Data), "Diagnostics of the study file") {
		t.Error("an index without a study shows study diagnostics")
	}
}

// TestEveryValueIsTranslated checks that each value of the model's closed
// lists the report shows has a text in every language.
func TestEveryValueIsTranslated(t *testing.T) {
	lists := map[string][]string{
		"legalForm":        model.LegalForms,
		"staffStatus":      model.StaffStatuses,
		"registry":         model.RegistryModes,
		"payments":         model.PaymentModes,
		"unitKind":         model.UnitKinds,
		"tier":             model.Tiers,
		"stage":            model.StagesAndFunctions(),
		"severity":         model.Severities,
		"rating":           model.Ratings,
		"consultFormat":    model.ConsultFormats,
		"prerequisiteKind": model.PrerequisiteKind,
		"diagnostic":       {model.Error.String(), model.Warning.String(), model.Info.String()},
		"interfaceMode":    append(slices.Clone(model.InterfaceModes), "unspecified"),
		"problem":          {"no-signed-agreement", "no-legal-basis", "manual", "file"},
		"normBase":         model.NormBases,
	}
	for _, lang := range templates.Languages() {
		s, err := templates.LoadStrings(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, section := range []string{"legalForm", "staffStatus", "registry", "payments", "unitKind", "tier", "stage",
			"severity", "rating", "consultFormat", "prerequisiteKind", "diagnostic", "interfaceMode", "problem", "normBase"} {
			for _, v := range lists[section] {
				if text, ok := s.Get(section, v); !ok || text == "" {
					t.Errorf("%s: no text for %s %q", lang, section, v)
				}
			}
			if len(s[section]) != len(lists[section]) {
				t.Errorf("%s: section %s has %d texts for %d values", lang, section, len(s[section]), len(lists[section]))
			}
		}
	}
	fr, _ := templates.LoadStrings("fr")
	want := map[string]string{"legalForm.autonomous-agency": "Établissement public autonome", "stage.intake": "Inscription",
		"stage.eligibility": "Éligibilité", "stage.payment": "Paiement", "stage.grievance": "Réclamations"}
	for key, text := range want {
		section, k, _ := strings.Cut(key, ".")
		if got, _ := fr.Get(section, k); got != text {
			t.Errorf("fr %s = %q, want %q", key, got, text)
		}
	}
}
