package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

// compareFixture compares the compare package's fixture study with the
// benchmarks package's two fixture countries.
func compareFixture(t *testing.T) (*compare.Result, []*model.CountryFile, string) {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	set, ds, err := l.LoadSet([]string{"../compare/testdata/study/study.yaml"})
	if err != nil || ds.HasErrors() {
		t.Fatalf("the fixture: %v\n%v", err, ds)
	}
	countries, ds, err := benchmarks.Read(benchmarks.Group{Files: model.OSFiles{},
		Names: []string{"../benchmarks/testdata/xx.yaml", "../benchmarks/testdata/yy.yaml"}})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return compare.Compare(set, compare.Options{Countries: countries, Seed: 1, Draws: 2000}), countries, set.Study.Header.Title
}

func diffFixture(t *testing.T) *compare.Diff {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	var rs []*model.Resolved
	for _, name := range []string{"../compare/testdata/diff/before.yaml", "../compare/testdata/diff/after.yaml"} {
		r, ds, err := l.Scenario(name)
		if err != nil || ds.HasErrors() {
			t.Fatalf("%s: %v\n%v", name, err, ds)
		}
		rs = append(rs, r)
	}
	return compare.DiffScenarios(rs[0], rs[1], compare.DiffOptions{})
}

func TestCompareOutputs(t *testing.T) {
	res, countries, title := compareFixture(t)
	for _, lang := range templates.Languages() {
		cr, err := BuildCompare(res, CompareOptions{Lang: lang, Title: title, Countries: countries})
		if err != nil {
			t.Fatal(err)
		}
		var text bytes.Buffer
		if err := WriteCompareText(&text, cr); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "compare-"+lang+".txt", text.Bytes())
		md, err := CompareMarkdown(cr)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "compare-"+lang+".md", md)
	}
}

func TestCompareFigures(t *testing.T) {
	res, countries, title := compareFixture(t)
	cr, err := BuildCompare(res, CompareOptions{Lang: "fr", Title: title, Countries: countries})
	if err != nil {
		t.Fatal(err)
	}
	if cr.Title != "Comparaison des scénarios — Étude de test" || !cr.Ranked {
		t.Errorf("title %q, ranked %v", cr.Title, cr.Ranked)
	}
	row := func(tb Table, first string) []string {
		for _, r := range tb.Rows {
			if r[0] == first {
				return r
			}
		}
		t.Fatalf("no row %q in %v", first, tb.Rows)
		return nil
	}
	check := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s: %q, want %q", what, got, want)
		}
	}
	check("payroll", row(cr.Figures, "Masse salariale"), []string{"Masse salariale", "1\u202f000\u202f000\u00a0MAD", "1\u202f600\u202f000\u00a0MAD", "1\u202f260\u202f000\u00a0MAD"})
	check("months", row(cr.Figures, "Durée de transition"), []string{"Durée de transition", "6\u00a0mois", "18\u00a0mois", "12\u00a0mois"})
	check("peer", row(cr.Figures, "Pays le plus proche (ressemblance)")[1:2], []string{"Pays témoin (57,1\u202f%)"})
	check("scored values", row(cr.Values, "Faisabilité")[3:], []string{"notes de 1 à 5 (fixe)", "5", "2", "3,5"})
	check("missing", cr.Missing.Rows[0], []string{"Sobriété juridique", "option-a", "aucune note d'atelier", "gouvernement"})
	if len(cr.LeftOut) != 1 || !strings.Contains(cr.LeftOut[0], "c-textes") {
		t.Errorf("left out: %q", cr.LeftOut)
	}
	// The combined ranking's total row adds up to the scores.
	total := cr.Contrib.Rows[len(cr.Contrib.Rows)-1]
	if total[0] != "Total" || total[1] != "100\u202f%" {
		t.Errorf("total row %q", total)
	}
}

func TestCompareWithoutCriteria(t *testing.T) {
	res, _, _ := compareFixture(t)
	res.Ranking, res.Sensitivity = nil, nil
	cr, err := BuildCompare(res, CompareOptions{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := WriteCompareText(&text, cr); err != nil {
		t.Fatal(err)
	}
	md, err := CompareMarkdown(cr)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{text.String(), string(md)} {
		if !strings.Contains(out, "No comparison criteria: no ranking.") || strings.Contains(out, "Combined multi-criteria ranking") {
			t.Errorf("without criteria:\n%s", out)
		}
	}
}

func TestDiffOutputs(t *testing.T) {
	d := diffFixture(t)
	for _, lang := range templates.Languages() {
		dr, err := BuildDiff(d, DiffOptions{Lang: lang, From: "before.yaml", To: "after.yaml", Currency: "MAD"})
		if err != nil {
			t.Fatal(err)
		}
		var text bytes.Buffer
		if err := WriteDiffText(&text, dr); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "diff-"+lang+".txt", text.Bytes())
		md, err := DiffMarkdown(dr)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "diff-"+lang+".md", md)
	}
}

func TestHostileTextInComparison(t *testing.T) {
	res := &compare.Result{Scenarios: []compare.Figures{{Scenario: "a", Title: "| x | \x1b[31mred\u202e\n# Title"}}}
	cr, err := BuildCompare(res, CompareOptions{Lang: "fr", Title: "[link](javascript:alert(1)) <b>"})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	if err := WriteCompareText(&text, cr); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(text.String(), "\x1b\u202e") {
		t.Errorf("the terminal output lets control characters through:\n%q", text.String())
	}
	md, err := CompareMarkdown(cr)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\x1b", "| x |", "\n# Title", "[link]", "<b>"} {
		if strings.Contains(string(md), bad) {
			t.Errorf("the Markdown lets %q through:\n%s", bad, md)
		}
	}
}

// TestCompareWordsExist checks that every word of the compare section the
// code asks for exists in every language, the keys built from values too.
func TestCompareWordsExist(t *testing.T) {
	wordRE := regexp.MustCompile(`word(?:f)?\("([\w-]+)"`)
	var keys []string
	for _, name := range []string{"compare.go", "compare_text.go", "diff.go"} {
		src, err := os.ReadFile(filepath.Join(".", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range wordRE.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, m[1])
		}
	}
	for _, m := range append(slices.Clone(model.Metrics), "scored") {
		keys = append(keys, "metric-"+m)
	}
	for _, c := range []string{compare.Added, compare.Removed, compare.Moved, compare.Renamed, compare.RenameCandidate, compare.Changed, compare.Rescored} {
		keys = append(keys, "change-"+c)
	}
	for _, r := range []string{compare.MissingScore, compare.MissingTransition, compare.MissingBenchmark, compare.MissingMetric} {
		keys = append(keys, "missing-"+r)
	}
	for _, f := range []string{"from", "to", "mode", "agreement", "legalBasis", "personalData"} {
		keys = append(keys, "field-"+f)
	}
	for _, a := range model.Agreements {
		keys = append(keys, "agreement-"+a)
	}
	keys = append(keys, "direction-min", "direction-max")
	if len(keys) < 100 {
		t.Fatalf("found only %d words: %q", len(keys), keys)
	}
	for _, lang := range templates.Languages() {
		s, err := templates.LoadStrings(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := s.Get(compareSection, k); !ok && !strings.HasSuffix(k, "-") {
				t.Errorf("%s: no word %q in the %s section", lang, k, compareSection)
			}
		}
	}
}
