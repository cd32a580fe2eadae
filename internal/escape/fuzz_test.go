package escape

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/util"
)

var (
	paragraph = regexp.MustCompile(`^<p>(.*)</p>\n$`)
	// GFM turns a bare URL into a link to itself: still the same text, and
	// goldmark's safe renderer blanks dangerous schemes.
	autolink = regexp.MustCompile(`<a href="([^"<>]*)">([^<>]*)</a>`)
)

// FuzzMarkdown: an escaped text renders through goldmark (GFM, safe) as one
// paragraph holding exactly that text: no element, no link, no emphasis.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"Délégation régionale", "<script>alert(1)</script>", "*a* _b_ `c` [d](javascript:x)", "1. item", "- item", "# titre",
		"a | b", "&amp; &#x3c;", "\x1b[31mred", "line\nbreak", "https://example.org", "~~x~~", "<!-- c", "==", "الوكالة"} {
		f.Add(s)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	f.Fuzz(func(t *testing.T, s string) {
		esc := Markdown(s)
		if esc == "" {
			return
		}
		var out bytes.Buffer
		if err := md.Convert([]byte(esc), &out); err != nil {
			t.Fatal(err)
		}
		m := paragraph.FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("%q → %q → not one plain paragraph: %q", s, esc, out.String())
		}
		body := autolink.ReplaceAllStringFunc(m[1], func(a string) string {
			sub := autolink.FindStringSubmatch(a)
			// The address is the text as goldmark percent-encodes it (a
			// valid %XX kept, anything else outside URLs encoded).
			href, text := html.UnescapeString(sub[1]), html.UnescapeString(sub[2])
			if !strings.HasSuffix(href, string(util.URLEscape([]byte(text), false))) {
				t.Fatalf("%q → a link whose text is not its address: %q", s, a)
			}
			return sub[2]
		})
		if strings.Contains(body, "<") {
			t.Fatalf("%q → markup in %q", s, m[1])
		}
		want := strings.Join(strings.Fields(strings.Map(func(r rune) rune {
			switch {
			case r == '\n' || r == '\r' || r == '\t' || r == '\u2028' || r == '\u2029':
				return ' '
			case unicode.IsControl(r):
				return -1 // dropped, as documented
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))), " ")
		got := strings.Join(strings.Fields(html.UnescapeString(body)), " ")
		if got != want {
			t.Fatalf("%q rendered as %q, want the text %q", s, got, want)
		}
	})
}

// FuzzTerminal: nothing that reaches the terminal can move the cursor, change
// colours or reorder text.
func FuzzTerminal(f *testing.F) {
	for _, s := range []string{"ok", "\x1b[2J\x1b[H", "\u202eevil", "\x9b31m", "tab\there", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range Terminal(s) {
			if unicode.IsControl(r) || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') {
				t.Fatalf("%q → %q keeps %U", s, Terminal(s), r)
			}
		}
	})
}
