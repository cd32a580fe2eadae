package yamledit

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Move moves the item at p (an item of a block or flow sequence) to position j of
// the same sequence. A block item travels with its attached comment lines (see
// Delete); the blank lines between items stay where they were.
func (d *Doc) Move(p Path, j int) error {
	if len(p) == 0 {
		return &Error{Msg: "the path is empty: name the item to move"}
	}
	chain, err := d.resolve(p)
	if err != nil {
		return err
	}
	i, ok := p[len(p)-1].(int)
	seq := chain[len(chain)-2]
	if !ok || seq.Kind != yaml.SequenceNode {
		return errorAt(seq, p, "only the items of a list can be moved")
	}
	n := len(seq.Content)
	if j < 0 || j >= n {
		return errorAt(seq, p, "cannot move to item %d: the list has %d", j, n)
	}
	l := d.layout()
	if err := editable(p[:len(p)-1], seq, l.at[seq]); err != nil {
		return err
	}
	if i == j {
		return nil
	}
	order := make([]int, 0, n)
	for k := range n {
		if k != i {
			order = append(order, k)
		}
	}
	order = append(order[:j:j], append([]int{i}, order[j:]...)...)
	want, ws := d.expected(p[:len(p)-1])
	for k, o := range order {
		ws.Content[k] = clone(seq.Content[o])
	}

	starts, ends := make([]int, n), make([]int, n)
	for k := range n {
		var ok bool
		if seq.Style&yaml.FlowStyle != 0 {
			starts[k], ends[k] = elem(l, seq, k, 1)
			ok = starts[k] >= 0
		} else {
			starts[k], ends[k], ok = d.itemRegion(l, seq, k)
		}
		if !ok || (k > 0 && starts[k] < ends[k-1]) {
			return errorAt(seq, p, "the editor cannot tell where the items of this list start and end: edit it in a text editor")
		}
	}
	// A block item is whole lines; the last one may lack its line break at the end
	// of the file.
	missingEOL := seq.Style&yaml.FlowStyle == 0 && ends[n-1] == len(d.text) && !strings.HasSuffix(string(d.text), "\n")
	var b strings.Builder
	for k, o := range order {
		b.Write(d.text[starts[o]:ends[o]])
		if missingEOL && o == n-1 {
			b.WriteString(d.eol)
		}
		if k < n-1 {
			b.Write(d.text[ends[k]:starts[k+1]])
		}
	}
	text := b.String()
	if missingEOL {
		// The item now last loses its line break, which may be LF or CRLF
		// whatever the file's first line ends with.
		text = strings.TrimSuffix(strings.TrimSuffix(text, "\n"), "\r")
	}
	return d.commit(p, seq.Content[i], want, splice{starts[0], ends[n-1], text})
}
