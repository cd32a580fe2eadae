package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/templates"
)

// language formats numbers, dates and enumeration values in one language.
type language struct {
	code      string
	strings   templates.Strings
	thousands string
	decimal   string
	unitSpace string
}

func newLanguage(code string) (*language, error) {
	if code == "" {
		code = templates.Default
	}
	s, err := templates.LoadStrings(code)
	if err != nil {
		return nil, err
	}
	l := &language{code: code, strings: s}
	l.thousands, _ = s.Get("format", "thousands")
	l.decimal, _ = s.Get("format", "decimal")
	l.unitSpace, _ = s.Get("format", "unitSpace")
	return l, nil
}

// label returns a label's text, or the key itself when it has none (the tests
// check that every key the code uses exists).
func (l *language) label(key string) string {
	if v, ok := l.strings.Get("label", key); ok {
		return v
	}
	return key
}

// enum translates a value of a closed list; values without a translation are
// shown as written.
func (l *language) enum(section, value string) string {
	if v, ok := l.strings.Get(section, value); ok {
		return v
	}
	return value
}

// number is the one formatting helper for floats: at most maxDecimals
// decimals, trailing zeros dropped, thousands grouped, in the language's style.
func (l *language) number(v float64, maxDecimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'f', maxDecimals, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	var b strings.Builder
	if neg && (strings.Trim(whole, "0") != "" || frac != "") {
		b.WriteByte('-')
	}
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(l.thousands)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(l.decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// count formats a whole number.
func (l *language) count(n int) Figure {
	return Figure{Value: float64(n), Text: l.number(float64(n), 0)}
}

// amount formats a sum of money rounded to the unit, with its currency.
func (l *language) amount(v float64, currency string) Figure {
	t := l.number(v, 0)
	if currency != "" {
		t += l.unitSpace + currency
	}
	return Figure{Value: v, Text: t}
}

// months formats a duration in months.
func (l *language) months(n int) Figure {
	word := l.label("monthMany")
	if n == 1 {
		word = l.label("monthOne")
	}
	return Figure{Value: float64(n), Text: l.number(float64(n), 0) + l.unitSpace + word}
}

func (l *language) yesNo(b bool) string {
	if b {
		return l.label("yes")
	}
	return l.label("no")
}

var dateRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// date formats YYYY, YYYY-MM or YYYY-MM-DD with the month's name; anything
// else is returned as written.
func (l *language) date(s string) string {
	m := dateRE.FindStringSubmatch(s)
	if m == nil || m[2] == "" {
		return s
	}
	month, ok := l.strings.Get("month", "m"+m[2])
	if !ok {
		return s
	}
	if m[3] == "" {
		return month + " " + m[1]
	}
	day := strings.TrimLeft(m[3], "0")
	if day == "1" {
		day, _ = l.strings.Get("month", "first")
	}
	return day + l.unitSpace + month + " " + m[1]
}
