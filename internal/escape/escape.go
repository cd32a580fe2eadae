// Package escape holds the escaping helpers of the text targets that report
// and risk share: Markdown and the terminal. There is one helper per target
// language, and user text reaches a target only through it. (HTML goes
// through html/template and goldmark's safe renderer, DOT through the chart
// package's own escapers, XML in SVG through encoding/xml or html.)
package escape

import (
	"strings"
	"unicode"
)

// Markdown makes any text read literally wherever a template puts it: in a
// paragraph, a heading, a list item or a GFM table cell. Invalid UTF-8
// becomes U+FFFD; line breaks and tabs become spaces (a table row is one
// line); other control characters are dropped; outer spaces are trimmed.
// Every character that could start Markdown syntax (\ ` * _ [ ] < > | ~ & #)
// is backslash-escaped, which CommonMark allows for any ASCII punctuation, as
// are a leading - + = (a list item, a setext underline) and the . or ) of a
// leading "1. " or "1) " (an ordered list item).
func Markdown(s string) string {
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
			if i > 0 && isDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Terminal makes text safe to print on a terminal: control characters
// (escape sequences among them, the one-byte CSI too), bidirectional
// overrides and invalid UTF-8 become U+FFFD, so a name cannot move the
// cursor, recolour the screen, reorder what follows or break a table's row;
// tabs and line breaks become spaces.
func Terminal(s string) string {
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
