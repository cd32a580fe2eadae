package model

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/invopop/jsonschema"
)

// SchemaBase is where the published schemas live; files name them relatively.
const SchemaBase = "https://orgdesign.dev/schema/"

// SchemaKinds lists the file kinds a JSON Schema is generated for.
var SchemaKinds = []Kind{KindScenario, KindTerritory, KindStudy, KindCountry, KindInstrument}

// JSONSchema returns the JSON Schema of a file kind, generated from the Go
// types so that editors complete and check fields as the loader does.
func JSONSchema(kind Kind) ([]byte, error) {
	var v any
	switch kind {
	case KindScenario:
		v = &Scenario{}
	case KindTerritory:
		v = &TerritoryFile{}
	case KindStudy:
		v = &Study{}
	case KindCountry:
		v = &CountryFile{}
	case KindInstrument:
		v = &InstrumentFile{}
	default:
		return nil, fmt.Errorf("no schema for %q: use scenario, territory, study, country or instrument", kind)
	}
	r := &jsonschema.Reflector{
		FieldNameTag:   "yaml",
		ExpandedStruct: true,
		DoNotReference: false,
		Mapper:         schemaMapper,
	}
	s := r.Reflect(v)
	s.ID = jsonschema.ID(SchemaBase + string(kind) + ".schema.json")
	s.Title = fmt.Sprintf("orgdesign %s file (format v1)", kind)
	addEnums(s)
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// schemaMapper describes the types that read themselves from YAML.
func schemaMapper(t reflect.Type) *jsonschema.Schema {
	if t == reflect.TypeFor[Quantity]() {
		return &jsonschema.Schema{
			Description: "A number, or unknown when no source gives it (never 0)",
			OneOf:       []*jsonschema.Schema{{Type: "number"}, {Type: "string", Const: "unknown"}},
		}
	}
	if t == reflect.TypeFor[Level]() {
		one, five := json.Number("1"), json.Number("5")
		level := &jsonschema.Schema{Type: "integer", Minimum: one, Maximum: five}
		props := jsonschema.NewProperties()
		for _, k := range []string{"low", "likely", "high"} {
			props.Set(k, level)
		}
		return &jsonschema.Schema{
			Description: "A level from 1 to 5, or a triangular estimate { low, likely, high } for simulation",
			OneOf: []*jsonschema.Schema{level, {
				Type: "object", Properties: props, Required: []string{"low", "likely", "high"},
				AdditionalProperties: jsonschema.FalseSchema,
			}},
		}
	}
	return nil
}

// addEnums adds the closed lists that live in Go variables rather than tags.
func addEnums(s *jsonschema.Schema) {
	stage := func(list []string) *jsonschema.Schema {
		e := make([]any, len(list))
		for i, v := range list {
			e[i] = v
		}
		return &jsonschema.Schema{Type: "string", Enum: e}
	}
	set := func(def, prop string, schema *jsonschema.Schema) {
		if d, ok := s.Definitions[def]; ok {
			if p, ok := d.Properties.Get(prop); ok {
				p.Type, p.Enum, p.Items = schema.Type, schema.Enum, schema.Items
			}
		}
	}
	set("ChainEntry", "stage", stage(Stages))
	set("CountryStage", "stage", stage(Stages))
	set("Mandate", "function", stage(StagesAndFunctions()))
	for _, def := range []string{"Channel", "Interface"} {
		set(def, "stages", &jsonschema.Schema{Type: "array", Items: stage(Stages)})
	}
}
