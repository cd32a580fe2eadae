package tui

import (
	"bytes"
	"strings"
)

// diffLine is a line of a comparison of two texts: in both (' '), only in
// the first ('-') or only in the second ('+'), with its line numbers (0
// where it is not).
type diffLine struct {
	op     byte
	a, b   int
	text   string
	header bool // a hunk's first line: where the hunk starts
}

// maxDiffCells bounds the comparison table: beyond, the part that differs
// is shown as removed then added, whole.
const maxDiffCells = 4_000_000

// lineDiff compares two texts line by line and returns the lines that
// differ, each group with context lines around it (a hunk), in order. The
// lines both texts start and end with are set aside first; the middle is
// compared by longest common subsequence.
func lineDiff(a, b []byte, context int) []diffLine {
	la, lb := splitLines(a), splitLines(b)
	pre := 0
	for pre < len(la) && pre < len(lb) && la[pre] == lb[pre] {
		pre++
	}
	suf := 0
	for suf < len(la)-pre && suf < len(lb)-pre && la[len(la)-1-suf] == lb[len(lb)-1-suf] {
		suf++
	}
	ma, mb := la[pre:len(la)-suf], lb[pre:len(lb)-suf]
	var all []diffLine
	for i := range pre {
		all = append(all, diffLine{op: ' ', a: i + 1, b: i + 1, text: la[i]})
	}
	all = append(all, middleDiff(ma, mb, pre)...)
	for i := range suf {
		ia, ib := len(la)-suf+i, len(lb)-suf+i
		all = append(all, diffLine{op: ' ', a: ia + 1, b: ib + 1, text: la[ia]})
	}
	// keep the changed lines and their context
	keep := make([]bool, len(all))
	for i, d := range all {
		if d.op != ' ' {
			for j := max(i-context, 0); j <= min(i+context, len(all)-1); j++ {
				keep[j] = true
			}
		}
	}
	var out []diffLine
	for i, d := range all {
		if !keep[i] {
			continue
		}
		d.header = i == 0 || !keep[i-1]
		out = append(out, d)
	}
	return out
}

// middleDiff compares the lines between the common start and end.
func middleDiff(a, b []string, off int) []diffLine {
	var out []diffLine
	if len(a)*len(b) > maxDiffCells {
		for i, l := range a {
			out = append(out, diffLine{op: '-', a: off + i + 1, text: l})
		}
		for i, l := range b {
			out = append(out, diffLine{op: '+', b: off + i + 1, text: l})
		}
		return out
	}
	// lcs[i][j]: the length of the longest common subsequence of a[i:] and b[j:]
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, diffLine{op: ' ', a: off + i + 1, b: off + j + 1, text: a[i]})
			i++
			j++
		case j < len(b) && (i == len(a) || lcs[i*w+j+1] >= lcs[(i+1)*w+j]):
			out = append(out, diffLine{op: '+', b: off + j + 1, text: b[j]})
			j++
		default:
			out = append(out, diffLine{op: '-', a: off + i + 1, text: a[i]})
			i++
		}
	}
	// the removed lines of a change before its added ones, as diffs read
	for k := 0; k < len(out); {
		e := k
		for e < len(out) && out[e].op != ' ' {
			e++
		}
		if e > k {
			var minus, plus []diffLine
			for _, d := range out[k:e] {
				if d.op == '-' {
					minus = append(minus, d)
				} else {
					plus = append(plus, d)
				}
			}
			copy(out[k:], append(minus, plus...))
			k = e
		} else {
			k++
		}
	}
	return out
}

// splitLines splits a text into lines without their line ends; a last line
// without one counts.
func splitLines(t []byte) []string {
	if len(t) == 0 {
		return nil
	}
	s := string(bytes.TrimSuffix(t, []byte("\n")))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}
