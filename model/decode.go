package model

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// maxDecodedNodes bounds the work aliases can cause: an alias bomb expands
// exponentially, a real scenario stays far below this.
const maxDecodedNodes = 2_000_000

// nodeDecoder is implemented by types that read themselves from a node.
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, what string)
}

// decoder fills Go values from yaml nodes strictly: unknown keys, wrong types
// and duplicate keys are diagnostics, and every value's position is recorded.
type decoder struct {
	file    string
	diags   *diags
	visited int
	aborted bool
	key     string // the key whose value is being decoded, to name list items
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

// resolveAlias follows alias nodes, counting the work so alias bombs stop early.
func (d *decoder) resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func (d *decoder) step(n *yaml.Node) bool {
	if d.aborted {
		return false
	}
	d.visited++
	if d.visited > maxDecodedNodes {
		d.aborted = true
		d.diags.errorf(d.pos(n), "excessive-aliasing", "the document expands to too many values (aliases used as a bomb?)")
		return false
	}
	return true
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an unexpected node"
}

var nodeDecoderType = reflect.TypeFor[nodeDecoder]()

// decode fills v (addressable) from n; what names the value in messages.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, what string) {
	n = d.resolveAlias(n)
	if n == nil || !d.step(n) {
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(nodeDecoderType) {
		v.Addr().Interface().(nodeDecoder).decodeNode(d, n, what)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull(n) {
			return
		}
		nv := reflect.New(v.Type().Elem())
		d.decode(n, nv.Elem(), what)
		v.Set(nv)
	case reflect.Struct:
		if isNull(n) { // an empty section: its fields are checked as missing
			if m, ok := v.Addr().Interface().(interface{ meta() *Meta }); ok {
				m.meta().Pos = d.pos(n)
			}
			return
		}
		d.decodeStruct(n, v, what)
	case reflect.Slice:
		d.decodeSlice(n, v, what)
	case reflect.Map:
		d.decodeMap(n, v, what)
	default:
		d.decodeScalar(n, v, what)
	}
}

func (d *decoder) decodeScalar(n *yaml.Node, v reflect.Value, what string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.diags.errorf(d.pos(n), "type-mismatch", "%s must be a single value, not %s", what, kindName(n))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(n.Value)
	case reflect.Bool:
		switch n.Value {
		case "true", "True", "TRUE":
			v.SetBool(true)
		case "false", "False", "FALSE":
			v.SetBool(false)
		default:
			d.diags.add(d.pos(n), Error, "type-mismatch", "write true or false", "%s must be true or false, not %q", what, n.Value)
		}
	case reflect.Int:
		f, ok := parseNumber(n)
		if !ok || f != math.Trunc(f) || math.Abs(f) > 1e15 {
			d.diags.errorf(d.pos(n), "type-mismatch", "%s must be a whole number, not %q", what, n.Value)
			return
		}
		v.SetInt(int64(f))
	case reflect.Float64:
		f, ok := parseNumber(n)
		if !ok {
			hint := ""
			if strings.ContainsAny(n.Value, ", ") {
				hint = "write numbers without thousands separators, with a dot for decimals: 3900000 or 3.9"
			}
			d.diags.add(d.pos(n), Error, "type-mismatch", hint, "%s must be a number, not %q", what, n.Value)
			return
		}
		v.SetFloat(f)
	default:
		panic(fmt.Sprintf("model: cannot decode into %s", v.Type()))
	}
}

// parseNumber reads a YAML number; quoted strings are not numbers.
func parseNumber(n *yaml.Node) (float64, bool) {
	if n.Tag != "!!int" && n.Tag != "!!float" {
		return 0, false
	}
	s := strings.ReplaceAll(n.Value, "_", "")
	if i, err := strconv.ParseInt(s, 0, 64); err == nil {
		return float64(i), true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, what string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		hint := ""
		if n.Kind == yaml.ScalarNode {
			hint = fmt.Sprintf("write a list: [%s]", n.Value)
		}
		d.diags.add(d.pos(n), Error, "type-mismatch", hint, "%s must be a list, not %s", what, kindName(n))
		return
	}
	key := d.key
	if v.Type().Elem() == reflect.TypeFor[*Figure]() {
		key = "figure list" // staff, budget… of a country file hold figures, not staff lines
	}
	s := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	pointers := v.Type().Elem().Kind() == reflect.Pointer
	for i, item := range n.Content {
		r := d.resolveAlias(item)
		name := itemName(r, key, i, what)
		if pointers && r != nil && isNull(r) {
			d.diags.add(d.pos(r), Error, "empty-item", "remove the lone `-` or write the item after it", "%s is empty", name)
			continue
		}
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decode(item, ev, name)
		s = reflect.Append(s, ev)
	}
	v.Set(s)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, what string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.diags.errorf(d.pos(n), "type-mismatch", "%s must be a mapping of names to values, not %s", what, kindName(n))
		return
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolveAlias(n.Content[i]), n.Content[i+1]
		if seen[k.Value] {
			d.diags.errorf(d.pos(k), "duplicate-key", "%q is written twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decode(val, ev, fmt.Sprintf("%q in %s", k.Value, what))
		m.SetMapIndex(reflect.ValueOf(k.Value), ev)
	}
	v.Set(m)
}

// structField is one YAML key of a struct type.
type structField struct {
	key   string
	index []int
}

// fieldCache holds fieldsOf per type: a territory has thousands of units.
var fieldCache sync.Map // reflect.Type -> *typeFields

type typeFields struct {
	fields []structField
	keys   []string
	index  map[string]int
}

func cachedFields(t reflect.Type) *typeFields {
	if tf, ok := fieldCache.Load(t); ok {
		return tf.(*typeFields)
	}
	tf := &typeFields{fields: fieldsOf(t), index: map[string]int{}}
	for i, f := range tf.fields {
		tf.keys = append(tf.keys, f.key)
		tf.index[f.key] = i
	}
	fieldCache.Store(t, tf)
	return tf
}

// fieldsOf lists the YAML keys of a struct type, inlined structs included.
func fieldsOf(t reflect.Type) []structField {
	var out []structField
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" {
			continue
		}
		if opts == "inline" {
			for _, sub := range fieldsOf(f.Type) {
				out = append(out, structField{key: sub.key, index: append([]int{i}, sub.index...)})
			}
			continue
		}
		if name == "" || !f.IsExported() {
			continue
		}
		out = append(out, structField{key: name, index: []int{i}})
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, what string) {
	if n.Kind != yaml.MappingNode {
		d.diags.errorf(d.pos(n), "type-mismatch", "%s must be a mapping (key: value lines), not %s", what, kindName(n))
		return
	}
	var meta *Meta
	if m, ok := v.Addr().Interface().(interface{ meta() *Meta }); ok {
		meta = m.meta()
		meta.Pos = d.pos(n)
	}
	tf := cachedFields(v.Type())
	fields, keys := tf.fields, tf.keys
	seen := make(map[string]bool, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolveAlias(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.diags.errorf(d.pos(k), "type-mismatch", "a key in %s must be a name", what)
			continue
		}
		if seen[k.Value] {
			d.diags.errorf(d.pos(k), "duplicate-key", "%q is written twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		idx, known := tf.index[k.Value]
		if !known {
			if strings.Contains(k.Value, " ") && n.Style&yaml.FlowStyle != 0 {
				d.diags.add(d.pos(k), Error, "unknown-field", "a comma ends a value inside { }: quote the text before it, e.g. note: \"a, b\"",
					"unknown field %q in %s", k.Value, what)
				continue
			}
			if what == "" {
				d.diags.add(d.pos(k), Error, "unknown-field", suggest(k.Value, keys), "unknown section %q", k.Value)
			} else {
				d.diags.add(d.pos(k), Error, "unknown-field", suggest(k.Value, keys), "unknown field %q in %s", k.Value, what)
			}
			continue
		}
		fv := v.FieldByIndex(fields[idx].index)
		if meta != nil {
			rv := d.resolveAlias(val)
			meta.setKey(k.Value, d.pos(rv))
			if rv.Kind == yaml.SequenceNode {
				for j, item := range rv.Content {
					meta.setKey(fmt.Sprintf("%s[%d]", k.Value, j), d.pos(item))
				}
			}
		}
		d.key = k.Value
		fw := fmt.Sprintf("%q", k.Value)
		if what != "" {
			fw += " of " + what
		}
		d.decode(val, fv, fw)
	}
}

// Level is a likelihood or impact on the 1–5 scale: a single value, or a
// triangular estimate { low, likely, high } for simulation.
type Level struct {
	Low, Likely, High int
	Triangular        bool
}

// Value is the level used for scoring: the likely value.
func (l Level) Value() int { return l.Likely }

func (l *Level) decodeNode(d *decoder, n *yaml.Node, what string) {
	switch n.Kind {
	case yaml.ScalarNode:
		var v int
		d.decodeScalar(n, reflect.ValueOf(&v).Elem(), what)
		*l = Level{Low: v, Likely: v, High: v}
	case yaml.MappingNode:
		var t struct {
			Meta   `yaml:"-"`
			Low    int `yaml:"low"`
			Likely int `yaml:"likely"`
			High   int `yaml:"high"`
		}
		d.decodeStruct(n, reflect.ValueOf(&t).Elem(), what)
		for _, k := range []string{"low", "likely", "high"} {
			if !t.Has(k) {
				d.diags.errorf(d.pos(n), "missing-field", "%s needs %q (a triangular estimate has low, likely and high)", what, k)
			}
		}
		*l = Level{Low: t.Low, Likely: t.Likely, High: t.High, Triangular: true}
	default:
		d.diags.errorf(d.pos(n), "type-mismatch", "%s must be a level from 1 to 5 or { low, likely, high }, not %s", what, kindName(n))
	}
}

// MarshalJSON writes a plain level as a number and a triangular one as an object.
func (l Level) MarshalJSON() ([]byte, error) {
	if !l.Triangular {
		return []byte(strconv.Itoa(l.Likely)), nil
	}
	return fmt.Appendf(nil, `{"low":%d,"likely":%d,"high":%d}`, l.Low, l.Likely, l.High), nil
}

// singular names one item of each list, for messages.
var singular = map[string]string{
	"prerequisites": "prerequisite", "phases": "phase", "mandates": "mandate", "actors": "actor",
	"bodies": "body", "units": "unit", "channels": "channel", "relations": "relation",
	"chain": "chain entry", "profiles": "profile", "systems": "system", "interfaces": "interface",
	"assumptions": "assumption", "risks": "risk", "mitigations": "mitigation", "sources": "source",
	"objectives": "objective", "indicators": "indicator", "staff": "staff line", "standards": "standard",
	"findings": "finding", "stakeholders": "stakeholder", "consultations": "consultation",
	"criteria": "criterion", "scores": "score", "decisions": "decision", "scenarios": "scenario reference", "figure list": "figure",
}

// itemName names item i of the list under key: by its id (or stage) where it has one.
func itemName(n *yaml.Node, key string, i int, listWhat string) string {
	noun, ok := singular[key]
	if !ok {
		return fmt.Sprintf("item %d of %s", i+1, listWhat)
	}
	if n != nil && n.Kind == yaml.MappingNode {
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			if (k.Value == "id" || k.Value == "stage") && v.Kind == yaml.ScalarNode && v.Value != "" {
				return fmt.Sprintf("%s %q", noun, v.Value)
			}
		}
	}
	return fmt.Sprintf("%s %d of %s", noun, i+1, listWhat)
}
