package analysis

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// withSections loads testdata/option.yaml with its systems and interfaces
// sections replaced.
func withSections(t *testing.T, systems, interfaces string) *model.Resolved {
	t.Helper()
	b, err := os.ReadFile("testdata/option.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start, end := strings.Index(text, "systems:\n"), strings.Index(text, "assumptions:")
	if end < 0 {
		end = len(text)
	}
	text = text[:start] + systems + interfaces + text[end:]
	dir := t.TempDir()
	p, err := os.ReadFile("testdata/pays.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"option.yaml": []byte(text), "pays.yaml": p} {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return load(t, dir+"/option.yaml")
}

// TestAgencyBoundary: personal data between two of the agency's systems
// (owned by one of its units or by `agency`) is internal; an
// exchange with an outside party's system, or with a system without an owner
// (boundary unknown), crosses the boundary; one between two outside parties'
// systems (i-registres within the registry, i-dehors between two outside
// parties) is not the agency's: no issue, no dependent stage. Stages depend on a system through
// the chain and through crossing interfaces only.
func TestAgencyBoundary(t *testing.T) {
	systems := `systems:
  - { id: si-gestion, name: Gestion, owner: dir-si }
  - { id: si-dr, name: SI régional, owner: dr }
  - { id: si-agence, name: Entrepôt, owner: agency }
  - { id: registre-si, name: Registre, owner: registre }
  - { id: si-orphelin, name: Sans propriétaire }
  - { id: registre-2, name: Second registre, owner: registre }
  - { id: caisse-si, name: Caisse, owner: poste }
`
	interfaces := `interfaces:
  - { id: i-interne, from: si-gestion, to: si-dr, stages: [intake, updates, exit], personalData: true, mode: api }
  - { id: i-agence, from: si-agence, to: si-gestion, stages: [onboarding], personalData: true, mode: api, agreement: none }
  - { id: i-registre, from: registre-si, to: si-gestion, stages: [eligibility], personalData: true, mode: api, legalBasis: Loi 1 }
  - { id: i-orphelin, from: si-gestion, to: si-orphelin, stages: [exit], personalData: true, mode: api, agreement: signed }
  - { id: i-registres, from: registre-si, to: registre-2, stages: [intake, assessment, updates], personalData: true, mode: api }
  - { id: i-dehors, from: caisse-si, to: registre-2, stages: [assessment], personalData: true, mode: file }
`
	a := Analyze(withSections(t, systems, interfaces), Options{})
	var got []InterfaceIssue
	for _, is := range a.Systems.PersonalData {
		got = append(got, InterfaceIssue{Interface: is.Interface, Problems: is.Problems, BoundaryUnknown: is.BoundaryUnknown})
	}
	want := []InterfaceIssue{
		{Interface: "i-registre", Problems: []string{"no-signed-agreement"}},
		{Interface: "i-orphelin", Problems: []string{"no-legal-basis"}, BoundaryUnknown: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("personal data issues = %+v, want %+v", got, want)
	}
	// si-gestion: eligibility, payment, grievance from the chain, eligibility
	// and exit from the crossing interfaces; intake, updates (i-interne) and
	// onboarding (i-agence) are internal and add nothing.
	deps := map[string][]string{}
	for _, d := range a.Systems.Dependencies {
		deps[d.System] = d.Stages
	}
	wantDeps := map[string][]string{
		"si-gestion":  {"eligibility", "payment", "grievance", "exit"},
		"registre-si": {"eligibility"},
		"si-orphelin": {"exit"},
	}
	if !reflect.DeepEqual(deps, wantDeps) {
		t.Errorf("dependencies = %v, want %v", deps, wantDeps)
	}
}
