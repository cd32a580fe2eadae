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

// TestContainingFirstInOrder: among several superiors whose places contain
// the instance's, containing returns the first in the candidates' order (as
// the scan it replaced did), not the nearest nor the last; nil when none does.
func TestContainingFirstInOrder(t *testing.T) {
	tf := &TerritoryFile{Units: []*TerritoryUnit{
		{ID: "r1", Level: "region"}, {ID: "r2", Level: "region"},
		{ID: "p1", Level: "province", Parent: "r1"},
		{ID: "c1", Level: "commune", Parent: "p1"},
	}}
	terr := newTerritory(tf, "t.yaml")
	at := func(id, place string) *Instance {
		in := &Instance{ID: id}
		if place != "" {
			in.Place = terr.Unit(place)
		}
		return in
	}
	for _, tc := range []struct {
		name  string
		place string
		cands []*Instance
		want  string
	}{
		{"nearest first", "c1", []*Instance{at("s-r2", "r2"), at("s-p1", "p1"), at("s-r1", "r1"), at("s-c1", "c1")}, "s-p1"},
		{"farthest first", "c1", []*Instance{at("s-r1", "r1"), at("s-c1", "c1"), at("s-p1", "p1")}, "s-r1"},
		{"same place twice", "p1", []*Instance{at("none", ""), at("s-p1a", "p1"), at("s-p1b", "p1")}, "s-p1a"},
		{"none contains", "r2", []*Instance{at("s-r1", "r1"), at("s-c1", "c1")}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := containing(terr, terr.Unit(tc.place), tc.cands, map[string]map[string]int{}, "s")
			gotID := ""
			if got != nil {
				gotID = got.ID
			}
			if gotID != tc.want {
				t.Errorf("containing(%s) = %q, want %q", tc.place, gotID, tc.want)
			}
		})
	}
}
