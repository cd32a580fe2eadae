package textfmt

import (
	"math"
	"testing"
)

func TestNumber(t *testing.T) {
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
		{-1234, 0, "-1\u202f234", "-1,234"},
		{44.5, 2, "44,5", "44.5"},
		{12345.678, 2, "12\u202f345,68", "12,345.68"},
		{3900000.5, 1, "3\u202f900\u202f000,5", "3,900,000.5"},
		{118.8, 4, "118,8", "118.8"},
		{12.0, 2, "12", "12"},
		{0.004, 2, "0", "0"},
		{-0.001, 2, "0", "0"},              // no "-0"
		{1234.5, 0, "1\u202f234", "1,234"}, // half to even, as strconv rounds
		{1e15, 0, "1\u202f000\u202f000\u202f000\u202f000\u202f000", "1,000,000,000,000,000"},
		{math.Inf(1), 0, "+Inf", "+Inf"},
		{math.Inf(-1), 2, "-Inf", "-Inf"},
		{math.NaN(), 2, "NaN", "NaN"},
	}
	fr, en := For("fr"), For("en")
	for _, tt := range tests {
		if got := fr.Number(tt.v, tt.decimals); got != tt.fr {
			t.Errorf("fr Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.fr)
		}
		if got := en.Number(tt.v, tt.decimals); got != tt.en {
			t.Errorf("en Number(%v, %d) = %q, want %q", tt.v, tt.decimals, got, tt.en)
		}
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		n      int
		fr, en string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1\u202f000", "1,000"},
		{-4500, "-4\u202f500", "-4,500"},
		{1234567, "1\u202f234\u202f567", "1,234,567"},
		{9007199254740993, "9\u202f007\u202f199\u202f254\u202f740\u202f993", "9,007,199,254,740,993"}, // 2^53+1: exact
		{math.MinInt64, "-9\u202f223\u202f372\u202f036\u202f854\u202f775\u202f808", "-9,223,372,036,854,775,808"},
	}
	for _, tt := range tests {
		if got := For("fr").Int(tt.n); got != tt.fr {
			t.Errorf("fr Int(%d) = %q, want %q", tt.n, got, tt.fr)
		}
		if got := For("en").Int(tt.n); got != tt.en {
			t.Errorf("en Int(%d) = %q, want %q", tt.n, got, tt.en)
		}
	}
}

func TestAmountPercentAndStyles(t *testing.T) {
	fr, en := For("fr"), For("en")
	checks := []struct{ got, want string }{
		{fr.Amount(1234567, "MAD"), "1\u202f234\u202f567\u00a0MAD"},
		{en.Amount(1234567, "MAD"), "1,234,567\u00a0MAD"},
		{en.Amount(1500, "XOF"), "1,500\u00a0XOF"},
		{en.Amount(1234567.6, ""), "1,234,568"},
		{fr.Amount(-0.4, "MAD"), "0\u00a0MAD"},
		{fr.Percent(0.873), "87,3\u202f%"},
		{en.Percent(0.873), "87.3%"},
		{fr.Percent(0.25), "25\u202f%"},
		{en.Percent(1), "100%"},
		// Below 10 %, two significant digits: 0.95 % is not "1 %".
		{fr.Percent(0.0095), "0,95\u202f%"},
		{en.Percent(0.0095), "0.95%"},
		{fr.Percent(0.004912), "0,49\u202f%"},
		{en.Percent(0.004912), "0.49%"},
		{fr.Percent(0.0532), "5,3\u202f%"},
		{en.Percent(0.0999), "10%"},
		{en.Percent(0.00049), "0.049%"},
		{en.Percent(0.0000001), "0%"},
		{en.Percent(-0.0095), "-0.95%"},
		{en.Percent(0), "0%"},
		{For("").Number(1000.5, 1), "1\u202f000,5"}, // French is the default
		{For("de").Number(1000.5, 1), "1\u202f000,5"},
		{Style{Thousands: "\u00a0", Decimal: ","}.Int(12500), "12\u00a0500"}, // a style of one's own
	}
	for i, c := range checks {
		if c.got != c.want {
			t.Errorf("check %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
