// Package textfmt writes figures in one language's style, and lays out the
// plain text that report and risk print on a terminal. It is the one
// formatting helper for numbers: the report's pages, the risk outputs and the
// charts' labels all go through Style.
package textfmt

import (
	"math"
	"strconv"
	"strings"
)

// Style is how a language writes numbers.
type Style struct {
	Thousands    string // between groups of three digits
	Decimal      string // before the decimals
	UnitSpace    string // between a number and its unit or currency
	PercentSpace string // between a number and the percent sign
}

// The styles of the report's languages: French groups thousands with a
// narrow no-break space (3 900 000,5 ; 25,3 %), English with commas
// (3,900,000.5; 25.3%); both put a no-break space before a unit.
var (
	french  = Style{Thousands: "\u202f", Decimal: ",", UnitSpace: "\u00a0", PercentSpace: "\u202f"}
	english = Style{Thousands: ",", Decimal: ".", UnitSpace: "\u00a0"}
)

// For returns the style of a language: English for "en", French (the
// default language) otherwise.
func For(lang string) Style {
	if lang == "en" {
		return english
	}
	return french
}

// Number writes v with at most maxDecimals decimals, trailing zeros dropped
// and thousands grouped; a value that rounds to zero has no minus sign. NaN
// and infinities are written as strconv writes them.
func (s Style) Number(v float64, maxDecimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	t := strconv.FormatFloat(v, 'f', maxDecimals, 64)
	neg := strings.HasPrefix(t, "-")
	whole, frac, _ := strings.Cut(strings.TrimPrefix(t, "-"), ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	if neg && (strings.Trim(whole, "0") != "" || frac != "") {
		b.WriteByte('-')
	}
	s.group(&b, whole)
	if frac != "" {
		b.WriteString(s.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes a whole number with its thousands grouped, exactly (no detour
// through float64).
func (s Style) Int(n int) string {
	t := strconv.Itoa(n)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		t = t[1:]
	}
	s.group(&b, t)
	return b.String()
}

// group writes a run of digits with the thousands separator.
func (s Style) group(b *strings.Builder, digits string) {
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(s.Thousands)
		}
		b.WriteRune(d)
	}
}

// Amount writes a sum of money rounded to the unit, followed by its currency
// when there is one.
func (s Style) Amount(v float64, currency string) string {
	t := s.Number(v, 0)
	if currency != "" {
		t += s.UnitSpace + currency
	}
	return t
}

// Percent writes a share (0–1) as a percentage: with at most one decimal
// from 10 % up, with two significant digits below (0.95 %, 0.049 %, 5.3 %),
// so that a small share is not rounded to a figure a sentence beside it
// contradicts ("1 %" for a share "under 1 %"); below 0.0001 % it is 0.
func (s Style) Percent(share float64) string {
	p := share * 100
	decimals := 1
	if a := math.Abs(p); a > 0 && a < 10 {
		decimals = min(max(1, 1-int(math.Floor(math.Log10(a)))), 4)
	}
	return s.Number(p, decimals) + s.PercentSpace + "%"
}
