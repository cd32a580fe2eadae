package model

import (
	"encoding/json"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
)

// TestResolveGolden shows extends and territory expansion on a small fixture:
// the merged scenario and every instance with its superior and staff.
func TestResolveGolden(t *testing.T) {
	l := &Loader{Files: OSFiles{}}
	r, ds, err := l.Scenario("testdata/resolve/option.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics:\n%v", ds)
	}
	doc := struct {
		Files     []string
		Scenario  *Scenario
		Instances []*Instance
		Headcount int
		Payroll   float64
	}{r.Files, r.Scenario, r.Instances, r.Headcount(), r.Payroll()}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "resolve-option.json", append(b, '\n'))
}
