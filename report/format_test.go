package report

import (
	"math"
	"testing"

	"github.com/orgdesign/orgdesign/internal/textfmt"
)

// TestLanguageNumbers checks the report writes its figures through the one
// formatting helper, in the style of its language (textfmt tests the helper).
func TestLanguageNumbers(t *testing.T) {
	for _, code := range []string{"fr", "en"} {
		l, err := NewLanguage(code)
		if err != nil {
			t.Fatal(err)
		}
		st := textfmt.For(code)
		for _, v := range []float64{0, -0.001, 44.5, 12345.678, 1234567, math.Inf(1)} {
			if got, want := l.Number(v, 2), st.Number(v, 2); got != want {
				t.Errorf("%s: Number(%v) = %q, want %q", code, v, got, want)
			}
			if got, want := l.Percent(v/100), st.Percent(v/100); got != want {
				t.Errorf("%s: Percent(%v) = %q, want %q", code, v/100, got, want)
			}
		}
		if got, want := l.Count(1234567).Text, st.Int(1234567); got != want {
			t.Errorf("%s: Count = %q, want %q", code, got, want)
		}
	}
}

func TestAmountMonthsDates(t *testing.T) {
	fr, _ := NewLanguage("fr")
	en, _ := NewLanguage("en")
	checks := []struct{ got, want string }{
		{fr.Amount(1234567, "MAD").Text, "1\u202f234\u202f567\u00a0MAD"},
		{en.Amount(1234567, "MAD").Text, "1,234,567\u00a0MAD"},
		{en.Amount(1234567, "").Text, "1,234,567"},
		{fr.months(1).Text, "1\u00a0mois"},
		{fr.months(18).Text, "18\u00a0mois"},
		{en.months(1).Text, "1\u00a0month"},
		{en.months(18).Text, "18\u00a0months"},
		{fr.date("2026-03-15"), "15\u00a0mars 2026"},
		{fr.date("2026-03-01"), "1er\u00a0mars 2026"},
		{en.date("2026-03-01"), "1\u00a0March 2026"},
		{fr.date("2026-02"), "février 2026"},
		{en.date("2026-02"), "February 2026"},
		{fr.date("2026"), "2026"},
		{fr.date("2026-13"), "2026-13"},
		{fr.date("mi-2026"), "mi-2026"},
		{fr.date(""), ""},
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
	if v := fr.Amount(45500000.5, "MAD").Value; v != 45500000.5 {
		t.Errorf("amount keeps the exact value, got %v", v)
	}
}
