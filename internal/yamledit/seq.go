package yamledit

import (
	"bytes"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Delete removes the item at p from a block or flow sequence, or the field at p
// from a mapping.
//
// In block style the whole lines of the item or field go: with the comment lines
// directly above it at its indentation, the comment lines right after it indented
// deeper, and the blank lines separating it from the next item (from the previous
// one, for the last item). A field that shares its line with the dash of a list
// item ("- id: x") is removed up to the next field, which moves up onto the dash
// line (comment lines between the two go too). Removing the last item of a list or
// the last field of a group held by a field writes "key: []" or "key: {}" ("- {}"
// for a list item); other lists and groups cannot be emptied.
//
// In flow style the item goes with exactly one of the commas around it: the one
// after it or the one before it, with what lies between (spaces, line breaks,
// comments) or with its whole lines when nothing else is on them. Of these ways
// the editor takes the one that changes the fewest lines without changing a
// line above the item's, so that commas ending the lines ("a,\n b,\n c") and
// commas leading them ("a\n, b\n, c") both lose the item's lines only. Lines
// other than those stay as they are.
func (d *Doc) Delete(p Path) error {
	if len(p) == 0 {
		return &Error{Msg: "the path is empty: name the field or item to remove"}
	}
	chain, err := d.resolve(p)
	if err != nil {
		return err
	}
	n, parent := chain[len(chain)-1], chain[len(chain)-2]
	l := d.layout()
	if err := editable(p[:len(p)-1], parent, l.at[parent]); err != nil {
		return err
	}
	idx := -1
	if parent.Kind == yaml.MappingNode {
		idx = findKey(parent, p[len(p)-1].(string))
	} else {
		idx = p[len(p)-1].(int)
	}
	want, wp := d.expected(p[:len(p)-1])
	width := 1
	if parent.Kind == yaml.MappingNode {
		width = 2
	}
	wp.Content = append(wp.Content[:idx:idx], wp.Content[idx+width:]...)
	var sps []splice
	if parent.Style&yaml.FlowStyle != 0 {
		sps, err = d.deleteFlow(l, p, parent, idx/width, width)
	} else {
		sps, err = d.deleteBlock(l, p, chain, idx)
	}
	if err != nil {
		return err
	}
	return d.commit(p, n, want, sps...)
}

// elem returns the span of element i of a collection (a key and its value for a
// mapping).
func elem(l *layout, c *yaml.Node, i, width int) (start, end int) {
	a, b := l.at[c.Content[i*width]], l.at[c.Content[i*width+width-1]]
	if a == nil || b == nil || a.end < 0 || b.end < 0 {
		return -1, -1
	}
	return a.start, b.end
}

func (d *Doc) deleteFlow(l *layout, p Path, c *yaml.Node, i, width int) ([]splice, error) {
	n := len(c.Content) / width
	in := l.at[c]
	s, e := elem(l, c, i, width)
	if s < 0 || in.end < 0 {
		return nil, errorAt(c, p, "the editor cannot tell where this item ends: edit it in a text editor")
	}
	if n == 1 {
		return []splice{{in.body + 1, in.end - 1, ""}}, nil // "[]" or "{}"
	}
	// The item goes with exactly one of the commas around it; which one, and
	// with what around it, decides which lines change when the collection
	// spans lines ("a,\nb,\nc" puts each comma on the line of the item before
	// it, "a\n, b\n, c" on the line of the item after it).
	var ways []splice
	if i+1 < n {
		next, _ := elem(l, c, i+1, width)
		if next < 0 {
			return nil, errorAt(c, p, "the editor cannot tell where this item ends: edit it in a text editor")
		}
		ways = append(ways, splice{s, next, ""}) // the item and all up to the next one
		if sp, ok := d.withCommaAfter(s, e, next); ok {
			ways = append(ways, sp)
		}
	}
	if i > 0 {
		_, prev := elem(l, c, i-1, width)
		if prev < 0 {
			return nil, errorAt(c, p, "the editor cannot tell where this item ends: edit it in a text editor")
		}
		ways = append(ways, splice{prev, e, ""}) // all after the previous item, and the item
		if sp, ok := d.withCommaBefore(prev, s, e); ok {
			ways = append(ways, sp)
		}
	}
	return []splice{d.fewestLines(ways, d.lineStart(s))}, nil
}

// comma returns the offset of the comma separating two flow items, found from
// i over spaces, line breaks and comments; -1 when there is none before limit.
func (d *Doc) comma(i, limit int) int {
	for i < limit {
		switch d.text[i] {
		case ' ', '\t', '\r', '\n':
			i++
		case '#':
			i = d.lineEnd(i)
		case ',':
			return i
		default:
			return -1
		}
	}
	return -1
}

// withCommaAfter removes a flow item [s, e) up to the comma after it and the
// spaces after that comma, keeping what follows on the comma's line (a
// comment, the next item) and its line break. When the comma ends its line,
// the spaces before the item go too, or the item's whole lines when nothing
// else is on them.
func (d *Doc) withCommaAfter(s, e, next int) (splice, bool) {
	k := d.comma(e, next)
	if k < 0 {
		return splice{}, false
	}
	for k++; k < next && d.text[k] == ' '; k++ {
	}
	if k < next && k == d.lineEnd(k) {
		ls := d.lineStart(s)
		if d.onlySpaces(ls, s) {
			return splice{ls, d.nextLine(k), ""}, true
		}
		for s > ls && d.text[s-1] == ' ' {
			s--
		}
	}
	return splice{s, k, ""}, true
}

// withCommaBefore removes a flow item [s, e) from the comma before it,
// keeping what lies between the previous item and that comma (a comment); the
// whole lines when the comma starts its line and the item ends its own.
func (d *Doc) withCommaBefore(prev, s, e int) (splice, bool) {
	c := d.comma(prev, s)
	if c < 0 {
		return splice{}, false
	}
	k := e
	for k < len(d.text) && d.text[k] == ' ' {
		k++
	}
	if ls := d.lineStart(c); d.onlySpaces(ls, c) && k == d.lineEnd(k) && k < len(d.text) {
		return splice{ls, d.nextLine(k), ""}, true
	}
	return splice{c, e, ""}, true
}

// fewestLines picks, among deletions that read back the same, the one that
// changes the fewest lines without changing a line that starts before from; the
// first such one on a tie. With none of that kind it picks among all.
func (d *Doc) fewestLines(ways []splice, from int) splice {
	best, bestCost, bestLocal := ways[0], -1, false
	for _, w := range ways {
		first, cost := d.linesChanged(w)
		local := first >= from
		if bestCost < 0 || (local && !bestLocal) || (local == bestLocal && cost < bestCost) {
			best, bestCost, bestLocal = w, cost, local
		}
	}
	return best
}

// linesChanged returns where the first line a deletion changes starts and how
// many lines differ (removed plus written), as a line diff of the text would show.
func (d *Doc) linesChanged(sp splice) (first, n int) {
	ws, we := d.lineStart(sp.at), d.nextLine(sp.end)
	before := bytes.SplitAfter(d.text[ws:we], []byte("\n"))
	after := bytes.SplitAfter(slices.Concat(d.text[ws:sp.at], d.text[sp.end:we]), []byte("\n"))
	pre := 0
	for pre < len(before) && pre < len(after) && bytes.Equal(before[pre], after[pre]) {
		first += len(before[pre])
		pre++
	}
	suf := 0
	for suf < len(before)-pre && suf < len(after)-pre && bytes.Equal(before[len(before)-1-suf], after[len(after)-1-suf]) {
		suf++
	}
	return ws + first, len(before) + len(after) - 2*(pre+suf)
}

func (d *Doc) deleteBlock(l *layout, p Path, chain []*yaml.Node, idx int) ([]splice, error) {
	c := chain[len(chain)-2]
	item := c.Content[idx]
	last := item
	if c.Kind == yaml.MappingNode {
		last = c.Content[idx+1]
	}
	var lead int
	if c.Kind == yaml.MappingNode {
		lead = l.at[item].start
	} else {
		lead = d.dash(l, c, idx)
	}
	end := l.at[last].end
	if lead < 0 || end < 0 {
		return nil, errorAt(item, p, "the editor cannot tell where this item starts or ends: edit it in a text editor")
	}
	col, single := d.column(lead), len(c.Content) == 1 || (c.Kind == yaml.MappingNode && len(c.Content) == 2)
	ls := d.lineStart(lead)
	if !d.onlySpaces(ls, lead) {
		// A field on the dash line of a list item: "- id: x".
		if c.Kind != yaml.MappingNode || idx != 0 || strings.Trim(string(d.text[ls:lead]), " ") != "-" {
			return nil, errorAt(item, p, "shares its line with the item holding it: edit it in a text editor")
		}
		if single {
			return []splice{{lead, end, "{}"}}, nil
		}
		return []splice{{lead, l.at[c.Content[2]].start, ""}}, nil
	}
	s, e := d.region(lead, end, col)
	if !single {
		last := idx == len(c.Content)-1 || (c.Kind == yaml.MappingNode && idx == len(c.Content)-2)
		s, e = d.separators(s, e, last)
		return []splice{{s, e, ""}}, nil
	}
	// The collection becomes empty: write [] or {} after its key.
	if len(chain) < 3 || chain[len(chain)-3].Kind != yaml.MappingNode || chain[len(chain)-3].Style&yaml.FlowStyle != 0 {
		return nil, errorAt(item, p, "is the last one here and the editor can only empty a list or group held by a field: edit it in a text editor")
	}
	colon := -1
	if key := keyOf(chain[len(chain)-3], c); key != nil && l.at[key] != nil {
		colon = l.at[key].end
	}
	for colon >= 0 && colon < len(d.text) && d.text[colon] == ' ' {
		colon++
	}
	if colon < 0 || colon >= len(d.text) || d.text[colon] != ':' || colon+1 > s {
		return nil, errorAt(item, p, "the editor cannot find the field holding this list: edit it in a text editor")
	}
	empty := " []"
	if c.Kind == yaml.MappingNode {
		empty = " {}"
	}
	return []splice{{colon + 1, colon + 1, empty}, {s, e, ""}}, nil
}

// separators widens the lines [s, e) of a removed item to the blank lines that
// separated it from the next item (from the previous one for the last item), so
// that the remaining items keep one separator each.
func (d *Doc) separators(s, e int, last bool) (int, int) {
	after := e
	for after < len(d.text) && isBlank(d.text[after:d.lineEnd(after)]) && d.lineEnd(after) < len(d.text) {
		after = d.nextLine(after)
	}
	before := s
	for before > 0 && isBlank(d.text[d.lineStart(before-1):before-1]) {
		before = d.lineStart(before - 1)
	}
	if last {
		return before, e // the blank lines after the last item separate the list from what follows
	}
	return s, after
}

// dash returns the offset of the dash of item i of a block sequence, or -1.
func (d *Doc) dash(l *layout, seq *yaml.Node, i int) int {
	in := l.at[seq.Content[i]]
	if in == nil {
		return -1
	}
	j := in.start - 1
	for j >= 0 && d.text[j] == ' ' {
		j--
	}
	if j >= 0 && d.text[j] == '-' {
		return j
	}
	// The item starts on a line after its dash: "-\n  a: 1".
	col := d.column(l.at[seq].body)
	from := l.at[seq].body
	if i > 0 {
		prev := l.at[seq.Content[i-1]]
		if prev == nil || prev.end < 0 {
			return -1
		}
		from = d.nextLine(prev.end)
	}
	for k := d.lineStart(from); k < in.start; k = d.nextLine(k) {
		line := d.text[k:d.lineEnd(k)]
		if indentOf(line) == col && col < len(line) && line[col] == '-' {
			return k + col
		}
	}
	return -1
}

// Append adds an item at the end of the sequence at p. The item is written in the
// style of its neighbours: "- { id: a, name: A }" after one-line flow mappings
// (braces padded like theirs), a block mapping with the same indentation after
// block mappings, "[a, b, c]" in a flow sequence; a new block item is preceded by
// a blank line when the last two items are separated by one. When the field at p
// is missing, it is added with a one-item block sequence ("staff:" then
// "  - { profile: cadre }", indented like the file's other lists; in a flow
// mapping ", staff: [ { profile: cadre } ]"); an empty field ("staff:" with
// nothing after it) gets the sequence on the lines after it. item gives the
// fields in order (see KV).
func (d *Doc) Append(p Path, item []KV) error { return d.InsertValue(p, -1, item) }

// Insert adds an item at position index of the sequence at p (index = length
// appends), like Append. In a block sequence the new item goes above the comment
// lines attached to the item it pushes down.
func (d *Doc) Insert(p Path, index int, item []KV) error { return d.InsertValue(p, index, item) }

// InsertValue adds any value (see KV) as an item at position index of the sequence
// at p (the empty path names a top-level list); index -1 appends. It serves lists
// of plain values such as "responsible: [a, b]", and otherwise works like Insert.
func (d *Doc) InsertValue(p Path, index int, v any) error {
	l := d.layout()
	if len(p) > 0 {
		chain, err := d.resolve(p[:len(p)-1])
		if err != nil {
			return err
		}
		parent := chain[len(chain)-1]
		if name, ok := p[len(p)-1].(string); ok && parent.Kind == yaml.MappingNode && findKey(parent, name) < 0 {
			if index > 0 {
				return errorAt(parent, p, "no such list (a new list starts at item 0)")
			}
			return d.newList(l, p, parent, name, v)
		}
	}
	chain, err := d.resolve(p)
	if err != nil {
		return err
	}
	seq := chain[len(chain)-1]
	if err := editable(p, seq, l.at[seq]); err != nil {
		return err
	}
	if isEmpty(seq) && len(chain) > 1 && index <= 0 {
		return d.fillEmpty(l, p, chain[len(chain)-2], seq, v)
	}
	if seq.Kind != yaml.SequenceNode {
		return errorAt(seq, p, "is %s, not a list", kindName(seq))
	}
	n := len(seq.Content)
	if index < 0 {
		index = n
	}
	if index > n {
		return errorAt(seq, p, "cannot insert at item %d: the list has %d", index, n)
	}
	want, ws := d.expected(p)
	ws.Content = append(ws.Content[:index:index], append([]*yaml.Node{valueNode(v)}, ws.Content[index:]...)...)
	var sp splice
	if seq.Style&yaml.FlowStyle != 0 {
		sp, err = d.insertFlow(l, p, seq, index, v)
	} else {
		sp, err = d.insertBlock(l, p, seq, index, v)
	}
	if err != nil {
		return err
	}
	return d.commit(p, seq, want, sp)
}

func (d *Doc) insertFlow(l *layout, p Path, seq *yaml.Node, index int, v any) (splice, error) {
	text, err := renderValue(v, true, l.flowPad)
	if err != nil {
		return splice{}, errorAt(seq, p, "%v", err)
	}
	in := l.at[seq]
	n := len(seq.Content)
	if in.end < 0 {
		return splice{}, errorAt(seq, p, "the editor cannot tell where this list ends: edit it in a text editor")
	}
	if n == 0 {
		return splice{in.body + 1, in.end - 1, text}, nil
	}
	sep := ", "
	if n >= 2 {
		_, e0 := elem(l, seq, 0, 1)
		s1, _ := elem(l, seq, 1, 1)
		if e0 >= 0 && s1 > e0 && strings.Trim(string(d.text[e0:s1]), " ") == "," {
			sep = string(d.text[e0:s1])
		}
	}
	if index == n {
		_, e := elem(l, seq, n-1, 1)
		if e < 0 {
			return splice{}, errorAt(seq, p, "the editor cannot tell where this list ends: edit it in a text editor")
		}
		return splice{e, e, sep + text}, nil
	}
	s, _ := elem(l, seq, index, 1)
	if s < 0 {
		return splice{}, errorAt(seq, p, "the editor cannot find this item in the text: edit it in a text editor")
	}
	return splice{s, s, text + sep}, nil
}

// itemRegion returns the whole lines of item i of a block sequence.
func (d *Doc) itemRegion(l *layout, seq *yaml.Node, i int) (s, e int, ok bool) {
	lead, end := d.dash(l, seq, i), l.at[seq.Content[i]].end
	if lead < 0 || end < 0 || !d.onlySpaces(d.lineStart(lead), lead) {
		return 0, 0, false
	}
	s, e = d.region(lead, end, d.column(lead))
	return s, e, true
}

func (d *Doc) insertBlock(l *layout, p Path, seq *yaml.Node, index int, v any) (splice, error) {
	n := len(seq.Content)
	nb := max(index-1, 0)
	lead := d.dash(l, seq, nb)
	if lead < 0 {
		return splice{}, errorAt(seq, p, "the editor cannot find the items of this list: edit it in a text editor")
	}
	lines, err := d.renderItem(l, seq.Content[nb], lead, v)
	if err != nil {
		return splice{}, errorAt(seq, p, "%v", err)
	}
	// Keep the blank lines the neighbours are separated by.
	a, b := index-1, index
	if index == n {
		a, b = n-2, n-1
	} else if index == 0 {
		a, b = 0, 1
	}
	blank := false
	if a >= 0 && b < n {
		_, ea, ok1 := d.itemRegion(l, seq, a)
		sb, _, ok2 := d.itemRegion(l, seq, b)
		for k := ea; ok1 && ok2 && k < sb; k = d.nextLine(k) {
			blank = blank || isBlank(d.text[k:d.lineEnd(k)])
		}
	}
	var at int
	var ok bool
	if index == n {
		_, at, ok = d.itemRegion(l, seq, n-1)
		if blank {
			lines = append([]string{""}, lines...)
		}
	} else {
		at, _, ok = d.itemRegion(l, seq, index)
		if blank {
			lines = append(lines, "")
		}
	}
	if !ok {
		return splice{}, errorAt(seq, p, "the editor cannot tell where the items of this list start and end: edit it in a text editor")
	}
	return d.insertLines(at, lines...), nil
}

// renderItem writes a new block sequence item like the neighbour item nb whose
// dash is at lead.
func (d *Doc) renderItem(l *layout, nb *yaml.Node, lead int, v any) ([]string, error) {
	col := d.column(lead)
	gap, pad := " ", l.flowPad
	if in := l.at[nb]; in.start > lead+1 && d.onlySpaces(lead+1, in.start) && d.lineStart(in.start) == d.lineStart(lead) {
		gap = string(d.text[lead+1 : in.start])
	}
	kvs, isMap := v.([]KV)
	switch {
	case nb.Kind == yaml.MappingNode && nb.Style&yaml.FlowStyle != 0 && len(nb.Content) > 0 && l.at[nb].end > 0:
		pad = d.text[l.at[nb].body+1] == ' '
	case isMap && nb.Kind == yaml.MappingNode && len(nb.Content) > 0:
		fs, err := fields(kvs, false, pad)
		if err != nil || len(fs) == 0 {
			break
		}
		keyCol := d.column(l.at[nb.Content[0]].start)
		if keyCol <= col {
			keyCol = col + 1 + len(gap)
		}
		lines := []string{strings.Repeat(" ", col) + "-" + strings.Repeat(" ", keyCol-col-1) + fs[0]}
		for _, f := range fs[1:] {
			lines = append(lines, strings.Repeat(" ", keyCol)+f)
		}
		return lines, nil
	}
	text, err := renderValue(v, false, pad)
	if err != nil {
		return nil, err
	}
	return []string{strings.Repeat(" ", col) + "-" + gap + text}, nil
}

// fillEmpty gives an empty field ("staff:" with nothing after it) a one-item
// block sequence, on the lines after the field.
func (d *Doc) fillEmpty(l *layout, p Path, m, empty *yaml.Node, v any) error {
	key := keyOf(m, empty)
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 || l.at[m].inFlow || key == nil {
		return errorAt(empty, p, "is empty, not a list: the editor can only start a list under a field of a block mapping")
	}
	text, err := renderValue(v, false, l.flowPad)
	if err != nil {
		return errorAt(empty, p, "%v", err)
	}
	col := d.column(l.at[key].start)
	sp := d.insertLines(d.nextLine(l.at[empty].end), strings.Repeat(" ", col+l.seqOffset)+"- "+text)
	want, at := d.expected(p)
	*at = *valueNode([]any{v})
	return d.commit(p, empty, want, sp)
}

// newList adds the field name to mapping m with a one-item block sequence (a flow
// sequence in a flow mapping).
func (d *Doc) newList(l *layout, p Path, m *yaml.Node, name string, v any) error {
	in := l.at[m]
	if err := editable(p[:len(p)-1], m, in); err != nil {
		return err
	}
	flow := in.inFlow || m.Style&yaml.FlowStyle != 0
	var sp splice
	if flow {
		text, err := renderValue([]any{v}, true, l.flowPad)
		if err != nil {
			return errorAt(m, p, "%v", err)
		}
		if sp, err = d.addField(l, p, m, renderString(name, true, 0)+": "+text); err != nil {
			return err
		}
	} else {
		text, err := renderValue(v, false, l.flowPad)
		if err != nil {
			return errorAt(m, p, "%v", err)
		}
		if len(m.Content) == 0 || in.end < 0 {
			return errorAt(m, p, "the editor cannot tell where this group of fields ends: edit it in a text editor")
		}
		col := d.column(l.at[m.Content[0]].start)
		sp = d.insertLines(d.after(in.end, col),
			strings.Repeat(" ", col)+renderString(name, false, 0)+":",
			strings.Repeat(" ", col+l.seqOffset)+"- "+text)
	}
	want, at := d.expected(p[:len(p)-1])
	at.Content = append(at.Content, valueNode(name), valueNode([]any{v}))
	return d.commit(p, m, want, sp)
}
