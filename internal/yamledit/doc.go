// Package yamledit edits a YAML document as text: each change is spliced into the
// original bytes at the positions yaml.v3 reports, so every line not edited stays
// byte-identical.
//
// yaml.v3's encoder keeps comments and key order but drops blank lines, re-indents
// and respaces flow collections, so a scenario saved through it would show a diff on
// every line. A Doc instead keeps the file's bytes and the node tree parsed from
// them; an edit computes the byte range of the node concerned (yaml.v3 gives where a
// node starts, the end is found by scanning its text), replaces that range or inserts
// whole lines next to it, re-parses the result and checks that the new tree is the old
// one with exactly the intended change. An edit that would produce anything else is
// refused with an *Error and the document is left as it was.
//
// Scope: scalar edits in block and flow style, adding and removing keys of block and
// flow mappings, adding, removing and moving items of block and flow sequences. Out
// of scope, refused with an *Error: multi-document files, aliases, anchored or
// explicitly tagged nodes, paths that go through a scalar (a text block has no keys),
// setting a scalar where the path names a mapping or a sequence, emptying a list or
// group not held by a field, and any layout the editor cannot follow exactly.
//
// The writer never writes a tab: indentation is spaces, and a tab inside a value is
// written as \t between double quotes.
//
// A Doc is not safe for concurrent use.
package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxSize is the largest document Parse accepts: yaml.v3 needs about fifty times
// the input in memory, and the editor re-parses the document after every edit.
const MaxSize = 8 << 20

var bom = []byte("\uFEFF")

// Doc is a YAML document being edited.
type Doc struct {
	orig []byte     // the bytes given to Parse
	bom  bool       // the file starts with a UTF-8 byte order mark
	eol  string     // "\n" or "\r\n": the line break written in new lines
	text []byte     // the current document, without the byte order mark
	doc  *yaml.Node // the DocumentNode parsed from text; nil for an empty file
	pos  []int      // offsets in text where each yaml.v3 line starts
	lay  *layout    // spans of the nodes of doc; nil until an edit needs it
}

// Path addresses a node from the root: mapping keys (string) and sequence indices
// (int), e.g. Path{"units", 3, "staff", 0, "count"}.
type Path []any

// String writes the path the way a consultant reads it: units[3].staff[0].count.
func (p Path) String() string {
	var b strings.Builder
	for _, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e)
		default:
			fmt.Fprintf(&b, "<%v>", e)
		}
	}
	return b.String()
}

// Error is a refused edit or an unreadable document, with the position (1-based
// line and column, in characters) of the node concerned when there is one.
type Error struct {
	Line, Column int
	Path         Path
	Msg          string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d: ", e.Line, e.Column)
	}
	if len(e.Path) > 0 {
		b.WriteString(e.Path.String())
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func errorAt(n *yaml.Node, p Path, format string, args ...any) *Error {
	e := &Error{Path: p, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

// Parse reads a document (UTF-8, optional byte order mark and CRLF line breaks,
// both preserved as they are; the lines an edit adds end like the file's first
// line). It refuses files over MaxSize, invalid UTF-8, lone CR line breaks, and
// files holding several YAML documents.
func Parse(src []byte) (*Doc, error) {
	if len(src) > MaxSize {
		return nil, &Error{Msg: fmt.Sprintf("the file is %d bytes, over the %d MiB the editor opens", len(src), MaxSize>>20)}
	}
	d := &Doc{orig: bytes.Clone(src), eol: "\n"}
	body := src
	if bytes.HasPrefix(body, bom) {
		d.bom, body = true, body[len(bom):]
	}
	if !utf8.Valid(body) {
		line := 1 + bytes.Count(body[:invalidUTF8(body)], []byte("\n"))
		return nil, &Error{Line: line, Column: 1, Msg: "the file is not valid UTF-8: save it as UTF-8"}
	}
	for i, c := range body {
		if c == '\r' && (i+1 == len(body) || body[i+1] != '\n') {
			line := 1 + bytes.Count(body[:i], []byte("\n"))
			return nil, &Error{Line: line, Column: 1, Msg: "the file ends lines with a lone CR (old Mac style): save it with LF or CRLF line breaks"}
		}
	}
	if i := bytes.IndexByte(body, '\n'); i > 0 && body[i-1] == '\r' {
		d.eol = "\r\n"
	}
	root, err := parseDoc(body)
	if err != nil {
		return nil, err
	}
	d.set(bytes.Clone(body), root)
	return d, nil
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && w <= 1 {
			return i
		}
		i += w
	}
	return len(b)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parseDoc parses a single-document stream; an empty stream gives a nil node.
func parseDoc(text []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxError(err)
	}
	var second yaml.Node
	switch err := dec.Decode(&second); {
	case errors.Is(err, io.EOF):
		return &first, nil
	case err != nil:
		return nil, syntaxError(err)
	default:
		return nil, &Error{Line: second.Line, Column: second.Column,
			Msg: "the file holds more than one YAML document (---): the editor opens single-document files only"}
	}
}

func syntaxError(err error) *Error {
	msg := err.Error()
	e := &Error{Msg: "the YAML is invalid: " + strings.TrimPrefix(msg, "yaml: ")}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Column = 1
		e.Msg = "the YAML is invalid: " + msg[len(m[0]):]
	}
	return e
}

// set installs a new text and its tree.
func (d *Doc) set(text []byte, root *yaml.Node) {
	d.text, d.doc, d.lay = text, root, nil
	d.pos = lineStarts(text)
}

// Bytes returns the document with every edit applied.
func (d *Doc) Bytes() []byte {
	out := make([]byte, 0, len(bom)+len(d.text))
	if d.bom {
		out = append(out, bom...)
	}
	return append(out, d.text...)
}

// Equal reports whether b is what Bytes returns, without copying the text.
func (d *Doc) Equal(b []byte) bool {
	if d.bom {
		var ok bool
		if b, ok = bytes.CutPrefix(b, bom); !ok {
			return false
		}
	}
	return bytes.Equal(b, d.text)
}

// Modified reports whether Bytes differs from the bytes given to Parse.
func (d *Doc) Modified() bool { return !d.Equal(d.orig) }

// Root returns the top-level node of the current tree (the mapping of a scenario,
// not the DocumentNode around it), re-parsed after each edit, for reading; nil for
// an empty file. Nodes of an earlier tree are stale after an edit: look them up
// again by Path.
func (d *Doc) Root() *yaml.Node {
	if d.doc == nil || len(d.doc.Content) == 0 {
		return nil
	}
	return d.doc.Content[0]
}

// Lookup returns the node at p in the current tree.
func (d *Doc) Lookup(p Path) (*yaml.Node, error) {
	chain, err := d.resolve(p)
	if err != nil {
		return nil, err
	}
	return chain[len(chain)-1], nil
}

// resolve walks p from the root and returns the nodes met, root first.
func (d *Doc) resolve(p Path) ([]*yaml.Node, error) {
	root := d.Root()
	if root == nil {
		return nil, &Error{Msg: "the file is empty"}
	}
	return resolveIn(root, p)
}

func resolveIn(root *yaml.Node, p Path) ([]*yaml.Node, error) {
	chain := []*yaml.Node{root}
	n := root
	for i, e := range p {
		at := p[:i+1]
		if n.Kind == yaml.AliasNode {
			return nil, errorAt(n, p[:i], "is a reference (*%s) to a value written elsewhere: edit the original", n.Value)
		}
		switch e := e.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return nil, errorAt(n, p[:i], "is %s, it has no field %q", kindName(n), e)
			}
			k := findKey(n, e)
			if k < 0 {
				return nil, errorAt(n, at, "no such field")
			}
			n = n.Content[k+1]
		case int:
			if n.Kind != yaml.SequenceNode {
				return nil, errorAt(n, p[:i], "is %s, not a list: address it by field name, not by item number", kindName(n))
			}
			if e < 0 || e >= len(n.Content) {
				return nil, errorAt(n, at, "no such item: the list has %d", len(n.Content))
			}
			n = n.Content[e]
		default:
			return nil, errorAt(n, at, "a path step is a field name (string) or an item number (int), not %T", e)
		}
		chain = append(chain, n)
	}
	return chain, nil
}

// findKey returns the index in m.Content of the key named k, or -1.
func findKey(m *yaml.Node, k string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if key := m.Content[i]; key.Kind == yaml.ScalarNode && key.Value == k {
			return i
		}
	}
	return -1
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a group of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "a reference"
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return "a text block"
		}
		return "a single value"
	}
	return "a document"
}

// lineStarts lists where each line starts, with the line breaks yaml.v3 counts:
// CRLF, CR, LF, NEL, LS and PS.
func lineStarts(t []byte) []int {
	starts := []int{0}
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\r' && i+1 < len(t) && t[i+1] == '\n':
			i++
		case t[i] == '\r' || t[i] == '\n':
		case t[i] == 0xC2 && i+1 < len(t) && t[i+1] == 0x85:
			i++
		case t[i] == 0xE2 && i+2 < len(t) && t[i+1] == 0x80 && (t[i+2] == 0xA8 || t[i+2] == 0xA9):
			i += 2
		default:
			continue
		}
		starts = append(starts, i+1)
	}
	return starts
}

// offset converts a yaml.v3 position (1-based line, column in characters) to a
// byte offset in the text.
func (d *Doc) offset(line, col int) int {
	if line < 1 || line > len(d.pos) {
		return len(d.text)
	}
	o := d.pos[line-1]
	for ; col > 1 && o < len(d.text); col-- {
		_, w := utf8.DecodeRune(d.text[o:])
		o += w
	}
	return o
}
