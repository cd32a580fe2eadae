package risk

import "testing"

func TestEscapeMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":               "plain text",
		"a|b":                      `a\|b`,
		"*bold* _it_ `code`":       "\\*bold\\* \\_it\\_ \\`code\\`",
		"[link](x) <b> #1 & ~s~":   `\[link\](x) \<b\> \#1 \& \~s\~`,
		"back\\slash":              `back\\slash`,
		"two\nlines\r\tand a tab":  "two lines  and a tab",
		"- item":                   `\- item`,
		"1. first":                 `1\. first`,
		"  padded  ":               "padded",
		"bell\x07 and \x1b[31mred": "bell and [31mred",
	} {
		// The escape sequence loses its ESC; its bracket stays escaped.
		if in == "bell\x07 and \x1b[31mred" {
			want = `bell and \[31mred`
		}
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTerminalText(t *testing.T) {
	if got := terminalText("a\x1b[2Jb\tc\u202ed\n"); got != "a\uFFFD[2Jb c\uFFFDd " {
		t.Errorf("terminalText = %q", got)
	}
}

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		lang     string
		want     string
	}{
		{3900000.5, 1, "fr", "3\u202f900\u202f000,5"},
		{3900000.5, 1, "en", "3,900,000.5"},
		{-1234, 0, "en", "-1,234"},
		{-0.001, 2, "en", "0"},
		{118.8, 4, "fr", "118,8"},
	} {
		if got := number(c.v, c.decimals, c.lang); got != c.want {
			t.Errorf("number(%v, %d, %s) = %q, want %q", c.v, c.decimals, c.lang, got, c.want)
		}
	}
	if got := percent(0.873, "fr"); got != "87,3\u202f%" {
		t.Errorf("percent = %q", got)
	}
	if got := amount(1500, "XOF", "en"); got != "1,500\u00a0XOF" {
		t.Errorf("amount = %q", got)
	}
}
