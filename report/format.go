package report

import (
	"regexp"
	"strings"

	"github.com/orgdesign/orgdesign/internal/textfmt"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

// Language formats numbers, dates and enumeration values in one language, the
// way the report does; commands that print figures use it too.
type Language struct {
	code    string
	strings templates.Strings
	style   textfmt.Style // how the language writes numbers
}

// NewLanguage returns the formatting of a language: one of
// templates.Languages(), the default when code is empty.
func NewLanguage(code string) (*Language, error) {
	if code == "" {
		code = templates.Default
	}
	s, err := templates.LoadStrings(code)
	if err != nil {
		return nil, err
	}
	return &Language{code: code, strings: s, style: textfmt.For(code)}, nil
}

// Code is the language's code: fr or en.
func (l *Language) Code() string { return l.code }

// Label returns a label's text, or the key itself when it has none (the tests
// check that every key the code uses exists).
func (l *Language) Label(key string) string {
	if v, ok := l.strings.Get("label", key); ok {
		return v
	}
	return key
}

// say returns the sentence the words name in a section of the language's
// strings, its {1}, {2}, {3} filled with their values; fallback (the
// English text) when they name none.
func (l *Language) say(section string, w model.Words, fallback string) string {
	v, ok := l.strings.Get(section, w.Key)
	if w.Key == "" || !ok {
		return fallback
	}
	return strings.NewReplacer("{1}", w.Args[0], "{2}", w.Args[1], "{3}", w.Args[2]).Replace(v)
}

// Enum translates a value of a closed list; values without a translation are
// shown as written.
func (l *Language) Enum(section, value string) string {
	if v, ok := l.strings.Get(section, value); ok {
		return v
	}
	return value
}

// Number formats a float through the one formatting helper
// (textfmt.Style.Number): at most maxDecimals decimals, trailing zeros
// dropped, thousands grouped, in the language's style.
func (l *Language) Number(v float64, maxDecimals int) string { return l.style.Number(v, maxDecimals) }

// Count formats a whole number.
func (l *Language) Count(n int) Figure {
	return Figure{Value: float64(n), Text: l.style.Int(n)}
}

// Amount formats a sum of money rounded to the unit, with its currency.
func (l *Language) Amount(v float64, currency string) Figure {
	return Figure{Value: v, Text: l.style.Amount(v, currency)}
}

// months formats a duration in months.
func (l *Language) months(n int) Figure {
	word := l.Label("monthMany")
	if n == 1 {
		word = l.Label("monthOne")
	}
	return Figure{Value: float64(n), Text: l.style.Int(n) + l.style.UnitSpace + word}
}

// Percent formats a share (0–1) as a percentage with at most one decimal.
func (l *Language) Percent(share float64) string { return l.style.Percent(share) }

func (l *Language) yesNo(b bool) string {
	if b {
		return l.Label("yes")
	}
	return l.Label("no")
}

var dateRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)

// date formats YYYY, YYYY-MM or YYYY-MM-DD with the month's name; anything
// else is returned as written.
func (l *Language) date(s string) string {
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
	return day + l.style.UnitSpace + month + " " + m[1]
}
