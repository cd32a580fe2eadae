package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// TestSchemaAcceptsDefaultFiles checks the generated schemas against the
// embedded default files and the fixtures: an editor using the schema must
// agree with the loader on every real file.
func TestSchemaAcceptsDefaultFiles(t *testing.T) {
	compiled := map[Kind]*jsonschema.Schema{}
	for _, k := range SchemaKinds {
		b, err := JSONSchema(k)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		url := SchemaBase + string(k) + ".schema.json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if compiled[k], err = c.Compile(url); err != nil {
			t.Fatalf("%s schema does not compile: %v", k, err)
		}
	}
	files, _ := filepath.Glob("../scenarios/*.yaml")
	for _, pattern := range []string{"testdata/resolve/*.yaml", "testdata/country/*.yaml", "../benchmarks/*.yaml", "../benchmarks/instruments/*.yaml"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	if len(files) < 25 {
		t.Fatalf("found only %d files", len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, ds := Parse(name, data, 0)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", name, ds)
		}
		if err := compiled[f.Kind].Validate(plain(f.Root.Content[0])); err != nil {
			t.Errorf("%s: the %s schema rejects a file the loader accepts: %v", name, f.Kind, err)
		}
	}

	// And it rejects what the loader rejects: an unknown field, a bad enum, a level of 7.
	for _, bad := range []string{
		"scenario: { id: s, title: t, titel: x }",
		"scenario: { id: s, title: t }\nactors: [ { id: a, name: A, kind: ministere } ]",
		"scenario: { id: s, title: t }\nrisks: [ { id: r, title: R, category: hr, likelihood: 7, impact: 1 } ]",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(bad), &n); err != nil {
			t.Fatal(err)
		}
		if compiled[KindScenario].Validate(plain(n.Content[0])) == nil {
			t.Errorf("the schema accepts %q", bad)
		}
	}
}

// plain turns a YAML node into the values a JSON decoder would give, keeping
// scalars YAML would read as timestamps as the strings they are.
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.AliasNode:
		return plain(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = plain(c)
		}
		return s
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	return n.Value
}
