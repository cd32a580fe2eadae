package report

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
	fr, err := NewLanguage("")
	if err != nil {
		t.Fatal(err)
	}
	en, err := NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		v        float64
		decimals int
		fr, en   string
	}{
		{0, 0, "0", "0"},
		{7, 0, "7", "7"},
		{999, 0, "999", "999"},
		{1000, 0, "1\u202f000", "1,000"},
		{1234567, 0, "1\u202f234\u202f567", "1,234,567"},
		{-1234567, 0, "-1\u202f234\u202f567", "-1,234,567"},
		{44.5, 2, "44,5", "44.5"},
		{12345.678, 2, "12\u202f345,68", "12,345.68"},
		{12.0, 2, "12", "12"},
		{0.004, 2, "0", "0"},
		{-0.001, 2, "0", "0"},
		{1234.5, 0, "1\u202f234", "1,234"}, // rounded half to even by strconv
		{math.Inf(1), 0, "+Inf", "+Inf"},
	}
	for _, tt := range tests {
		if got := fr.Number(tt.v, tt.decimals); got != tt.fr {
			t.Errorf("fr number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.fr)
		}
		if got := en.Number(tt.v, tt.decimals); got != tt.en {
			t.Errorf("en number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.en)
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
