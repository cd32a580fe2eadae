package risk

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// number is the one formatting helper for figures: at most maxDecimals
// decimals, trailing zeros dropped, thousands grouped, in the language's
// style (3 900 000,5 in French with a narrow no-break space; 3,900,000.5 in
// English), as the report writes them.
func number(v float64, maxDecimals int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	thousands, decimal := "\u202f", ","
	if lang == "en" {
		thousands, decimal = ",", "."
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
			b.WriteString(thousands)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// amount formats a sum of money rounded to the unit, with its currency.
func amount(v float64, currency, lang string) string {
	s := number(v, 0, lang)
	if currency != "" {
		s += "\u00a0" + currency
	}
	return s
}

// percent formats a share (0–1) as a percentage with one decimal at most.
func percent(share float64, lang string) string {
	if lang == "en" {
		return number(share*100, 1, lang) + "%"
	}
	return number(share*100, 1, lang) + "\u202f%"
}

// round rounds v to the given number of decimals.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}

// significant rounds v to n significant digits.
func significant(v float64, n int) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	return r
}

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }

// sortedStrings returns a sorted copy.
func sortedStrings(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// terminalText is the one escaping helper for text printed on a terminal:
// control characters (escape sequences among them) and bidirectional
// overrides are replaced, so a name cannot move the cursor, recolour the
// screen or reorder what follows; tabs and line breaks become spaces.
func terminalText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Bidi_Control, r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// escapeMarkdown is the one Markdown escaping helper: any user text reads
// literally in a paragraph, a heading, a list item or a table cell. Line
// breaks and tabs become spaces (a table row is one line), other control
// characters are dropped, and every character that could start Markdown
// syntax (\ ` * _ [ ] < > | # and ~ &) is backslash-escaped, as are a leading
// - + = (list item, setext underline) and the dot of a leading "1." (ordered
// list).
func escapeMarkdown(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Trim(strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '#':
			b.WriteByte('\\')
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			if i > 0 && isDigits(s[:i]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
