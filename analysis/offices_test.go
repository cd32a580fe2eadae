package analysis

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestOfficesWithoutPlace: the agency's office channels (its own operator or
// none) that name no place are one site together; channels of another
// operator or of another kind are not the agency's sites.
func TestOfficesWithoutPlace(t *testing.T) {
	desk := &model.Channel{ID: "hq-desk", Kind: "office"}
	annex := &model.Channel{ID: "hq-annex", Kind: "office", Operator: model.Reserved}
	post := &model.Channel{ID: "post", Kind: "office", Operator: "poste"}
	web := &model.Channel{ID: "web", Kind: "digital"}
	for _, tc := range []struct {
		name     string
		channels []*model.Channel
		want     int
	}{
		{"no operator", []*model.Channel{desk}, 1},
		{"the agency operates it", []*model.Channel{annex}, 1},
		{"two without a place are one site", []*model.Channel{desk, annex}, 1},
		{"others' offices and other kinds", []*model.Channel{post, web}, 0},
	} {
		r := &model.Resolved{Scenario: &model.Scenario{Channels: tc.channels}}
		if got := offices(r, nil); got != tc.want {
			t.Errorf("%s: offices = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestServicePoints: every place a household is served in person, by kind.
// The fixture has 2 delegations and 3 antennas (5 own sites, the office at o1
// sharing the antenna's) and the post's counters in its 3 provinces; each
// case replaces its channels.
func TestServicePoints(t *testing.T) {
	src, err := os.ReadFile("testdata/option.yaml")
	if err != nil {
		t.Fatal(err)
	}
	terr, err := os.ReadFile("testdata/pays.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const channels = `  - { id: guichets, name: Guichets, kind: partner-counter, operator: poste, per: province, stages: [intake], cost: { setup: 10, annual: 1 } }
`
	if !strings.Contains(string(src), channels) {
		t.Fatal("the fixture's counters changed")
	}
	for _, tc := range []struct {
		name     string
		channels string
		offices  int
		byKind   []int // office, partner-counter, mobile-unit, agent-network
		total    int   // the service points: every kind but the agents' payment points
	}{
		{"one per province", channels, 5, []int{5, 3, 0, 0}, 8},
		// A real partner network has far more points than provinces.
		{"declared points", "  - { id: guichets, name: G, kind: partner-counter, operator: poste, per: province, points: 150 }\n", 5, []int{5, 150, 0, 0}, 155},
		{"declared none", "  - { id: guichets, name: G, kind: partner-counter, operator: poste, per: province, points: 0 }\n", 5, []int{5, 0, 0, 0}, 5},
		// Another operator's office is a partner's counter; mobile units
		// placed nowhere are one point; agents in each region, listed but
		// not counted; the web and the call centre are no place.
		{"every kind", "  - { id: guichets, name: G, kind: partner-counter, operator: poste, per: province, points: 0 }\n" +
			"  - { id: poste-bureaux, name: P, kind: office, operator: poste, at: e1 }\n" +
			"  - { id: caravanes, name: C, kind: mobile-unit, operator: agency }\n" +
			"  - { id: agents, name: A, kind: agent-network, operator: poste, per: region, points: 40 }\n" +
			"  - { id: appels, name: Appels, kind: call-centre, operator: agency }\n", 5, []int{5, 1, 1, 40}, 7},
		// The agency's reception desks declared as 12 points in the 3
		// provinces replace the sites there (the antennas', the office at
		// o1): 2 delegations + 12.
		{"own desks declared", "  - { id: guichets, name: G, kind: partner-counter, operator: poste, per: province, points: 0 }\n" +
			"  - { id: accueil, name: Accueil, kind: office, operator: agency, per: province, points: 12 }\n", 14, []int{14, 0, 0, 0}, 14},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			text := strings.Replace(string(src), channels, tc.channels, 1)
			for name, data := range map[string]string{"option.yaml": text, "pays.yaml": string(terr)} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			a := Analyze(load(t, filepath.Join(dir, "option.yaml")), Options{})
			var kinds []string
			var got []int
			for _, k := range a.Indicators.ServicePointsByKind {
				kinds, got = append(kinds, k.Kind), append(got, k.Points)
			}
			if want := []string{"office", "partner-counter", "mobile-unit", "agent-network"}; !reflect.DeepEqual(kinds, want) {
				t.Errorf("kinds %v, want %v", kinds, want)
			}
			if a.Indicators.Offices != tc.offices || !reflect.DeepEqual(got, tc.byKind) || a.Indicators.ServicePoints != tc.total {
				t.Errorf("offices %d, service points %d by kind %v; want %d, %d, %v",
					a.Indicators.Offices, a.Indicators.ServicePoints, got, tc.offices, tc.total, tc.byKind)
			}
		})
	}
}
