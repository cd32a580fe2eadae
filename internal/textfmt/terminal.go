package textfmt

import (
	"bytes"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/orgdesign/orgdesign/internal/escape"
)

// The plain-text layout of the terminal outputs (`orgdesign analyze`,
// `benchmark` and `risk`): headings underlined, "label: value" facts and
// aligned tables, every text through escape.Terminal.

// Heading writes a title underlined with a rule as long as the title, after a
// blank line unless it starts the output.
func Heading(buf *bytes.Buffer, title string, rule rune) {
	title = escape.Terminal(title)
	if buf.Len() > 0 {
		buf.WriteString("\n")
	}
	buf.WriteString(title + "\n" + strings.Repeat(string(rule), utf8.RuneCountInString(title)) + "\n")
}

// Facts writes indented "label: value" lines, the values aligned; colon is
// what ends a label in the language ("\u00a0:" in French).
func Facts(buf *bytes.Buffer, rows [][2]string, colon string) {
	tw := tabwriter.NewWriter(buf, 0, 8, 1, ' ', 0)
	for _, r := range rows {
		io.WriteString(tw, "  "+escape.Terminal(r[0])+colon+"\t"+escape.Terminal(r[1])+"\n")
	}
	tw.Flush()
}

// Table writes rows under their column headings, indented and aligned; the
// columns whose right is true hold numbers and are right-aligned. Trailing
// spaces are trimmed. It writes nothing when there is no row.
func Table(buf *bytes.Buffer, head []string, right []bool, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	cells := make([][]string, 0, len(rows)+1)
	for _, row := range append([][]string{head}, rows...) {
		out := make([]string, len(row))
		for j, c := range row {
			out[j] = escape.Terminal(c)
		}
		cells = append(cells, out)
	}
	for j := range head { // right-align a column of numbers by padding it to its width
		if j >= len(right) || !right[j] {
			continue
		}
		width := 0
		for _, row := range cells {
			width = max(width, utf8.RuneCountInString(row[j]))
		}
		for _, row := range cells {
			row[j] = strings.Repeat(" ", width-utf8.RuneCountInString(row[j])) + row[j]
		}
	}
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 8, 2, ' ', 0)
	for _, row := range cells {
		io.WriteString(tw, "  "+strings.Join(row, "\t")+"\n")
	}
	tw.Flush()
	for line := range strings.Lines(b.String()) { // an empty last cell leaves the padding of the others
		buf.WriteString(strings.TrimRight(line, " \n") + "\n")
	}
}
