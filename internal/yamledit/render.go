package yamledit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// KV is one field of an item given to Append or Insert. Value is a string, a
// float64, an int, a bool, a []string or []any (written as a flow sequence), a []KV
// (a nested flow mapping), or nil (the field is left out).
type KV struct {
	Key   string
	Value any
}

// printable reports whether YAML lets r appear as itself in a scalar; LS and PS
// are line breaks for yaml.v3 and the byte order mark would be taken for one.
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n':
		return false
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF && r != 0x2028 && r != 0x2029,
		r >= 0xE000 && r <= 0xFFFD && r != 0xFEFF, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

func allPrintable(s string) bool {
	for _, r := range s {
		if !printable(r) {
			return false
		}
	}
	return true
}

// plainOK reports whether v can be written without quotes and read back as the
// same string (not a number, a boolean, null or a date). The rules are
// conservative; a candidate is then checked by parsing it.
func plainOK(v string, flow bool) bool {
	if v == "" || !allPrintable(v) || v[0] == ' ' || v[len(v)-1] == ' ' ||
		strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])) ||
		strings.Contains(v, ": ") || strings.HasSuffix(v, ":") || strings.Contains(v, " #") ||
		strings.HasPrefix(v, "...") || (flow && strings.ContainsAny(v, ",[]{}")) {
		return false
	}
	if flow {
		return readsAs("["+v+"]", v, "!!str") && readsAs("- {k: "+v+"}", v, "!!str")
	}
	return readsAs("- "+v, v, "!!str")
}

// readsAs reports whether src is a one-item sequence whose item (or the value of
// the item's only field) reads as value with tag.
func readsAs(src, value, tag string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte(src), &n) != nil || len(n.Content) != 1 {
		return false
	}
	s := n.Content[0]
	if s.Kind != yaml.SequenceNode || len(s.Content) != 1 {
		return false
	}
	it := s.Content[0]
	if it.Kind == yaml.MappingNode && len(it.Content) == 2 {
		it = it.Content[1]
	}
	return it.Kind == yaml.ScalarNode && it.Value == value && it.ShortTag() == tag
}

func singleOK(v string) bool { return allPrintable(v) }

func singleQuote(v string) string { return "'" + strings.ReplaceAll(v, "'", "''") + "'" }

// doubleQuote writes v between double quotes, escaping what YAML needs escaped.
func doubleQuote(v string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range v {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		case 0x85:
			b.WriteString(`\N`)
		case 0x2028:
			b.WriteString(`\L`)
		case 0x2029:
			b.WriteString(`\P`)
		default:
			switch {
			case printable(r):
				b.WriteRune(r)
			case r <= 0xFF:
				fmt.Fprintf(&b, `\x%02X`, r)
			case r <= 0xFFFF:
				fmt.Fprintf(&b, `\u%04X`, r)
			default:
				fmt.Fprintf(&b, `\U%08X`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// renderString writes v as a scalar that reads back as the string v: in the
// preferred style (plain, single or double quotes) when v allows it, else between
// double quotes.
func renderString(v string, flow bool, prefer yaml.Style) string {
	switch {
	case prefer&yaml.DoubleQuotedStyle != 0:
	case prefer&yaml.SingleQuotedStyle != 0:
		if singleOK(v) {
			return singleQuote(v)
		}
	case plainOK(v, flow):
		return v
	}
	return doubleQuote(v)
}

// renderBlock writes v as a block scalar (| or >) whose content lines are indented
// by indent spaces, folding long lines of a folded scalar at width characters. It
// reports false when v cannot be written that way (then the caller quotes it).
func renderBlock(v string, folded bool, indent, width int, eol string) (string, bool) {
	body, chomp := strings.TrimSuffix(v, "\n"), ""
	switch {
	case body == v:
		chomp = "-"
	case strings.HasSuffix(body, "\n"):
		return "", false // several trailing newlines: keep chomping would swallow the blank lines after the block
	}
	if body == "" || body[0] == ' ' || body[0] == '\n' || !allPrintable(strings.ReplaceAll(body, "\n", "")) {
		return "", false
	}
	head := "|"
	if folded {
		head = ">"
	}
	pad := strings.Repeat(" ", indent)
	lines := strings.Split(body, "\n")
	var out []string
	if !folded {
		for _, l := range lines {
			if strings.TrimLeft(l, " ") == "" {
				if l != "" {
					return "", false
				}
				out = append(out, "")
				continue
			}
			out = append(out, pad+l)
		}
	} else {
		// Folding turns one line break between two text lines into a space, and
		// n+1 breaks into n newlines: a newline of the value becomes a blank line.
		for i, l := range lines {
			if l == "" {
				out = append(out, "")
				continue
			}
			if l[0] == ' ' || strings.HasSuffix(l, " ") {
				return "", false
			}
			if i > 0 {
				out = append(out, "")
			}
			for _, w := range wrap(l, width-indent) {
				out = append(out, pad+w)
			}
		}
	}
	text := head + chomp + eol + strings.Join(out, eol)
	return text, readsBlock(text, v)
}

// wrap cuts a line at single spaces so that each piece has at most width
// characters where possible.
func wrap(l string, width int) []string {
	width = max(width, 20)
	var out []string
	for utf8.RuneCountInString(l) > width {
		cut := -1
		for i := 1; i+1 < len(l); i++ {
			if l[i] != ' ' || l[i-1] == ' ' || l[i+1] == ' ' {
				continue
			}
			if cut > 0 && utf8.RuneCountInString(l[:i]) > width {
				break
			}
			cut = i
		}
		if cut < 0 {
			break
		}
		out, l = append(out, l[:cut]), l[cut+1:]
	}
	return append(out, l)
}

// readsBlock checks that a rendered block scalar reads back as v.
func readsBlock(text, v string) bool {
	var n yaml.Node
	if yaml.Unmarshal([]byte("k: "+strings.ReplaceAll(text, "\r\n", "\n")+"\n"), &n) != nil || len(n.Content) != 1 {
		return false
	}
	m := n.Content[0]
	return m.Kind == yaml.MappingNode && len(m.Content) == 2 && m.Content[1].Value == v && m.Content[1].ShortTag() == "!!str"
}

// formatNumber writes a float64 the way YAML reads it back to the same number:
// integers without a decimal point, others in the shortest form.
func formatNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return ".nan"
	case math.IsInf(v, 1):
		return ".inf"
	case math.IsInf(v, -1):
		return "-.inf"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatInt(int64(v), 10)
	}
	if a := math.Abs(v); a >= 1e-6 && a < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// renderValue writes a field value given to Append, Insert or InsertValue.
func renderValue(v any, flow, pad bool) (string, error) {
	switch v := v.(type) {
	case string:
		if !utf8.ValidString(v) {
			return "", fmt.Errorf("the text %q is not valid UTF-8", v)
		}
		return renderString(v, flow, 0), nil
	case float64:
		return formatNumber(v), nil
	case int:
		return strconv.Itoa(v), nil
	case bool:
		return strconv.FormatBool(v), nil
	case nil:
		return "null", nil
	case []string:
		items := make([]any, len(v))
		for i, s := range v {
			items[i] = s
		}
		return renderSeq(items, pad)
	case []any:
		return renderSeq(v, pad)
	case []KV:
		return renderFlowMap(v, pad)
	}
	return "", fmt.Errorf("a value of type %T cannot be written (use a string, number, bool, []string or []KV)", v)
}

func renderSeq(items []any, pad bool) (string, error) {
	parts := make([]string, len(items))
	nested := false
	for i, it := range items {
		s, err := renderValue(it, true, pad)
		if err != nil {
			return "", err
		}
		parts[i] = s
		_, isMap := it.([]KV)
		nested = nested || isMap
	}
	if nested && pad {
		return "[ " + strings.Join(parts, ", ") + " ]", nil
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}

// fields renders the fields of an item (nil values left out) as "key: value".
func fields(kvs []KV, flow, pad bool) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, kv := range kvs {
		if seen[kv.Key] {
			return nil, fmt.Errorf("the field %q is given twice", kv.Key)
		}
		seen[kv.Key] = true
		if kv.Value == nil {
			continue
		}
		if !utf8.ValidString(kv.Key) {
			return nil, fmt.Errorf("the field name %q is not valid UTF-8", kv.Key)
		}
		v, err := renderValue(kv.Value, flow, pad)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", kv.Key, err)
		}
		out = append(out, renderString(kv.Key, flow, 0)+": "+v)
	}
	return out, nil
}

func renderFlowMap(kvs []KV, pad bool) (string, error) {
	fs, err := fields(kvs, true, pad)
	if err != nil {
		return "", err
	}
	switch {
	case len(fs) == 0:
		return "{}", nil
	case pad:
		return "{ " + strings.Join(fs, ", ") + " }", nil
	}
	return "{" + strings.Join(fs, ", ") + "}", nil
}
