package textfmt

import (
	"bytes"
	"testing"
)

func TestTerminalLayout(t *testing.T) {
	tests := []struct {
		name string
		do   func(b *bytes.Buffer)
		want string
	}{
		{"heading first", func(b *bytes.Buffer) { Heading(b, "Unités", '=') }, "Unités\n======\n"},
		{"heading after text", func(b *bytes.Buffer) {
			b.WriteString("x\n")
			Heading(b, "الوحدات", '-')
		}, "x\n\nالوحدات\n-------\n"},
		{"heading escaped", func(b *bytes.Buffer) { Heading(b, "a\x1b[2Jb\nc", '-') }, "a\uFFFD[2Jb c\n--------\n"},
		{"facts", func(b *bytes.Buffer) {
			Facts(b, [][2]string{{"Effectif", "1\u202f250"}, {"Masse salariale", "x\x1b[31m"}}, "\u00a0:")
		}, "  Effectif\u00a0:        1\u202f250\n  Masse salariale\u00a0: x\uFFFD[31m\n"},
		{"table", func(b *bytes.Buffer) {
			Table(b, []string{"unit", "staff", "note"}, []bool{false, true, false}, [][]string{
				{"dg", "2", ""},
				{"antenne\tnord", "1,250", "⚠ gap"},
			})
		}, "  unit          staff  note\n  dg                2\n  antenne nord  1,250  ⚠ gap\n"},
		{"table without rows", func(b *bytes.Buffer) { Table(b, []string{"unit"}, []bool{false}, nil) }, ""},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		tt.do(&b)
		if got := b.String(); got != tt.want {
			t.Errorf("%s:\n%q\nwant:\n%q", tt.name, got, tt.want)
		}
	}
	// The rows given are not changed.
	rows := [][]string{{"a\tb", "1"}}
	Table(&bytes.Buffer{}, []string{"x", "n"}, []bool{false, true}, rows)
	if rows[0][0] != "a\tb" {
		t.Errorf("Table changed its rows: %q", rows)
	}
}
