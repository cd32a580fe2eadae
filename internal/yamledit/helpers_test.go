package yamledit

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// op is one edit, applied both to a Doc and, independently, to the decoded
// generic value of the document.
type op struct {
	kind  string // set, num, bool, delete, insert, move, field
	path  Path
	str   string
	num   float64
	b     bool
	index int // insert: position (-1 appends); move: target
	value any // insert: the item
}

func (o op) String() string {
	switch o.kind {
	case "set":
		return fmt.Sprintf("Set(%s, %q)", o.path, o.str)
	case "num":
		return fmt.Sprintf("SetNumber(%s, %s)", o.path, formatNumber(o.num))
	case "bool":
		return fmt.Sprintf("SetBool(%s, %v)", o.path, o.b)
	case "delete":
		return fmt.Sprintf("Delete(%s)", o.path)
	case "insert":
		return fmt.Sprintf("InsertValue(%s, %d, %s)", o.path, o.index, show(o.value))
	case "move":
		return fmt.Sprintf("Move(%s, %d)", o.path, o.index)
	case "field":
		return fmt.Sprintf("AddField(%s, %s)", o.path, show(o.value))
	}
	return o.kind
}

func (o op) apply(d *Doc) error {
	switch o.kind {
	case "set":
		return d.Set(o.path, o.str)
	case "num":
		return d.SetNumber(o.path, o.num)
	case "bool":
		return d.SetBool(o.path, o.b)
	case "delete":
		return d.Delete(o.path)
	case "insert":
		if kvs, ok := o.value.([]KV); ok && o.index < 0 {
			return d.Append(o.path, kvs)
		} else if ok {
			return d.Insert(o.path, o.index, kvs)
		}
		return d.InsertValue(o.path, o.index, o.value)
	case "move":
		return d.Move(o.path, o.index)
	case "field":
		return d.AddField(o.path, o.value)
	}
	panic(o.kind)
}

// show writes a value given to InsertValue for test names and golden diffs.
func show(v any) string {
	switch v := v.(type) {
	case []KV:
		var parts []string
		for _, kv := range v {
			parts = append(parts, kv.Key+": "+show(kv.Value))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case string:
		return fmt.Sprintf("%q", v)
	}
	return fmt.Sprintf("%v", v)
}

// generic turns a value given to the writer into what yaml.v3 decodes it as.
func generic(v any) any {
	switch v := v.(type) {
	case int:
		return float64(v)
	case []string:
		out := []any{}
		for _, s := range v {
			out = append(out, s)
		}
		return out
	case []any:
		out := []any{}
		for _, e := range v {
			out = append(out, generic(e))
		}
		return out
	case []KV:
		m := map[string]any{}
		for _, kv := range v {
			if kv.Value != nil {
				m[kv.Key] = generic(kv.Value)
			}
		}
		return m
	}
	return v
}

// decode reads a document into generic values, numbers as float64.
func decode(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatalf("the document does not parse: %v\n%s", err, b)
	}
	return normalize(v)
}

func normalize(v any) any {
	switch v := v.(type) {
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case uint64:
		return float64(v)
	case map[string]any:
		for k, e := range v {
			v[k] = normalize(e)
		}
	case []any:
		for i, e := range v {
			v[i] = normalize(e)
		}
	}
	return v
}

// expect applies the op to a generic value; the second result is false when the
// path does not fit the value (the test then expects the Doc to refuse as well).
func (o op) expect(v any) (any, bool) {
	if o.kind == "insert" {
		return o.expectInsert(v)
	}
	p := o.path
	parentPath, last := p[:len(p)-1], p[len(p)-1]
	root := &v
	parent := root
	for _, e := range parentPath {
		switch c := (*parent).(type) {
		case map[string]any:
			k, ok := e.(string)
			if !ok {
				return nil, false
			}
			x, ok := c[k]
			if !ok {
				return nil, false
			}
			parent = &x
			defer func(c map[string]any, k string, x *any) { c[k] = *x }(c, k, parent)
		case []any:
			i, ok := e.(int)
			if !ok || i < 0 || i >= len(c) {
				return nil, false
			}
			parent = &c[i]
		default:
			return nil, false
		}
	}
	switch o.kind {
	case "set", "num", "bool":
		val := any(o.str)
		if o.kind == "num" {
			val = o.num
		} else if o.kind == "bool" {
			val = o.b
		}
		switch c := (*parent).(type) {
		case map[string]any:
			k, _ := last.(string)
			c[k] = val
		case []any:
			i, ok := last.(int)
			if !ok || i < 0 || i >= len(c) {
				return nil, false
			}
			c[i] = val
		default:
			return nil, false
		}
	case "delete":
		switch c := (*parent).(type) {
		case map[string]any:
			k, _ := last.(string)
			delete(c, k)
		case []any:
			i := last.(int)
			*parent = append(c[:i:i], c[i+1:]...)
		}
	case "field":
		c, ok := (*parent).(map[string]any)
		k, isKey := last.(string)
		if !ok || !isKey {
			return nil, false
		}
		if _, written := c[k]; written {
			return nil, false
		}
		c[k] = generic(o.value)
	case "move":
		c := (*parent).([]any)
		i := last.(int)
		it := c[i]
		c = append(c[:i:i], c[i+1:]...)
		*parent = append(c[:o.index:o.index], append([]any{it}, c[o.index:]...)...)
	}
	return v, true
}

func (o op) expectInsert(v any) (any, bool) {
	var walk func(cur any, p Path) (any, bool)
	walk = func(cur any, p Path) (any, bool) {
		if len(p) == 0 && cur == nil && o.index <= 0 {
			return []any{generic(o.value)}, true // an empty field starts a list
		}
		if len(p) == 0 {
			c, ok := cur.([]any)
			if !ok {
				return nil, false
			}
			i := o.index
			if i < 0 {
				i = len(c)
			}
			return append(c[:i:i], append([]any{generic(o.value)}, c[i:]...)...), true
		}
		switch c := cur.(type) {
		case map[string]any:
			k := p[0].(string)
			x, ok := c[k]
			if !ok && len(p) == 1 {
				c[k] = []any{generic(o.value)}
				return c, true
			}
			if !ok {
				return nil, false
			}
			n, ok := walk(x, p[1:])
			c[k] = n
			return c, ok
		case []any:
			i := p[0].(int)
			n, ok := walk(c[i], p[1:])
			c[i] = n
			return c, ok
		}
		return nil, false
	}
	return walk(v, o.path)
}

// lines splits a text after each LF.
func lines(b []byte) []string {
	return strings.SplitAfter(string(b), "\n")
}

// changes returns the ranges lo..hi of the lines of before that an edit replaced
// (hi = lo-1 for a pure insertion before line lo): the common first and last lines
// set aside, every split of them when repeated lines make it ambiguous.
func changes(before, after []byte) [][2]int {
	if !bytes.HasSuffix(before, []byte("\n")) && !bytes.HasSuffix(after, []byte("\n")) {
		// The last line gains a line break when a line is added after it.
		eol := "\n" // the line break of the first line, as the Doc writes
		if i := bytes.IndexByte(before, '\n'); i > 0 && before[i-1] == '\r' {
			eol = "\r\n"
		}
		before, after = append(bytes.Clone(before), eol...), append(bytes.Clone(after), eol...)
	}
	a, b := lines(before), lines(after)
	p, s := 0, 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for s < len(a) && s < len(b) && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	k := min(p+s, len(a), len(b)) // the most lines both texts can share
	var out [][2]int
	for pre := max(0, k-s); pre <= min(p, k); pre++ {
		out = append(out, [2]int{pre + 1, len(a) - (k - pre)})
	}
	return out
}

// changed is the range a diff shows: the longest common first lines.
func changed(before, after []byte) (lo, hi int) {
	c := changes(before, after)
	return c[len(c)-1][0], c[len(c)-1][1]
}

// nodeRef is a node met in document order (keys included).
type nodeRef struct {
	n      *yaml.Node
	within int // index of the last node of its subtree
}

func preorder(n *yaml.Node, out *[]nodeRef) int {
	i := len(*out)
	*out = append(*out, nodeRef{n: n})
	last := i
	for _, c := range n.Content {
		last = preorder(c, out)
	}
	(*out)[i].within = last
	return last
}

// bounds returns, from the yaml.v3 tree of src, the line where the subtree of
// from starts and the last line it may reach: the line before the next node in
// document order (that node's line when it does not start its line).
func bounds(src []byte, root *yaml.Node, from, to *yaml.Node) (first, last int) {
	var refs []nodeRef
	preorder(root, &refs)
	var a, z int = -1, -1
	for i, r := range refs {
		if r.n == from {
			a = i
		}
		if r.n == to {
			z = r.within
		}
	}
	if a < 0 || z < 0 {
		panic("bounds: node not found")
	}
	ls := lines(src)
	first, last = lfLine(src, from), len(ls)
	if z+1 < len(refs) {
		next := refs[z+1].n
		nl := lfLine(src, next)
		last = nl - 1
		off := byteOffset(src, next.Line, next.Column)
		if strings.Trim(string(src[bytes.LastIndexByte(src[:off], '\n')+1:off]), " -") != "" {
			last = nl
		}
	}
	return first, max(last, first)
}

// byteOffset converts a yaml.v3 position (whose lines also end at CR, NEL, LS
// and PS) to a byte offset.
func byteOffset(src []byte, line, col int) int {
	starts := lineStarts(src)
	if line > len(starts) {
		return len(src)
	}
	o := starts[line-1]
	for ; col > 1 && o < len(src); col-- {
		_, w := utf8.DecodeRune(src[o:])
		o += w
	}
	return o
}

// lfLine is the 1-based number of the LF-terminated line where n starts.
func lfLine(src []byte, n *yaml.Node) int {
	return 1 + bytes.Count(src[:byteOffset(src, n.Line, n.Column)], []byte("\n"))
}

// dashLine returns the first line item's dash may be on: the line after the
// previous item's last node, or the sequence's line.
func dashLine(src []byte, root, seq, item *yaml.Node) int {
	i := 0
	for seq.Content[i] != item {
		i++
	}
	if i == 0 {
		return lfLine(src, seq)
	}
	var refs []nodeRef
	preorder(seq.Content[i-1], &refs)
	return lfLine(src, refs[len(refs)-1].n) + 1
}

// blanksAround counts the blank lines directly above (dir -1) or below (dir 1)
// line n.
func blanksAround(src []byte, n, dir int) int {
	ls := lines(src)
	k := 0
	for i := n - 1 + dir; i >= 0 && i < len(ls) && ls[i] != "" && strings.TrimSpace(ls[i]) == ""; i += dir {
		k++
	}
	return k
}

// commentsAbove counts the comment lines directly above line n.
func commentsAbove(src []byte, n int) int {
	ls := lines(src)
	k := 0
	for n-2-k >= 0 && strings.HasPrefix(strings.TrimLeft(ls[n-2-k], " "), "#") {
		k++
	}
	return k
}

// check applies o to a copy of src and verifies the result against the generic
// model (only the edited path changes) and the lines (nothing outside the edited
// node's lines changes). It returns the new text, or the error when the Doc
// refused (checking that the document is then unchanged).
func check(t testing.TB, src []byte, o op) ([]byte, error) {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	err = o.apply(d)
	out := d.Bytes()
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: the error is a %T, not an *Error: %v", o, err, err)
		}
		if !bytes.Equal(out, src) {
			t.Fatalf("%s failed (%v) but changed the document", o, err)
		}
		return nil, err
	}
	body := bytes.TrimPrefix(src, bom)
	want, ok := o.expect(decode(t, body))
	if !ok {
		t.Fatalf("%s succeeded on a path the generic model cannot follow", o)
	}
	if !bytes.HasPrefix(out, bom) == bytes.HasPrefix(src, bom) {
		t.Fatalf("%s: the byte order mark was not kept", o)
	}
	got := decode(t, bytes.TrimPrefix(out, bom))
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: the document reads back as something else\n--- got\n%#v\n--- want\n%#v\n--- text\n%s", o, got, want, out)
	}
	checkLines(t, body, bytes.TrimPrefix(out, bom), o)
	return out, nil
}

// checkLines verifies that only the lines of the edited node changed, that no tab
// was written and that a CRLF document stays CRLF.
func checkLines(t testing.TB, before, after []byte, o op) {
	t.Helper()
	if bytes.Equal(before, after) {
		return
	}
	var root yaml.Node
	if err := yaml.Unmarshal(before, &root); err != nil {
		t.Fatal(err)
	}
	top := root.Content[0]
	chain, err := resolveIn(top, o.path)
	var first, last int
	insertion := false
	switch {
	case err != nil:
		// A missing field (Set, or a new list): the change goes after the last
		// field of the parent mapping.
		pc, perr := resolveIn(top, o.path[:len(o.path)-1])
		if perr != nil {
			t.Fatalf("%s: %v", o, perr)
		}
		m := pc[len(pc)-1]
		lastVal := m
		if len(m.Content) > 0 {
			lastVal = m.Content[len(m.Content)-1]
		}
		first, last = bounds(before, top, lastVal, lastVal)
		if len(m.Content) > 1 {
			first = min(first, lfLine(before, m.Content[len(m.Content)-2])) // an empty value sits after its key
		}
		last++
		insertion = m.Style&yaml.FlowStyle == 0
	case o.kind == "delete" || o.kind == "move":
		n := chain[len(chain)-1]
		parent := chain[len(chain)-2]
		from, to := n, n
		if parent.Kind == yaml.MappingNode {
			from = parent.Content[findKey(parent, o.path[len(o.path)-1].(string))]
		}
		if o.kind == "move" {
			from, to = parent.Content[0], parent.Content[len(parent.Content)-1]
		}
		first, last = bounds(before, top, from, to)
		if parent.Kind == yaml.SequenceNode && parent.Style&yaml.FlowStyle == 0 {
			// yaml.v3 gives where an item starts, not where its dash is.
			first = min(first, dashLine(before, top, parent, from))
		}
		first -= commentsAbove(before, first)
		if o.kind == "delete" && parent.Style&yaml.FlowStyle == 0 {
			// The blank lines separating a removed item from its neighbours.
			first -= blanksAround(before, first, -1)
			last += blanksAround(before, last, 1)
		}
		if parent.Style&yaml.FlowStyle == 0 && (len(parent.Content) == 1 || len(parent.Content) == 2 && parent.Kind == yaml.MappingNode) {
			first = min(first, lfLine(before, parent)-1) // the key line gains [] or {}
			if len(chain) >= 3 && chain[len(chain)-3].Kind == yaml.MappingNode {
				first = min(first, lfLine(before, keyOf(chain[len(chain)-3], parent)))
			}
		}
		if parent.Style&yaml.FlowStyle != 0 && len(parent.Content) > 0 && parent.Content[len(parent.Content)-1] == n && o.kind == "delete" {
			// The last element of a flow collection goes with the comma after the
			// previous one.
			first = min(first, lfLine(before, parent))
		}
		if parent.Kind == yaml.MappingNode && parent.Style&yaml.FlowStyle == 0 && len(parent.Content) > 2 {
			last++ // a field on a dash line: the next field moves up
		}
	case o.kind == "insert":
		seq := chain[len(chain)-1]
		first, last = bounds(before, top, seq, seq)
		first -= commentsAbove(before, first)
		last++
		insertion = seq.Style&yaml.FlowStyle == 0
	default:
		n := chain[len(chain)-1]
		first, last = bounds(before, top, n, n)
		if parent := chain[max(len(chain)-2, 0)]; isEmpty(n) && parent.Kind == yaml.MappingNode {
			// yaml.v3 places an empty value at the next token; it is written after the colon.
			first = min(first, lfLine(before, keyOf(parent, n)))
		}
	}
	all := changes(before, after)
	lo, hi := all[0][0], all[0][1]
	for _, c := range all {
		if c[0] >= first && c[1] <= last {
			lo, hi = c[0], c[1]
			break
		}
	}
	if insertion && hi >= lo {
		t.Fatalf("%s: lines %d-%d were rewritten where only an insertion was expected\n%s", o, lo, hi, after)
	}
	if lo < first || hi > last {
		t.Fatalf("%s: lines %d-%d changed, outside the edited node (lines %d-%d)\n%s", o, lo, hi, first, last, after)
	}
	a, b := lines(before), lines(after)
	for _, l := range b[lo-1 : len(b)-(len(a)-hi)] {
		if strings.Contains(l, "\t") && !strings.Contains(string(before), "\t") {
			t.Fatalf("%s: a tab was written: %q", o, l)
		}
		if bytes.Count(before, []byte("\r\n")) == bytes.Count(before, []byte("\n")) && bytes.Contains(before, []byte("\n")) && strings.HasSuffix(l, "\n") && !strings.HasSuffix(l, "\r\n") {
			t.Fatalf("%s: a LF line in a CRLF document: %q", o, l)
		}
	}
}
