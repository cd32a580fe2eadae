package synth

import (
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// TestNationalScenarioIsValid keeps the generator in step with the format.
func TestNationalScenarioIsValid(t *testing.T) {
	f := Files(National)
	l := &model.Loader{Files: f}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%v", ds[:min(len(ds), 10)])
	}
	// 1 + 49 central, 12 delegations, 75 antennas, 1,503 communal points.
	if got, want := len(r.Instances), 50+12+75+National; got != want {
		t.Errorf("instances = %d, want %d", got, want)
	}
	if len(r.Risks) != 300 || len(r.Interfaces) != 120 || len(r.Systems) != 30 || len(r.Actors) != 40 {
		t.Errorf("sizes: %d risks, %d interfaces, %d systems, %d actors", len(r.Risks), len(r.Interfaces), len(r.Systems), len(r.Actors))
	}
}
