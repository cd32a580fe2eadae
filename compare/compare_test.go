package compare

import (
	"reflect"
	"slices"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// loadStudy loads the comparison fixture and the benchmarks package's two
// fixture countries.
func loadStudy(t *testing.T) (*model.Set, []*model.CountryFile) {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	set, ds, err := l.LoadSet([]string{"testdata/study/study.yaml"})
	if err != nil || ds.HasErrors() || len(set.Scenarios) != 3 {
		t.Fatalf("the fixture: %v\n%v", err, ds)
	}
	countries, ds, err := benchmarks.Read(benchmarks.Group{Files: model.OSFiles{},
		Names: []string{"../benchmarks/testdata/xx.yaml", "../benchmarks/testdata/yy.yaml"}})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return set, countries
}

func TestCompareFigures(t *testing.T) {
	set, countries := loadStudy(t)
	res := Compare(set, Options{Countries: countries, Seed: 3})
	if res.Study != "etude-test" || res.Ranking == nil || res.Sensitivity == nil || res.Sensitivity.Draws != DefaultDraws {
		t.Fatalf("study %q, ranking %v, sensitivity %+v", res.Study, res.Ranking != nil, res.Sensitivity)
	}
	type key struct {
		id                           string
		baseline                     bool
		headcount                    int
		payroll, annual, setup, cost float64
		months                       float64
		prerequisites, offices, gaps int
	}
	want := []key{
		{"option-a", true, 10, 1_000_000, 0, 0, 1_000_000, 6, 0, 0, 6},
		{"option-b", false, 20, 1_600_000, 200_000, 1_000_000, 4_000_000, 18, 1, 2, 6},
		{"option-c", false, 15, 1_260_000, 80_000, 400_000, 2_500_000, 12, 0, 1, 6},
	}
	for i, w := range want {
		f := res.Scenarios[i]
		got := key{f.Scenario, f.Baseline, f.Headcount, f.Payroll, f.AnnualCost, f.SetupCost, *f.TransitionCost, *f.TransitionMonths, f.Prerequisites, f.Offices, f.ChainGaps}
		if got != w {
			t.Errorf("figures of %s:\n got %+v\nwant %+v", w.id, got, w)
		}
		// The risk and benchmark figures are those of their packages.
		r := set.Scenarios[i]
		a := analysis.Analyze(r, analysis.Options{})
		ra, _ := risk.Assess(r, a, risk.Options{})
		bc := benchmarks.Compare(r, a, countries)
		if f.Exposure != ra.Exposure() || f.HighRisks != ra.AtOrAbove(risk.High) || f.CriticalRisks != ra.AtOrAbove(risk.Critical) {
			t.Errorf("%s: exposure %d, high %d, critical %d; the risk package says %d, %d, %d", f.Scenario, f.Exposure, f.HighRisks, f.CriticalRisks,
				ra.Exposure(), ra.AtOrAbove(risk.High), ra.AtOrAbove(risk.Critical))
		}
		if f.NearestPeer != bc.Peers[0].Country || f.PeerScore == nil || *f.PeerScore != bc.Peers[0].Score {
			t.Errorf("%s: nearest peer %s %v, want %s %v", f.Scenario, f.NearestPeer, f.PeerScore, bc.Peers[0].Country, bc.Peers[0].Score)
		}
		if v, ok := f.Metric("open-findings"); !ok || f.OpenFindings != ra.OpenFindings() || v != float64(ra.OpenFindings()) {
			t.Errorf("%s: open findings %d (metric %v %v); the risk package says %d", f.Scenario, f.OpenFindings, v, ok, ra.OpenFindings())
		}
		if v, ok := f.Metric("residual-risk"); !ok || v != float64(ra.Exposure()) {
			t.Errorf("%s: residual-risk metric %v %v, want the exposure %d", f.Scenario, v, ok, ra.Exposure())
		}
		if d, ok := f.Metric("benchmark-distance"); !ok || !near(d, 1-bc.Peers[0].Score) {
			t.Errorf("%s: benchmark distance %v %v", f.Scenario, d, ok)
		}
	}
	// Nobody scored c-textes: three missing values, and the government loses it.
	var missing []string
	for _, m := range res.Ranking.Missing {
		missing = append(missing, m.Criterion+"/"+m.Scenario)
	}
	if !slices.Equal(missing, []string{"c-textes/option-a", "c-textes/option-b", "c-textes/option-c"}) {
		t.Errorf("missing %v", missing)
	}
}

func TestCompareOptions(t *testing.T) {
	set, _ := loadStudy(t)
	// No countries: no peer, the benchmark distance is missing, not 0.
	res := Compare(set, Options{Draws: -1})
	if res.Scenarios[0].PeerScore != nil || res.Scenarios[0].NearestPeer != "" {
		t.Errorf("a peer without countries: %+v", res.Scenarios[0])
	}
	reasons := map[string]int{}
	for _, m := range res.Ranking.Missing {
		reasons[m.Criterion+"/"+m.Reason]++
	}
	if reasons["c-distance/no-benchmark"] != 3 {
		t.Errorf("missing: %v", reasons)
	}
	if len(res.Sensitivity.First) != 0 || res.Sensitivity.Draws != 0 {
		t.Errorf("draws without asking: %+v", res.Sensitivity)
	}
	// Another study's criteria replace the set's.
	other := &model.Study{Header: model.StudyHeader{ID: "autre"}, Criteria: []*model.Criterion{{ID: "h", Metric: "headcount"}}}
	res = Compare(set, Options{Study: other, Draws: 10})
	if res.Study != "autre" || len(res.Ranking.Criteria) != 1 || res.Ranking.Combined.Leader() != "option-a" {
		t.Errorf("with another study: %q %+v", res.Study, res.Ranking.Combined)
	}
	// No study: the figures alone.
	set.Study = nil
	if res = Compare(set, Options{}); res.Ranking != nil || res.Sensitivity != nil || len(res.Scenarios) != 3 {
		t.Errorf("without a study: %+v", res)
	}
}

// TestNearestPeerOwnCountry: two options in a Jordan-like territory
// (country JO) against the embedded countries: Jordan, which their frame
// resembles most, is no one's nearest peer; the contrast says Jordan is left
// out and that the mixed staff status of the second option brings Pakistan
// nearer (5 of its 6 known features match: 5.5 / 7).
func TestNearestPeerOwnCountry(t *testing.T) {
	countries, _, err := benchmarks.Load(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &model.Loader{Files: model.OSFiles{}}
	set, ds, err := l.LoadSet([]string{"../benchmarks/testdata/jordan/option.yaml", "../benchmarks/testdata/jordan/option-mixte.yaml"})
	if err != nil || ds.HasErrors() || len(set.Scenarios) != 2 {
		t.Fatalf("the fixture: %v\n%v", err, ds)
	}
	res := Compare(set, Options{Countries: countries, Draws: -1})
	for _, f := range res.Scenarios {
		if f.NearestPeer == "jo" || f.NearestPeer == "" {
			t.Errorf("%s: nearest peer %q", f.Scenario, f.NearestPeer)
		}
	}
	if f := res.Scenarios[1]; f.NearestPeer != "pk" || *f.PeerScore != 5.5/7 {
		t.Errorf("the mixed option's nearest peer: %s (%v)", f.NearestPeer, *f.PeerScore)
	}
	p := res.Peers
	if p == nil || p.Own != "jo" || len(p.Options) != 2 || p.Alike != nil {
		t.Fatalf("contrast %+v", p)
	}
	mixed := p.Options[1]
	if len(mixed.Differs) != 1 || mixed.Differs[0] != (benchmarks.FeatureChange{Field: "staffStatus", Value: "mixed", Reference: "own-statute"}) ||
		!slices.Contains(mixed.Nearer, "pk") {
		t.Errorf("the mixed option: %+v", mixed)
	}
}

// TestCompareTriage: the comparison returns the warnings about triages
// naming a finding the rules do not produce, from the assessments its
// figures come from — what risk.CheckScenarios finds on its own.
func TestCompareTriage(t *testing.T) {
	set, countries := loadStudy(t)
	b := set.Scenarios[1]
	saved := b.Dismissed
	b.Dismissed = append(slices.Clone(saved), &model.Dismissal{Finding: "span-over-limit-personne", Reason: "Plus d'actualité."})
	defer func() { b.Dismissed = saved }()
	res := Compare(set, Options{Countries: countries, Draws: -1})
	var got []string
	for _, d := range res.Triage {
		got = append(got, d.Code+" "+d.Message)
	}
	want := []string{`unknown-finding the rules produce no finding "span-over-limit-personne" in option-b`}
	if !slices.Equal(got, want) {
		t.Errorf("triage %q, want %q", got, want)
	}
	if alone := risk.CheckScenarios(set.Scenarios, analysis.Options{}); !reflect.DeepEqual(alone, res.Triage) {
		t.Errorf("compare's triage %v, risk.CheckScenarios %v", res.Triage, alone)
	}
}
