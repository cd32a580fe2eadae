package tui

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/model"
)

// fieldKind says how a field is edited and checked.
type fieldKind int

const (
	kText   fieldKind = iota // free text
	kID                      // a new id: lower-kebab-case, unused
	kInt                     // a whole number
	kNumber                  // a number
	kBool                    // true or false, toggled
	kEnum                    // one value of a closed list, chosen from a list
	kRef                     // an id of the scenario, chosen from a filtered list
	kLevel                   // a level from 1 to 5
	kDate                    // YYYY, YYYY-MM or YYYY-MM-DD
)

// spec is what the editor knows of one field of one kind of item.
type spec struct {
	kind  fieldKind
	enum  []string // kEnum: the allowed values
	refs  []string // kRef: the entity kinds accepted
	place bool     // kRef: a territory unit, not an entity
	level bool     // kEnum: a territory level
	agent bool     // kRef: `agency` is accepted
}

// The entity kinds a reference accepts, as model/validate.go checks them.
var (
	anyParty   = []string{"actor", "unit", "body", "channel"}
	orgParty   = []string{"actor", "unit", "body"}
	unitOrBody = []string{"unit", "body"}
)

// itemTypes maps a section's key to the Go type of its items.
var itemTypes = map[string]reflect.Type{
	"units":      reflect.TypeFor[model.Unit](),
	"bodies":     reflect.TypeFor[model.Body](),
	"mandates":   reflect.TypeFor[model.Mandate](),
	"chain":      reflect.TypeFor[model.ChainEntry](),
	"channels":   reflect.TypeFor[model.Channel](),
	"systems":    reflect.TypeFor[model.System](),
	"interfaces": reflect.TypeFor[model.Interface](),
	"risks":      reflect.TypeFor[model.Risk](),

	"actors":        reflect.TypeFor[model.Actor](),
	"relations":     reflect.TypeFor[model.Relation](),
	"phases":        reflect.TypeFor[model.Phase](),
	"profiles":      reflect.TypeFor[model.Profile](),
	"prerequisites": reflect.TypeFor[model.Prerequisite](),

	"institution": reflect.TypeFor[model.Institution](),
	"strategy":    reflect.TypeFor[model.Strategy](),
	"demand":      reflect.TypeFor[model.Demand](),
	"transition":  reflect.TypeFor[model.Transition](),
}

// mapSections are the sections that are one group of fields, not a list:
// merged field by field with what the file extends, each field written in
// this file overriding the inherited one.
var mapSections = map[string]bool{"institution": true, "strategy": true, "demand": true, "transition": true}

var levelType = reflect.TypeFor[model.Level]()

// specOf returns how the field at path (keys only) of an item of the section is edited.
func specOf(section string, keys []string) spec {
	if len(keys) == 0 {
		return spec{kind: kText}
	}
	key := keys[len(keys)-1]
	t := fieldType(itemTypes[section], keys)
	switch key {
	case "id":
		return spec{kind: kID}
	case "low", "likely", "high":
		if len(keys) >= 2 && (keys[len(keys)-2] == "likelihood" || keys[len(keys)-2] == "impact") {
			return spec{kind: kLevel}
		}
	case "reportsTo":
		if section == "bodies" {
			return spec{kind: kRef, refs: orgParty}
		}
		return spec{kind: kRef, refs: unitOrBody}
	case "functionalTo":
		return spec{kind: kRef, refs: []string{"unit"}}
	case "accountable", "responsible", "consulted", "informed":
		return spec{kind: kRef, refs: anyParty, agent: true}
	case "owner", "operator":
		return spec{kind: kRef, refs: orgParty, agent: true}
	case "chair", "members":
		return spec{kind: kRef, refs: orgParty}
	case "supervision":
		return spec{kind: kRef, refs: []string{"actor"}}
	case "profile":
		return spec{kind: kRef, refs: []string{"profile"}}
	case "phase":
		return spec{kind: kRef, refs: []string{"phase"}}
	case "systems":
		return spec{kind: kRef, refs: []string{"system"}}
	case "from", "to":
		if section == "interfaces" {
			return spec{kind: kRef, refs: []string{"system"}}
		}
		return spec{kind: kRef, refs: append(slices.Clone(anyParty), "system"), agent: true}
	case "stage", "stages":
		return spec{kind: kEnum, enum: model.Stages}
	case "function":
		return spec{kind: kEnum, enum: model.StagesAndFunctions()}
	case "per":
		return spec{kind: kEnum, level: true}
	case "at":
		return spec{kind: kRef, place: true}
	case "start", "end":
		if section == "phases" {
			return spec{kind: kDate}
		}
	}
	if t == nil {
		return spec{kind: kText}
	}
	if t == levelType {
		return spec{kind: kLevel}
	}
	switch t.Kind() {
	case reflect.Int:
		return spec{kind: kInt}
	case reflect.Float64:
		return spec{kind: kNumber}
	case reflect.Bool:
		return spec{kind: kBool}
	}
	if e := enumOf(itemTypes[section], keys); len(e) > 0 {
		return spec{kind: kEnum, enum: e}
	}
	return spec{kind: kText}
}

// fieldType follows yaml keys through a struct type (inline structs, pointers,
// slices) and returns the type of the value at the end, or nil.
func fieldType(t reflect.Type, keys []string) reflect.Type {
	sf, ok := structField(t, keys)
	if !ok {
		return nil
	}
	ft := sf.Type
	for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
		ft = ft.Elem()
	}
	return ft
}

func structField(t reflect.Type, keys []string) (reflect.StructField, bool) {
	for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice) {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct || len(keys) == 0 {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if opts == "inline" {
			if sf, ok := structField(f.Type, keys); ok {
				return sf, true
			}
			continue
		}
		if name != keys[0] || name == "-" {
			continue
		}
		if len(keys) == 1 {
			return f, true
		}
		return structField(f.Type, keys[1:])
	}
	return reflect.StructField{}, false
}

// enumOf reads a closed list from the field's jsonschema tag, the one the
// JSON Schema is generated from, so the editor offers what validation accepts.
func enumOf(t reflect.Type, keys []string) []string {
	sf, ok := structField(t, keys)
	if !ok {
		return nil
	}
	var out []string
	for part := range strings.SplitSeq(sf.Tag.Get("jsonschema"), ",") {
		if v, ok := strings.CutPrefix(part, "enum="); ok {
			out = append(out, v)
		}
	}
	return out
}

// fieldKeys returns the yaml keys of an item type's own fields, in
// declaration order, inline structs flattened.
func fieldKeys(t reflect.Type) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case opts == "inline":
			out = append(out, fieldKeys(f.Type)...)
		case name != "" && name != "-":
			out = append(out, name)
		}
	}
	return out
}

// row is one line of the detail pane: a field, a list header or a list item.
type row struct {
	path  []any  // from the item: {"staff", 0, "count"}
	label string // what the line says on the left
	value string // the value as written
	depth int
	spec  spec
	set   bool // written in the file
	// inherited: a field of a group (mapSections) not written in this file,
	// with the value it has from the file extended (value); locked: an
	// inherited list, not edited here
	inherited bool
	locked    bool
	header    bool // a list or mapping: not edited itself
	list      bool // a list of scalars (header) or one of its items (addable, deletable)
	group     bool // a list of mappings (staff lines, mitigations) or one of its items
	line      int  // where the value is written in its file
}

// rowsOf lists the fields of an item from its yaml node: the fields written,
// in file order, then those not written, to be set: a value, a list (its
// first item added from its heading), a group of fields (cost: its fields
// listed, the group written with the first one set).
func rowsOf(section string, node *yaml.Node) []row {
	var rows []row
	if node == nil || node.Kind != yaml.MappingNode {
		return rows
	}
	have := map[string]bool{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		k, v := node.Content[i].Value, node.Content[i+1]
		have[k] = true
		rows = appendRows(rows, section, []any{k}, []string{k}, k, v, 0)
	}
	return missingRows(rows, section, nil, nil, have, 0)
}

// missingRows appends the fields of the type at keys (the item's own when
// keys is empty) that are not written (have), at path. In an item of a list
// (a staff line, a mitigation), only its lists are added: its other fields
// would crowd the pane for every item.
func missingRows(rows []row, section string, path []any, keys []string, have map[string]bool, depth int) []row {
	inItem := slices.ContainsFunc(path, isIndex)
	t := itemTypes[section]
	if t == nil {
		return rows
	}
	if len(keys) > 0 {
		if t = fieldType(t, keys); t == nil || t.Kind() != reflect.Struct || t == levelType {
			return rows
		}
	}
	for _, k := range fieldKeys(t) {
		if have[k] {
			continue
		}
		ks := append(slices.Clone(keys), k)
		ft, _ := structField(t, []string{k})
		p := with(path, k)
		switch base := fieldType(t, []string{k}); {
		case base == nil:
			continue
		case ft.Type.Kind() == reflect.Slice && base.Kind() == reflect.String:
			rows = append(rows, row{path: p, label: k, depth: depth, header: true, list: true, spec: specOf(section, ks)})
		case ft.Type.Kind() == reflect.Slice && base.Kind() == reflect.Struct:
			rows = append(rows, row{path: p, label: k, depth: depth, header: true, group: true, spec: specOf(section, ks)})
		case inItem:
			continue
		case base.Kind() == reflect.Struct && base != levelType:
			if depth > 0 {
				continue // a group of fields in a group of fields: none in the format
			}
			rows = append(rows, row{path: p, label: k, depth: depth, header: true, spec: specOf(section, ks)})
			rows = missingRows(rows, section, p, ks, nil, depth+1)
		default:
			rows = append(rows, row{path: p, label: k, depth: depth, spec: specOf(section, ks)})
		}
	}
	return rows
}

// mapRows lists the fields of a group section (mapSections): those written
// in this file (node, nil when it has none) as rowsOf does, then the others,
// showing the value merged from the file extended (inherited) when there is
// one. An inherited list is shown by its length and locked: written here, it
// would replace the inherited one whole. v is the group's merged struct
// (groupOf), invalid when the scenario has none.
func mapRows(section string, node *yaml.Node, v reflect.Value) []row {
	if node == nil || node.Kind != yaml.MappingNode {
		node = &yaml.Node{Kind: yaml.MappingNode}
	}
	if !v.IsValid() {
		return rowsOf(section, node)
	}
	written := map[string]bool{}
	for i := 0; i+1 < len(node.Content); i += 2 {
		written[node.Content[i].Value] = true
	}
	inherited := map[string]row{}
	for _, key := range fieldKeys(v.Type()) {
		sf, ok := structField(v.Type(), []string{key})
		if !ok || written[key] {
			continue
		}
		f := v.FieldByIndex(sf.Index)
		if f.IsZero() {
			continue
		}
		rw := row{path: []any{key}, label: key, spec: specOf(section, []string{key}), inherited: true, value: fmt.Sprint(f.Interface())}
		switch f.Kind() {
		case reflect.Float64:
			rw.value = strconv.FormatFloat(f.Float(), 'f', -1, 64)
		case reflect.Slice:
			rw.value = fmt.Sprintf("%d items", f.Len())
			rw.locked = true
		}
		inherited[key] = rw
	}
	var rows []row
	for _, rw := range rowsOf(section, node) {
		if key, ok := rw.path[0].(string); ok && len(rw.path) == 1 && !rw.set {
			if in, ok := inherited[key]; ok {
				rw = in
				delete(inherited, key)
			}
		}
		rows = append(rows, rw)
	}
	for _, key := range fieldKeys(v.Type()) { // lists of groups: rowsOf leaves them out
		if rw, ok := inherited[key]; ok {
			rows = append(rows, rw)
		}
	}
	return rows
}

func appendRows(rows []row, section string, path []any, keys []string, label string, v *yaml.Node, depth int) []row {
	for v.Kind == yaml.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	sp := specOf(section, keys)
	switch v.Kind {
	case yaml.ScalarNode:
		return append(rows, row{path: path, label: label, value: v.Value, depth: depth, spec: sp, set: true, line: v.Line})
	case yaml.MappingNode:
		rows = append(rows, row{path: path, label: label, depth: depth, header: true, set: true, spec: sp, line: v.Line})
		have := map[string]bool{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := v.Content[i].Value
			have[k] = true
			rows = appendRows(rows, section, with(path, k), append(slices.Clone(keys), k), k, v.Content[i+1], depth+1)
		}
		return missingRows(rows, section, path, keys, have, depth+1)
	case yaml.SequenceNode:
		// a list of mappings by its type, so that an empty one (staff: []) gets mappings
		mappings := len(v.Content) > 0 && v.Content[0].Kind == yaml.MappingNode
		if t := fieldType(itemTypes[section], keys); len(v.Content) == 0 && t != nil && t.Kind() == reflect.Struct && t != levelType {
			mappings = true
		}
		rows = append(rows, row{path: path, label: label, depth: depth, header: true, set: true, spec: sp,
			list: !mappings, group: mappings})
		for j, it := range v.Content {
			if it.Kind == yaml.MappingNode {
				rows = append(rows, row{path: with(path, j), label: fmt.Sprintf("%d. %s", j+1, summary(it)),
					depth: depth + 1, header: true, set: true, group: true})
				have := map[string]bool{}
				for i := 0; i+1 < len(it.Content); i += 2 {
					k := it.Content[i].Value
					have[k] = true
					rows = appendRows(rows, section, with(with(path, j), k), append(slices.Clone(keys), k), k, it.Content[i+1], depth+2)
				}
				rows = missingRows(rows, section, with(path, j), keys, have, depth+2)
				continue
			}
			rows = append(rows, row{path: with(path, j), label: "-", value: it.Value, depth: depth + 1, spec: sp, set: true, list: true, line: it.Line})
		}
	}
	return rows
}

// with returns path extended by one step, never sharing the backing array.
func with(path []any, step any) []any {
	return append(slices.Clip(path), step)
}

// summary names an item of a list of mappings by its first telling value.
func summary(n *yaml.Node) string {
	for _, key := range []string{"id", "profile", "stage", "title", "name"} {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
				return n.Content[i+1].Value
			}
		}
	}
	return ""
}

// checkValue validates text typed for a field as the user types: the message
// says what is wrong, "" when the value is acceptable.
func checkValue(w words, sp spec, text string, taken func(string) bool, old string) string {
	s := strings.TrimSpace(text)
	switch sp.kind {
	case kID:
		switch {
		case s == "":
			return w.say("checkIDRequired")
		case !model.ValidID(s):
			return w.say("checkKebab")
		case s == model.Reserved:
			return w.say("checkReserved")
		case s != old && taken != nil && taken(s):
			return w.say("checkTaken", s)
		}
	case kInt, kLevel:
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			return w.say("checkWhole")
		case sp.kind == kLevel && (n < 1 || n > 5):
			return w.say("checkLevel")
		case n < 0:
			return w.say("checkPositive")
		}
	case kNumber:
		f, err := strconv.ParseFloat(s, 64)
		switch {
		case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
			return w.say("checkNumber")
		case f < 0:
			return w.say("checkPositive")
		}
	case kEnum:
		if len(sp.enum) > 0 && !slices.Contains(sp.enum, s) {
			return w.say("checkOneOf", strings.Join(sp.enum, ", "))
		}
	case kDate:
		if s != "" && !model.ValidDate(s) {
			return w.say("checkDate")
		}
	}
	return ""
}
