package report

import (
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

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
	if len(labels) < 20 || len(words) < 10 {
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
	for lang, want := range map[string]string{"fr": "Coûts par année civile de année 1 à année 5 (5\u00a0ans), aux montants déclarés, sans inflation.",
		"en": "Costs of year 1 (a one-year horizon), at the amounts declared, without inflation."} {
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
