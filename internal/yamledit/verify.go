package yamledit

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// splice replaces text[at:end] with text.
type splice struct {
	at, end int
	text    string
}

// commit applies the splices, re-parses the result and keeps it only when the new
// tree equals want (the old tree with the intended change, built by the caller):
// a layout the editor misread never reaches the file.
func (d *Doc) commit(p Path, n *yaml.Node, want *yaml.Node, sps ...splice) error {
	if len(sps) == 1 {
		sps = d.realign(sps[0])
	}
	sort.Slice(sps, func(i, j int) bool { return sps[i].at < sps[j].at })
	var b strings.Builder
	last := 0
	for _, s := range sps {
		if s.at < last || s.end < s.at || s.end > len(d.text) {
			return errorAt(n, p, "the editor could not place this change in the text; nothing was changed")
		}
		b.Write(d.text[last:s.at])
		b.WriteString(s.text)
		last = s.end
	}
	b.Write(d.text[last:])
	text := []byte(b.String())
	root, err := parseDoc(text)
	if err != nil {
		return errorAt(n, p, "the change would make the file unreadable (%s); nothing was changed", err.(*Error).Msg)
	}
	if root == nil || len(root.Content) == 0 || !same(want, root.Content[0]) {
		return errorAt(n, p, "the editor could not write this change without altering something else; nothing was changed")
	}
	d.set(text, root)
	return nil
}

// aligned matches the rest of a line up to a comment aligned with others (two
// spaces or more before the #), with no quote before it.
var aligned = regexp.MustCompile(`^([^"'#\r\n]*?)(  +)#`)

// realign keeps a trailing comment at its column when a splice within one line
// changes the line's width: "staffStatus: civil-service       # ...".
func (d *Doc) realign(s splice) []splice {
	if s.end > len(d.text) || s.at > s.end || strings.ContainsAny(s.text, "\r\n") || d.lineStart(s.at) != d.lineStart(s.end) ||
		bytes.ContainsAny(d.text[s.at:s.end], "\r\n") {
		return []splice{s}
	}
	m := aligned.FindSubmatchIndex(d.text[s.end:d.lineEnd(s.end)])
	if m == nil {
		return []splice{s}
	}
	delta := utf8.RuneCountInString(s.text) - utf8.RuneCount(d.text[s.at:s.end])
	pad := max(1, m[5]-m[4]-delta)
	return []splice{s, {s.end + m[4], s.end + m[5], strings.Repeat(" ", pad)}}
}

// same reports whether two trees hold the same data: kinds, tags, values, anchors
// and order; styles, comments and positions aside.
func same(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		return false
	}
	switch a.Kind {
	case yaml.AliasNode:
		return a.Value == b.Value
	case yaml.ScalarNode:
		return a.Value == b.Value && a.ShortTag() == b.ShortTag()
	}
	for i := range a.Content {
		if !same(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// clone copies a tree (aliases keep pointing into the original; same compares
// them by name).
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k)
	}
	return &c
}

// expected clones the current tree and returns the clone with the node at p
// (which must resolve) for the caller to change.
func (d *Doc) expected(p Path) (root, at *yaml.Node) {
	root = clone(d.Root())
	chain, err := resolveIn(root, p)
	if err != nil {
		panic("yamledit: expected: " + err.Error())
	}
	return root, chain[len(chain)-1]
}

// valueNode is the node an item or field value must read back as.
func valueNode(v any) *yaml.Node {
	switch v := v.(type) {
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v}
	case int:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
	case float64:
		return numberNode(formatNumber(v))
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case []string:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range v {
			s.Content = append(s.Content, valueNode(e))
		}
		return s
	case []any:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, e := range v {
			s.Content = append(s.Content, valueNode(e))
		}
		return s
	case []KV:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, kv := range v {
			if kv.Value != nil {
				m.Content = append(m.Content, valueNode(kv.Key), valueNode(kv.Value))
			}
		}
		return m
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!unsupported"}
}

// numberNode is the node a number written as text reads back as.
func numberNode(text string) *yaml.Node {
	tag := "!!float"
	if _, err := strconv.ParseInt(text, 10, 64); err == nil {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
}
