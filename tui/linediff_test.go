package tui

import (
	"fmt"
	"strings"
	"testing"
)

// TestLineDiff: known answers, worked by hand. The lines both texts start
// and end with are set aside, the middle compared line by line; each change
// shows its removed lines (−, numbered in the first text) before its added
// ones (+, numbered in the second), with the context asked for around it.
func TestLineDiff(t *testing.T) {
	show := func(ds []diffLine) string {
		var b strings.Builder
		for _, d := range ds {
			if d.header {
				b.WriteString("@\n")
			}
			fmt.Fprintf(&b, "%c %d %d %s\n", d.op, d.a, d.b, d.text)
		}
		return b.String()
	}
	for _, c := range []struct {
		name, a, b string
		context    int
		want       string
	}{
		{"same", "x\ny\n", "x\ny\n", 1, ""},
		{"one line changed", "a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n", 1,
			"@\n  2 2 b\n- 3 0 c\n+ 0 3 C\n  4 4 d\n"},
		{"a line added, one removed, far apart", "a\nb\nc\nd\ne\nf\ng\n", "a\nx\nb\nc\nd\ne\ng\n", 0,
			"@\n+ 0 2 x\n@\n- 6 0 f\n"},
		{"two changes in one hunk", "a\nb\nc\nd\n", "a\nB\nc\nD\n", 1,
			"@\n  1 1 a\n- 2 0 b\n+ 0 2 B\n  3 3 c\n- 4 0 d\n+ 0 4 D\n"},
		{"a file gone", "", "a\nb\n", 2, "@\n+ 0 1 a\n+ 0 2 b\n"},
		{"crlf and no last line end", "a\r\nb", "a\nb\n", 0, ""},
	} {
		if got := show(lineDiff([]byte(c.a), []byte(c.b), c.context)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}
