package report

import (
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/compare"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

// TestCostWordsExist checks every label and compare word costs.go asks for,
// through labelf too, exists in every language.
func TestCostWordsExist(t *testing.T) {
	src, err := os.ReadFile("costs.go")
	if err != nil {
		t.Fatal(err)
	}
	labels := regexp.MustCompile(`(?:Label|labelf)\("(\w+)"`).FindAllStringSubmatch(string(src), -1)
	words := regexp.MustCompile(`(?:word|row)\("([\w-]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(labels) < 20 || len(words) < 4 {
		t.Fatalf("found only %d labels and %d words", len(labels), len(words))
	}
	for _, lang := range templates.Languages() {
		s, err := templates.LoadStrings(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range labels {
			if _, ok := s.Get("label", m[1]); !ok {
				t.Errorf("%s: no label %q", lang, m[1])
			}
		}
		for _, k := range append([]string{"missing-no-benefits"}, func() (out []string) {
			for _, m := range words {
				out = append(out, m[1])
			}
			return out
		}()...) {
			if _, ok := s.Get(compareSection, k); !ok {
				t.Errorf("%s: no word %q", lang, k)
			}
		}
	}
}

// TestCostsOnTheStudysBasis: the study's horizon and discount rate reach every
// page, the index says so, and the present value is discounted by hand.
func TestCostsOnTheStudysBasis(t *testing.T) {
	set, diags := loadFixture(t)
	rate := 0.05
	set.Study.Header.Horizon, set.Study.Header.DiscountRate = 3, &rate
	r, err := BuildWith(set, diags, "en", BuildOptions{NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	l, _ := NewLanguage("en")
	want := "Costs by calendar year from 2026 to 2028 (3 years), at the amounts declared, without inflation. Present value at a discount rate of 5% a year, each year brought back to 2026"
	if !strings.HasPrefix(r.Pack.CostBasis, want) {
		t.Errorf("the index's basis = %q, want it to start %q", r.Pack.CostBasis, want)
	}
	// option-centrale: transition 12,000,000 over 9 months from 2026-09 (4 in
	// 2026, 5 in 2027), the system 2,000,000 and the mitigations not done
	// (500,000 + 2,000,000 + 800,000) in 2026, 14,400,000 running a year from
	// the start.
	b := r.Scenarios[0].Budget()
	y2026, y2027 := 12e6*4/9+2e6+3.3e6+14.4e6, 12e6*5/9+14.4e6
	pv := y2026 + y2027/1.05 + 14.4e6/(1.05*1.05)
	facts := map[string]string{}
	for _, f := range b.Facts {
		facts[f.Label] = f.Value
	}
	if got, want := facts["Present value"], l.Amount(pv, "MAD").Text; got != want || math.Abs(pv-58_158_050) > 1 {
		t.Errorf("present value = %q, want %q (%v)", got, want, pv)
	}
	if got, want := b.Years.Rows[0][9], l.Number(y2026, 0); got != want {
		t.Errorf("2026 total = %q, want %q", got, want)
	}
	if len(b.Years.Rows) != 4 || b.Years.Rows[3][0] != "Total" || !slices.Contains(b.Basis, b.Horizon) {
		t.Errorf("years %q, basis %q", b.Years.Rows, b.Basis)
	}
}

// TestYearNames: without any date the years are numbered.
func TestYearNames(t *testing.T) {
	for lang, want := range map[string]string{"fr": "Coûts par année, de l'année 1 à l'année 5 (5\u00a0ans), aux montants déclarés, sans inflation\u00a0; aucune date n'étant déclarée, les années sont numérotées à partir du début.",
		"en": "Costs of year 1 (a one-year horizon), at the amounts declared, without inflation; nothing is dated, so the year is numbered."} {
		l, err := NewLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		years := 5
		if lang == "en" {
			years = 1
		}
		if got := horizonSentence(1, years, true, 0, l); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to start %q", lang, got, want)
		}
	}
}

// TestRelativeYears: a scenario where nothing is dated numbers its years,
// and every sentence of its costs says "year N", never a date such as
// "1-01"; the comparison's table reads Costs.Relative.
func TestRelativeYears(t *testing.T) {
	files := fuzzFiles{"study.yaml": []byte("study:\n  id: e\n  title: E\n  horizon: 3\n  discountRate: 0.1\n  scenarios: [ { file: s.yaml } ]\n"),
		"s.yaml": []byte(`scenario: { id: plat, title: Plat, currency: XOF }
transition: { cost: 120, months: 24 }
profiles: [ { id: agent, title: Agent, annualCost: 10 } ]
units: [ { id: dg, name: DG, kind: executive, cost: { setup: 7, annual: 2 }, staff: [ { profile: agent, count: 3 } ] } ]
`)}
	set, diags, err := (&model.Loader{Files: files}).LoadSet([]string{"study.yaml"})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	for lang, want := range map[string][]string{
		"fr": {"Coûts par année, de l'année 1 à l'année 3 (3\u00a0ans), aux montants déclarés, sans inflation\u00a0; aucune date n'étant déclarée, les années sont numérotées à partir du début. " +
			"Valeur actuelle au taux d'actualisation de 10\u202f% par an, chaque année ramenée à l'année 1\u00a0: total de l'année n ÷ (1 + taux)^(n − 1).",
			"Transition\u00a0: 120\u00a0XOF répartis à parts égales sur 24\u00a0mois à partir du début de l'année 1 (début de l'horizon\u00a0: aucune phase n'est datée).",
			"année 1", "année 3"},
		"en": {"Costs by year from year 1 to year 3 (3 years), at the amounts declared, without inflation; nothing is dated, so the years are numbered from the start. " +
			"Present value at a discount rate of 10% a year, each year brought back to year 1: the total of year n ÷ (1 + rate)^(n − 1).",
			"Transition: 120\u00a0XOF spread evenly over 24\u00a0months from the start of year 1 (the start of the horizon: no phase is dated).",
			"year 1", "year 3"},
	} {
		r, err := BuildWith(set, diags, lang, BuildOptions{NoCharts: true})
		if err != nil {
			t.Fatal(err)
		}
		b := r.Scenarios[0].Budget()
		if b.Basis[0] != want[0] || b.Basis[2] != want[1] {
			t.Errorf("%s: basis\n%q\n%q\nwant\n%q\n%q", lang, b.Basis[0], b.Basis[2], want[0], want[1])
		}
		if b.Years.Rows[0][0] != want[2] || b.Years.Rows[2][0] != want[3] {
			t.Errorf("%s: years %q, %q; want %q, %q", lang, b.Years.Rows[0][0], b.Years.Rows[2][0], want[2], want[3])
		}
		r.Release()
	}
}

// TestCostsTableRelative: the comparison's table numbers the years when the
// costs say nothing is dated, and not because the first year is 1.
func TestCostsTableRelative(t *testing.T) {
	l, err := NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		relative bool
		want     string
	}{{true, "year 1"}, {false, "1"}} {
		figs := []compare.Figures{{Scenario: "a", Currency: "XOF", Costs: compare.Costs{Relative: c.relative, HorizonYears: 1,
			ByYear: []compare.YearCost{{Year: 1, Total: 10}}, Total: 10}}}
		tab, _ := costsTable(figs, []string{"a"}, l)
		if got := tab.Rows[0][0]; got != c.want {
			t.Errorf("relative %v: first year %q, want %q", c.relative, got, c.want)
		}
	}
}

// TestPresentValueWithoutRate: without a discount rate the present value
// does not apply, in the scenario's facts and in the comparison; the JSON
// figure stays the total.
func TestPresentValueWithoutRate(t *testing.T) {
	set, diags := loadFixture(t)
	if set.Study.Header.DiscountRate != nil {
		t.Fatal("the fixture declares a discount rate")
	}
	r, err := BuildWith(set, diags, "fr", BuildOptions{NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Release()
	facts := map[string]string{}
	for _, f := range r.Scenarios[0].Budget().Facts {
		facts[f.Label] = f.Value
	}
	if got, want := facts["Valeur actuelle"], "sans objet (aucun taux d'actualisation déclaré\u00a0; le total n'est pas actualisé)"; got != want {
		t.Errorf("present value %q, want %q", got, want)
	}
	res := compare.Compare(set, compare.Options{Draws: -1})
	if c := res.Scenarios[0].Costs; c.DiscountRate != 0 || c.PresentValue != c.Total {
		t.Errorf("JSON: rate %v, present value %v, total %v", c.DiscountRate, c.PresentValue, c.Total)
	}
	l, _ := NewLanguage("fr")
	tab := figuresTable(res.Scenarios, []string{"a", "b"}, l, nil)
	found := false
	for _, row := range tab.Rows {
		if row[0] == "Valeur actuelle" {
			found = true
			if row[1] != "sans objet" || row[2] != "sans objet" {
				t.Errorf("comparison row %q", row)
			}
		}
	}
	if !found {
		t.Error("the comparison has no present value row")
	}
}
