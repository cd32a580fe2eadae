package compare

import (
	"io/fs"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

type memFiles map[string]string

func (m memFiles) ReadFile(name string) ([]byte, error) {
	if s, ok := m[name]; ok {
		return []byte(s), nil
	}
	return nil, fs.ErrNotExist
}

// costStudy is two options on one basis: the study starts in 2026 for 2
// years at 10 %. "rapide" opens in 2026-07, "lente" in 2027-01 and declares
// no benefits.
var costStudy = memFiles{
	"study.yaml": `study:
  id: couts
  title: Coûts
  date: 2026-03
  horizon: 2
  discountRate: 0.1
  scenarios: [ { file: rapide.yaml, baseline: true }, { file: lente.yaml } ]
criteria:
  - { id: c-total, title: Total, metric: total-cost }
  - { id: c-part, title: Part, metric: admin-share }
`,
	"rapide.yaml": `scenario: { id: rapide, title: Rapide, currency: XOF, year: 2027 }
transition: { cost: 600, months: 12 }
phases: [ { id: ph, title: Ouverture, start: 2026-07 } ]
profiles: [ { id: agent, title: Agent, annualCost: 120 } ]
units: [ { id: dg, name: DG, kind: executive, phase: ph, cost: { setup: 50, annual: 24 }, staff: [ { profile: agent, count: 1 } ] } ]
demand: { households: 10, benefitsPerYear: 1440 }
`,
	"lente.yaml": `scenario: { id: lente, title: Lente, currency: XOF, year: 2028 }
phases: [ { id: ph, title: Ouverture, start: 2027-01 } ]
profiles: [ { id: agent, title: Agent, annualCost: 120 } ]
units: [ { id: dg, name: DG, kind: executive, phase: ph, staff: [ { profile: agent, count: 2 } ] } ]
`,
}

func TestCompareCosts(t *testing.T) {
	l := &model.Loader{Files: costStudy}
	set, ds, err := l.LoadSet([]string{"study.yaml"})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	res := Compare(set, Options{Draws: -1})
	// rapide: the transition 600 over 2026-07…2027-06 (300 a year), the DG
	// installed in 2026 (50), running 144 a year from July: 72 in 2026.
	// 2026 = 300 + 50 + 72 = 422; 2027 = 300 + 144 = 444; PV = 422 + 444/1.1.
	r := res.Scenarios[0].Costs
	want := []YearCost{{2026, 350, 72, 422}, {2027, 300, 144, 444}}
	if len(r.ByYear) != 2 || r.ByYear[0] != want[0] || r.ByYear[1] != want[1] {
		t.Errorf("rapide by year = %+v, want %+v", r.ByYear, want)
	}
	if r.OneOff != 650 || r.RunningPerYear != 144 || r.Total != 866 || r.HorizonYears != 2 || r.DiscountRate != 0.1 || !near(r.PresentValue, 422+444/1.1) {
		t.Errorf("rapide = %+v", r)
	}
	if r.PerHouseholdPerYear == nil || *r.PerHouseholdPerYear != 866.0/2/10 || r.AdminShare == nil || *r.AdminShare != 0.1 {
		t.Errorf("rapide per household %v, admin share %v; want 43.3, 0.1", r.PerHouseholdPerYear, r.AdminShare)
	}
	// lente: nothing in 2026 (the study's start, not its own), 240 in 2027.
	s := res.Scenarios[1].Costs
	if s.ByYear[0].Total != 0 || s.ByYear[1].Total != 240 || s.Total != 240 || s.AdminShare != nil || s.PerHouseholdPerYear != nil {
		t.Errorf("lente = %+v", s)
	}
	for name, want := range map[string]float64{"total-cost": 866, "one-off-cost": 650, "running-cost": 144, "admin-share": 0.1} {
		if v, ok := res.Scenarios[0].Metric(name); !ok || !near(v, want) {
			t.Errorf("rapide %s = %v %v, want %v", name, v, ok, want)
		}
	}
	// Unknown benefits: the admin share is missing, with its reason, never 0.
	if _, ok := res.Scenarios[1].Metric("admin-share"); ok {
		t.Error("lente has an admin share without benefits")
	}
	if m := res.Ranking.Missing; len(m) != 1 || m[0].Criterion != "c-part" || m[0].Scenario != "lente" || m[0].Reason != MissingBenefits {
		t.Errorf("missing = %+v, want c-part/lente/%s", m, MissingBenefits)
	}
	// Without the study, the options still share one start: the earliest
	// phase (2026-07), over the default horizon, undiscounted.
	set.Study = nil
	res = Compare(set, Options{})
	if c := res.Scenarios[1].Costs; c.ByYear[0].Year != 2026 || c.HorizonYears != 5 || c.DiscountRate != 0 || c.PresentValue != c.Total {
		t.Errorf("without a study: %+v", c)
	}
}
