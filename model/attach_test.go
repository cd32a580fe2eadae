package model

import (
	"testing"

	"github.com/orgdesign/orgdesign/internal/synth"
)

// TestContainingMatchesWithin checks the indexed search of a superior's
// instance against the scan it replaced (the first candidate, in order,
// whose place Territory.Within tells contains the instance's), for every
// pair of instance and superior template of the synthetic national scenario.
func TestContainingMatchesWithin(t *testing.T) {
	l := &Loader{Files: synth.Files(synth.National)}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	byTemplate := map[string][]*Instance{}
	for _, in := range r.Instances {
		byTemplate[in.Template] = append(byTemplate[in.Template], in)
	}
	byPlace := map[string]map[string]int{}
	checked := 0
	for template, cands := range byTemplate {
		for _, in := range r.Instances {
			if in.Place == nil {
				continue
			}
			var want *Instance
			for _, s := range cands {
				if s.Place != nil && r.Territory.Within(in.Place.ID, s.Place.ID) {
					want = s
					break
				}
			}
			if got := containing(r.Territory, in.Place, cands, byPlace, template); got != want {
				t.Fatalf("superior of %s among %s: got %v, want %v", in.ID, template, got, want)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no instance checked")
	}
}
