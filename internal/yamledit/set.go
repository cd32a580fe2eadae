package yamledit

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// scalar is a new value for Set, SetNumber or SetBool.
type scalar struct {
	want *yaml.Node // what the node must read back as
	text string     // Set: the string itself; SetNumber, SetBool: its YAML text
	str  bool       // text is a string to quote as needed, not YAML
}

// Set sets the scalar at p to value, in block or flow style. value is the text
// itself, not YAML: the writer quotes it when needed so that reading the file back
// gives exactly value, as a string.
//
// An existing plain scalar stays plain when value allows it, else it is written
// between double quotes with escapes ("3,9 millions" inside a flow mapping, "true",
// "123", "", "a: b", "#x", leading or trailing spaces, line breaks). Single-quoted
// and double-quoted scalars keep their quotes (single quotes fall back to double
// quotes for a line break or a control character).
//
// A block scalar (| or >) stays a block scalar of the same style and indentation
// when value holds a line break (the trailing newline of a block's text counts):
// the chomping indicator follows value (no trailing newline: "|-"; one: "|"), and a
// folded scalar's lines are wrapped at spaces to the width of the original block.
// A value without any line break, or one a block scalar cannot hold exactly
// (several trailing newlines, leading spaces, tabs, control characters), is
// written as a double-quoted scalar on one line.
//
// A key missing from a mapping is added: in a block mapping on a new line after the
// last field, at the same indentation; in a flow mapping as ", key: value" after
// the last value.
func (d *Doc) Set(p Path, value string) error {
	if !utf8.ValidString(value) {
		return &Error{Path: p, Msg: "the text is not valid UTF-8"}
	}
	return d.setScalar(p, scalar{want: valueNode(value), text: value, str: true})
}

// SetNumber sets the scalar at p to the number v, written plain (12, 0.5, 1e+21).
func (d *Doc) SetNumber(p Path, v float64) error {
	text := formatNumber(v)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return &Error{Path: p, Msg: "the value is not a finite number"}
	}
	return d.setScalar(p, scalar{want: numberNode(text), text: text})
}

// SetBool sets the scalar at p to true or false, written plain.
func (d *Doc) SetBool(p Path, v bool) error {
	return d.setScalar(p, scalar{want: valueNode(v), text: strconv.FormatBool(v)})
}

func (d *Doc) setScalar(p Path, s scalar) error {
	if len(p) == 0 {
		return &Error{Msg: "the path is empty: name the field to set"}
	}
	chain, err := d.resolve(p[:len(p)-1])
	if err != nil {
		return err
	}
	parent := chain[len(chain)-1]
	if name, ok := p[len(p)-1].(string); ok && parent.Kind == yaml.MappingNode && findKey(parent, name) < 0 {
		return d.addKey(p, parent, name, s.render, s.want)
	}
	if chain, err = d.resolve(p); err != nil {
		return err
	}
	target := chain[len(chain)-1]
	l := d.layout()
	in := l.at[target]
	if err := editable(p, target, in); err != nil {
		return err
	}
	switch target.Kind {
	case yaml.MappingNode, yaml.SequenceNode:
		return errorAt(target, p, "is %s, not a single value: set its fields one by one", kindName(target))
	}
	if target.Style&yaml.TaggedStyle != 0 {
		return errorAt(target, p, "has an explicit type tag (%s): edit it in a text editor", target.Tag)
	}
	text := s.text
	switch {
	case !s.str:
	case target.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		text = doubleQuote(s.text)
		if strings.Contains(s.text, "\n") {
			indent, width := d.blockShape(in)
			if b, ok := renderBlock(s.text, target.Style&yaml.FoldedStyle != 0, indent, width, d.eol); ok {
				text = b
			}
		}
	default:
		text = renderString(s.text, in.inFlow, target.Style)
	}
	if in.end == in.start && in.start > 0 && d.text[in.start-1] != ' ' {
		text = " " + text // an empty value right after its colon
	}
	want, at := d.expected(p)
	*at = *s.want
	return d.commit(p, target, want, splice{in.body, in.end, text})
}

// editable refuses nodes the editor must not rewrite.
func editable(p Path, n *yaml.Node, in *info) error {
	switch {
	case n.Kind == yaml.AliasNode:
		return errorAt(n, p, "is a reference (*%s) to a value written elsewhere in the file: edit the original (&%s)", n.Value, n.Value)
	case in == nil:
		return errorAt(n, p, "the editor cannot find this value in the text")
	case in.anchored:
		return errorAt(n, p, "is shared with other places of the file through an anchor (&): edit it in a text editor")
	case in.end < 0:
		return errorAt(n, p, "the editor cannot tell where this value ends in the text: edit it in a text editor")
	}
	return nil
}

// blockShape returns the indentation of a block scalar's content lines and the
// width to fold at (its longest line, at least 80 characters).
func (d *Doc) blockShape(in *info) (indent, width int) {
	indent, width = in.blockCol+2, 80
	found := false
	for i := d.nextLine(in.body); i < in.end; i = d.nextLine(i) {
		line := d.text[i:d.lineEnd(i)]
		if isBlank(line) {
			continue
		}
		if !found {
			indent, found = indentOf(line), true
		}
		width = max(width, utf8.RuneCount(line))
	}
	return indent, width
}

// addKey adds the field name, not written yet, to mapping m: text writes its
// value for a flow or a block mapping, want is what it must read back as.
func (d *Doc) addKey(p Path, m *yaml.Node, name string, text func(flow bool) (string, error), want *yaml.Node) error {
	l := d.layout()
	in := l.at[m]
	if err := editable(p[:len(p)-1], m, in); err != nil {
		return err
	}
	if !utf8.ValidString(name) {
		return errorAt(m, p, "the field name is not valid UTF-8")
	}
	flow := in.inFlow || m.Style&yaml.FlowStyle != 0
	value, err := text(flow)
	if err != nil {
		return errorAt(m, p, "%v", err)
	}
	sp, err := d.addField(l, p, m, renderString(name, flow, 0)+": "+value)
	if err != nil {
		return err
	}
	root, at := d.expected(p[:len(p)-1])
	at.Content = append(at.Content, valueNode(name), want)
	return d.commit(p, m, root, sp)
}

// render writes the scalar's value in a flow or a block mapping.
func (s scalar) render(flow bool) (string, error) {
	if s.str {
		return renderString(s.text, flow, 0), nil
	}
	return s.text, nil
}

// AddField adds a field not written yet: p names the mapping, then the
// field. The value is any InsertValue takes (a string, number, bool,
// []string, []any or []KV); a list or a mapping is written in flow style on
// the field's line ("institution: { legalForm: autonomous-agency }"), which
// fields can then be added to. A field already written is refused: Set
// replaces a value.
func (d *Doc) AddField(p Path, v any) error {
	if len(p) == 0 {
		return &Error{Msg: "the path is empty: name the field to add"}
	}
	name, ok := p[len(p)-1].(string)
	if !ok {
		return &Error{Path: p, Msg: "a field is named by a text, not a position"}
	}
	chain, err := d.resolve(p[:len(p)-1])
	if err != nil {
		return err
	}
	m := chain[len(chain)-1]
	if m.Kind != yaml.MappingNode {
		return errorAt(m, p, "is %s, not a group of fields", kindName(m))
	}
	if findKey(m, name) >= 0 {
		return errorAt(m, p, "is already written: change its value instead")
	}
	pad := d.layout().flowPad
	return d.addKey(p, m, name, func(flow bool) (string, error) { return renderValue(v, flow, pad) }, valueNode(v))
}

// addField writes "key: value" as the last field of mapping m.
func (d *Doc) addField(l *layout, p Path, m *yaml.Node, field string) (splice, error) {
	in := l.at[m]
	if m.Style&yaml.FlowStyle != 0 {
		if len(m.Content) == 0 {
			if l.flowPad {
				field = " " + field + " "
			}
			return splice{in.body, in.end, "{" + field + "}"}, nil
		}
		last := l.at[m.Content[len(m.Content)-1]]
		if last == nil || last.end < 0 {
			return splice{}, errorAt(m, p, "the editor cannot tell where this group of fields ends: edit it in a text editor")
		}
		return splice{last.end, last.end, ", " + field}, nil
	}
	if len(m.Content) == 0 || in.end < 0 {
		return splice{}, errorAt(m, p, "the editor cannot tell where this group of fields ends: edit it in a text editor")
	}
	col := d.column(l.at[m.Content[0]].start)
	return d.insertLines(d.after(in.end, col), strings.Repeat(" ", col)+field), nil
}

// after returns the start of the line after end, past the comment lines that
// follow it indented deeper than col.
func (d *Doc) after(end, col int) int {
	e := d.nextLine(end)
	for e < len(d.text) {
		line := d.text[e:d.lineEnd(e)]
		if !isComment(line) || indentOf(line) <= col {
			break
		}
		e = d.nextLine(e)
	}
	return e
}

// insertLines inserts lines (joined with the document's line break) at the start
// of a line, or at the end of a text that does not end with a line break.
func (d *Doc) insertLines(at int, lines ...string) splice {
	text := strings.Join(lines, d.eol)
	if at == len(d.text) && at > 0 && d.text[at-1] != '\n' {
		return splice{at, at, d.eol + text}
	}
	return splice{at, at, text + d.eol}
}
