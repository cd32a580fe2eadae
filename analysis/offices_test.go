package analysis

import (
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
