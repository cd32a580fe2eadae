package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// TestWarningsInTheReportsLanguage loads inputs that raise every warning a
// written report can show (errors stop it): each carries its words (a
// warning added without them would reach a French report in English), the
// English sentence of its words reads exactly as the message and hint the
// command line prints, and the French report says it in French.
func TestWarningsInTheReportsLanguage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("full.yaml", "scenario: { id: full, title: Full }\nunits:\n  - { id: dg, name: DG, kind: executive }\n")
	// extends a full scenario; two roots (dg and cellule); points on a digital
	// channel; dismisses a finding the rules do not produce (they produce the
	// board's, under another id), then one nothing resembles
	write("option.yaml", "scenario: { id: option, title: Option, extends: full.yaml }\nunits:\n  - { id: cellule, name: Cellule, kind: service }\n"+
		"channels:\n  - { id: web, name: Web, kind: digital, points: 2 }\n"+
		"dismissed:\n  - { finding: board-without-independents-agence, reason: R }\n  - { finding: critical-system-x, reason: R }\n")
	write("study.yaml", `study: { id: s, title: S, scenarios: [ { file: option.yaml } ] }
findings:
  - { id: f-sans, title: Sans source, stage: payment, severity: low }
stakeholders:
  - { id: sh, name: Ministère, group: tutelle, interest: high, influence: high }
criteria:
  - { id: c-poids, title: Poids, metric: payroll, direction: min, weights: { tutelle: 1 } }
  - { id: c-note, title: Note, scored: true, direction: max }
`)
	write("other.yaml", "study: { id: s2, title: S2, scenarios: [ { file: option.yaml } ] }\n")

	l := &model.Loader{Files: model.OSFiles{}}
	names := []string{filepath.Join(dir, "study.yaml"), filepath.Join(dir, "other.yaml")}
	set, diags, err := l.LoadSet(names)
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	en, err := NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	diags = append(diags, risk.CheckScenarios(set.Scenarios, analysis.Options{})...) // the rules' warnings, as the commands add them
	for _, d := range diags {
		codes = append(codes, d.Code)
		if d.Say.Key == "" {
			t.Errorf("%s has no words for other languages", d)
			continue
		}
		if got := en.say("diagnosticMessage", d.Say, ""); got != d.Message {
			t.Errorf("%s: the English sentence reads %q", d.Code, got)
		}
		if got := en.say("diagnosticHint", d.HintWords(), ""); got != d.Hint {
			t.Errorf("%s: the English hint reads %q, the command line %q", d.Code, got, d.Hint)
		}
	}
	slices.Sort(codes)
	want := []string{"extends-option", "ignored-field", "missing-source", "multiple-roots", "several-studies", "unknown-finding", "unknown-finding"}
	if strings.Join(codes, " ") != strings.Join(want, " ") {
		t.Fatalf("warnings %v, want %v:\n%v", codes, want, diags)
	}

	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	var said []string
	for _, d := range r.Diagnostics {
		said = append(said, d.Message+" ("+d.Hint+")")
	}
	for _, s := range r.Scenarios {
		for _, d := range s.Diagnostics {
			said = append(said, d.Message+" ("+d.Hint+")")
		}
	}
	text := strings.Join(said, "\n")
	for _, w := range []string{
		"le constat « f-sans » n'a pas de source (citez l'origine du constat)",
		"le canal « web » est de type digital : `points` compte les lieux où les ménages se rendent en personne et n'est pas pris en compte (retirez `points`, ou donnez au canal un type d'accueil en personne, comme partner-counter ou mobile-unit)",
		"l'unité « cellule » n'a pas de supérieur, comme « dg » : la structure a plusieurs racines (donnez-lui `reportsTo`)",
		"« full.yaml » est un scénario complet, pas un contexte partagé (marquez le contexte partagé `partial: true`)",
		"les règles ne produisent aucun constat « board-without-independents-agence » dans option (vouliez-vous dire `board-without-independents-agency` ?)",
		"les règles ne produisent aucun constat « critical-system-x » dans option (`orgdesign risk` liste les constats de chaque scénario et leurs identifiants)",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the French report lacks %q; it says:\n%s", w, text)
		}
	}
}

// TestMissingBasisInEachLanguage: a country figure without a basis warns
// with words that carry the list, the figure's number and the two values,
// never English, each language joining them in its own words.
func TestMissingBasisInEachLanguage(t *testing.T) {
	src, err := os.ReadFile("../model/testdata/country/xx.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "source: rapport, basis: caseload }", "source: rapport }", 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "xx.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds, err := (&model.Loader{Files: model.OSFiles{}}).Country(filepath.Join(dir, "xx.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var d *model.Diagnostic
	for i := range ds {
		if ds[i].Code == "missing-basis" {
			d = &ds[i]
		}
	}
	if d == nil {
		t.Fatalf("no missing-basis warning in %v", ds)
	}
	for lang, want := range map[string][2]string{
		"en": {d.Message, d.Hint},
		"fr": {"le chiffre 1 de beneficiaries n'a pas de base : il est montré mais pas comparé au scénario", "ajoutez `basis: caseload` ou `cumulative`"},
	} {
		l, err := NewLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.say("diagnosticMessage", d.Say, ""); got != want[0] {
			t.Errorf("%s: message %q, want %q", lang, got, want[0])
		}
		if got := l.say("diagnosticHint", d.HintWords(), ""); got != want[1] {
			t.Errorf("%s: hint %q, want %q", lang, got, want[1])
		}
	}
}
