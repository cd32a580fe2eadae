package yamledit

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// info is where a node sits in the text. yaml.v3 gives where a node starts; its end
// is found by scanning: to the closing quote, to the last line of a block scalar,
// over the folded lines of a plain scalar, to the bracket closing a flow collection
// after its last child, to the end of the last child of a block collection.
type info struct {
	start    int        // first byte of the node, anchor and tag included
	body     int        // first byte of the node's own text (after anchor and tag)
	end      int        // byte after the node's text; -1 when it could not be found
	parent   *yaml.Node // nil for the root
	inFlow   bool       // the node sits inside a flow collection
	blockCol int        // 0-based column of the innermost block collection holding the node; -1 at the top
	anchored bool       // the node or one of its ancestors carries an anchor (&name)
}

type layout struct {
	at        map[*yaml.Node]*info
	flowPad   bool // flow mappings of the file are written "{ a: 1 }" rather than "{a: 1}"
	seqOffset int  // column of a block sequence's dash minus that of its parent key
	seenPad   bool
	seenSeq   bool
}

// layout computes (once per text) the spans of all nodes.
func (d *Doc) layout() *layout {
	if d.lay != nil {
		return d.lay
	}
	l := &layout{at: map[*yaml.Node]*info{}, flowPad: true, seqOffset: 2}
	if root := d.Root(); root != nil {
		d.walk(l, root, nil, false, -1, false)
	}
	d.lay = l
	return l
}

func (d *Doc) walk(l *layout, n, parent *yaml.Node, inFlow bool, blockCol int, anchored bool) int {
	in := &info{parent: parent, inFlow: inFlow, blockCol: blockCol, anchored: anchored || n.Anchor != ""}
	l.at[n] = in
	in.start = d.offset(n.Line, n.Column)
	in.body = d.skipProps(in.start, n)
	switch n.Kind {
	case yaml.ScalarNode:
		in.end = d.scalarEnd(n, in.body, blockCol)
	case yaml.AliasNode:
		in.end = in.body + 1 + len(n.Value)
	case yaml.MappingNode, yaml.SequenceNode:
		flow := n.Style&yaml.FlowStyle != 0
		col, end, closer := blockCol, -1, byte(']')
		if n.Kind == yaml.MappingNode {
			closer = '}'
		}
		bad := false
		if flow {
			bad = in.body >= len(d.text) || d.text[in.body] != "[{"[btoi(closer == '}')]
			end = in.body + 1
			if !bad && closer == '}' && len(n.Content) > 0 && !l.seenPad && end < len(d.text) {
				l.flowPad, l.seenPad = d.text[end] == ' ', true
			}
		} else {
			col = d.column(in.body)
			if n.Kind == yaml.MappingNode && len(n.Content) > 0 {
				col = n.Content[0].Column - 1
			}
			if n.Kind == yaml.SequenceNode && parent != nil && parent.Kind == yaml.MappingNode && !inFlow && !l.seenSeq {
				if k := keyOf(parent, n); k != nil {
					l.seqOffset, l.seenSeq = col-(k.Column-1), true
				}
			}
		}
		for i, c := range n.Content {
			if n.Kind == yaml.MappingNode && i%2 == 1 && isEmpty(c) && end >= 0 {
				end = d.emptyValue(l, c, n, end, inFlow || flow, col, in.anchored)
				continue
			}
			end = d.walk(l, c, n, inFlow || flow, col, in.anchored)
		}
		if flow && end >= 0 {
			end = d.flowClose(end, closer)
		}
		if bad {
			end = -1
		}
		in.end = end
	}
	return in.end
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// emptyValue places an empty value (`key:` with nothing after it) just after the
// colon, where yaml.v3 may report the position of the next token instead.
func (d *Doc) emptyValue(l *layout, c, m *yaml.Node, keyEnd int, inFlow bool, col int, anchored bool) int {
	p := keyEnd
	for p < len(d.text) && (d.text[p] == ' ' || d.text[p] == '\t') {
		p++
	}
	if p < len(d.text) && d.text[p] == ':' {
		p++
	} else {
		p = keyEnd
	}
	l.at[c] = &info{start: p, body: p, end: p, parent: m, inFlow: inFlow, blockCol: col, anchored: anchored}
	return p
}

func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 && n.Anchor == "" && n.ShortTag() == "!!null"
}

// keyOf returns the key whose value is v in mapping m.
func keyOf(m, v *yaml.Node) *yaml.Node {
	for i := 1; i < len(m.Content); i += 2 {
		if m.Content[i] == v {
			return m.Content[i-1]
		}
	}
	return nil
}

// skipProps skips the anchor and tag written before a node.
func (d *Doc) skipProps(s int, n *yaml.Node) int {
	if n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 {
		return s
	}
	t := d.text
	for s < len(t) && (t[s] == '&' || t[s] == '!') {
		for s < len(t) && !isSpaceOrBreak(t[s]) {
			s++
		}
		for s < len(t) && isSpaceOrBreak(t[s]) {
			s++
		}
	}
	return s
}

func isSpaceOrBreak(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// scalarEnd finds the byte after a scalar's text; s is where the text starts.
func (d *Doc) scalarEnd(n *yaml.Node, s, blockCol int) int {
	t := d.text
	switch {
	case s > len(t):
		return -1
	case n.Style&yaml.DoubleQuotedStyle != 0:
		if s >= len(t) || t[s] != '"' {
			return -1
		}
		for i := s + 1; i < len(t); i++ {
			switch t[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
	case n.Style&yaml.SingleQuotedStyle != 0:
		if s >= len(t) || t[s] != '\'' {
			return -1
		}
		for i := s + 1; i < len(t); i++ {
			if t[i] == '\'' {
				if i+1 < len(t) && t[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return d.blockEnd(s, blockCol)
	default:
		return plainEnd(t, s, n.Value)
	}
	return -1
}

// plainEnd matches a plain scalar's value against the text from s: the value is the
// text itself, except that line breaks (with the spaces around them) fold into a
// space, or into n-1 newlines for n breaks.
func plainEnd(t []byte, s int, v string) int {
	if bytes.HasPrefix(t[s:], []byte(v)) {
		return s + len(v)
	}
	i, j := s, 0
	for j < len(v) {
		if i >= len(t) {
			return -1
		}
		if k, breaks := foldAt(t, i); breaks > 0 {
			if breaks == 1 {
				if v[j] != ' ' {
					return -1
				}
				j++
			}
			for ; breaks > 1; breaks-- {
				if j >= len(v) || v[j] != '\n' {
					return -1
				}
				j++
			}
			i = k
			continue
		}
		if t[i] != v[j] {
			return -1
		}
		i, j = i+1, j+1
	}
	return i
}

// foldAt reports whether spaces then a line break start at i; if so it returns how
// many line breaks follow (blank lines included) and where the next text starts.
func foldAt(t []byte, i int) (next, breaks int) {
	for {
		k := i
		for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		switch {
		case k+1 < len(t) && t[k] == '\r' && t[k+1] == '\n':
			k += 2
		case k < len(t) && t[k] == '\n':
			k++
		default:
			if breaks == 0 {
				return i, 0
			}
			return k, breaks
		}
		breaks++
		i = k
	}
}

// blockEnd finds the end of a block scalar whose indicator (| or >) is at s: its
// last non-blank line indented more than the collection holding it.
func (d *Doc) blockEnd(s, blockCol int) int {
	t := d.text
	last := d.lineEnd(s)
	for i := d.nextLine(s); i < len(t); i = d.nextLine(i) {
		line := t[i:d.lineEnd(i)]
		if len(bytes.Trim(line, " \t")) == 0 {
			continue
		}
		ind := indentOf(line)
		if ind <= blockCol || (blockCol < 0 && ind == 0 && (bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("...")))) {
			break
		}
		last = d.lineEnd(i)
	}
	return last
}

// flowClose skips spaces, line breaks, comments and commas from i and returns the
// byte after the closing bracket that must follow.
func (d *Doc) flowClose(i int, closer byte) int {
	t := d.text
	for i < len(t) {
		switch t[i] {
		case ' ', '\t', '\r', '\n', ',':
			i++
		case '#':
			i = d.lineEnd(i)
			if i < len(t) && t[i] == '\r' {
				i++
			}
		case closer:
			return i + 1
		default:
			return -1
		}
	}
	return -1
}

// Lines: the text is split on LF (a CRLF line ends with "\r\n").

// lineStart returns the offset where the line holding i starts.
func (d *Doc) lineStart(i int) int {
	return bytes.LastIndexByte(d.text[:i], '\n') + 1
}

// lineEnd returns the offset of the line break ending the line holding i (of the
// CR of a CRLF), or the length of the text.
func (d *Doc) lineEnd(i int) int {
	j := bytes.IndexByte(d.text[i:], '\n')
	if j < 0 {
		return len(d.text)
	}
	j += i
	if j > i && d.text[j-1] == '\r' {
		j--
	}
	return j
}

// nextLine returns the offset of the line after the one holding i.
func (d *Doc) nextLine(i int) int {
	j := bytes.IndexByte(d.text[i:], '\n')
	if j < 0 {
		return len(d.text)
	}
	return i + j + 1
}

// column returns the 0-based column (in characters) of offset i.
func (d *Doc) column(i int) int {
	return len([]rune(string(d.text[d.lineStart(i):i])))
}

func indentOf(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

func isComment(line []byte) bool {
	s := bytes.TrimLeft(line, " ")
	return len(s) > 0 && s[0] == '#'
}

func isBlank(line []byte) bool { return len(bytes.Trim(line, " \t\r\n")) == 0 }

// onlySpaces reports whether text[a:b] holds nothing but spaces.
func (d *Doc) onlySpaces(a, b int) bool {
	return len(bytes.TrimLeft(d.text[a:b], " ")) == 0
}

// region returns the whole lines of a block item led by the byte at lead (its dash
// or key) and ending at end: with the comment lines directly above it at its
// column, and the comment lines right after it indented deeper than its column.
func (d *Doc) region(lead, end, col int) (int, int) {
	s := d.lineStart(lead)
	for s > 0 {
		ps := d.lineStart(s - 1)
		line := d.text[ps : s-1]
		if !isComment(line) || indentOf(line) != col {
			break
		}
		s = ps
	}
	return s, d.after(end, col)
}
