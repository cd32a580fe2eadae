package escape

import "testing"

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Direction générale", "Direction générale"},
		{"التقرب من الأسر", "التقرب من الأسر"},
		{"Service accueil | orientation", `Service accueil \| orientation`},
		{"ligne 1\nligne 2\r\nligne 3\tfin", "ligne 1 ligne 2  ligne 3 fin"},
		{"par\u2028ligne\u2029fin", "par ligne fin"},
		{"  marges  ", "marges"},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"**gras** _it_ `code` ~barré~", "\\*\\*gras\\*\\* \\_it\\_ \\`code\\` \\~barré\\~"},
		{"[lien](javascript:alert(1))", `\[lien\](javascript:alert(1))`},
		{`a\b`, `a\\b`},
		{"&eacute; &#65;", `\&eacute; \&\#65;`},
		{"# titre #", `\# titre \#`},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"=====", `\=====`},
		{"ex-ante", "ex-ante"},
		{"1. premier", `1\. premier`},
		{"2024. Une année", `2024\. Une année`},
		{"3) trois", `3\) trois`},
		{"7.", `7\.`},
		{"1.5 million", "1.5 million"}, // not a list item: left as it is
		{"a 1. b", "a 1. b"},
		{"bell\a", "bell"},
		{"bell\x07 and \x1b[31mred", `bell and \[31mred`}, // the escape sequence loses its ESC, its bracket is escaped
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := Markdown(tt.in); got != tt.want {
			t.Errorf("Markdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTerminal(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Direction générale", "Direction générale"},
		{"الوكالة الوطنية", "الوكالة الوطنية"},
		{"*gras* | <b>", "*gras* | <b>"}, // a terminal shows markup as it is
		{"rouge \x1b[31mDANGER\x1b[0m", "rouge \uFFFD[31mDANGER\uFFFD[0m"},
		{"a\x1b[2Jb\tc\u202ed\n", "a\uFFFD[2Jb c\uFFFDd "},
		{"a\tb\nc\r", "a b c "},
		{"abc\u202Edcba", "abc\uFFFDdcba"},   // a right-to-left override
		{"x\u2066y\u2069", "x\uFFFDy\uFFFD"}, // isolates
		{"bell\a", "bell\uFFFD"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\u009b31m", "\uFFFD31m"}, // the one-byte CSI
	}
	for _, tt := range tests {
		if got := Terminal(tt.in); got != tt.want {
			t.Errorf("Terminal(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
