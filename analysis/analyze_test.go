package analysis

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

func load(t *testing.T, name string) *model.Resolved {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	r, ds, err := l.Scenario(name)
	if err != nil {
		t.Fatal(err)
	}
	if ds.HasErrors() {
		t.Fatalf("fixture errors:\n%v", ds)
	}
	return r
}

func TestAnalyzeGolden(t *testing.T) {
	a := Analyze(load(t, "testdata/option.yaml"), Options{MaxSpan: 3})
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "option.json", append(b, '\n'))
}

// TestAnalyzeFigures checks the figures by hand, so the golden file is not the
// only witness.
func TestAnalyzeFigures(t *testing.T) {
	a := Analyze(load(t, "testdata/option.yaml"), Options{MaxSpan: 3})
	// Central 2+3+1+1+1 = 8 cadres; DR ouest 1 + 60000/10000 = 7, est 1 + 4 = 5;
	// 3 antennes × 3 agents = 9. Total 29.
	if a.Costs.Headcount != 29 {
		t.Errorf("headcount = %d, want 29", a.Costs.Headcount)
	}
	// Payroll: cadres 8+2 = 10 × 100 = 1000; agents 6+4+9 = 19 × 10 = 190.
	if a.Costs.Payroll != 1190 {
		t.Errorf("payroll = %v, want 1190", a.Costs.Payroll)
	}
	// Setup: 2 DR × 1000 + 3 guichets × 10 + si-gestion 500 = 2530; annual 200 + 3 + 50.
	if a.Costs.Setup != 2530 || a.Costs.Annual != 253 {
		t.Errorf("setup, annual = %v, %v; want 2530, 253", a.Costs.Setup, a.Costs.Annual)
	}
	// Admin share: running cost of a full year (1190 + 253) over the benefits 14430.
	if a.Indicators.AdminShare == nil || *a.Indicators.AdminShare != 0.1 {
		t.Errorf("admin share = %v, want 0.1", a.Indicators.AdminShare)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("gaps", a.RACI.Gaps, []string{"outreach", "assessment", "enrolment", "onboarding", "updates", "exit"})
	check("overlaps", a.RACI.Overlaps, []string{"intake"})
	check("mandate gaps", a.RACI.MandateGaps, []string{"m-evaluation"})
	check("idle", a.RACI.Idle, []string{"dir-si", "audit", "dr", "antenne"})
	check("segregation", a.RACI.Segregation, []Conflict{{Party: "dir-prestations", Stages: []string{"eligibility", "grievance"}}})
	// dg has 6 direct reports (4 directorates/services + 2 DR): over 3.
	check("over span", a.Structure.OverSpan, []Span{{Unit: "dg", Name: "DG", Layer: 1, Subordinates: 6}})
	check("layers", a.Structure.Layers, 3)
	// Standards: DR ouest needs 60000/5000 = 12 agents, has 6; est 8, has 4.
	check("capacity gap", a.Capacity.Gap, 6+4)
	// National cadres: 100000/10000 = 10 required, 10 planned.
	check("national", a.Capacity.National, []ProfileGap{{Profile: "cadre", Planned: 10, Required: 10, Gap: 0}})
	// 10 short of 12 + 8 + 10 = 30 required: a third.
	check("required", a.Capacity.Required, 30)
	check("capacity gap share", *a.Capacity.GapShare, 10.0/30)
	check("front office", a.Capacity.FrontOffice, 19)
	check("households per front-office agent", a.Capacity.HouseholdsPerFOA, 100000.0/19)
	check("personal data issues", len(a.Systems.PersonalData), 2)
	check("manual on chain", a.Systems.Manual[0].Interface, "i-paiement")
	check("critical systems", a.Systems.Critical, []string{"si-gestion"})
	// Sites: 2 DR + 3 antennes; the agency's own office at o1 shares the antenne's site: 5,
	// per million of the territory's 1,000,000 inhabitants.
	check("offices", a.Indicators.Offices, 5)
	check("offices per million", a.Indicators.OfficesPerMillion, 5.0)
	// Service points: those 5 own offices and the partner's counters in the 3 provinces.
	check("service points", a.Indicators.ServicePoints, 8)
	check("service points by kind", a.Indicators.ServicePointsByKind,
		[]KindPoints{{"office", 5}, {"partner-counter", 3}, {"mobile-unit", 0}, {"agent-network", 0}})
	check("staff per 10k households", a.Indicators.StaffPer10kHouseholds, 2.9)
	check("board", []any{a.Indicators.BoardSize, a.Indicators.IndependentShare}, []any{4, 0.5})
	check("territorial share", a.Indicators.TerritorialShare, 21.0/29)
	// Phases sorted by start: ph-1 (2027) has only the central units; ph-2 everything.
	check("phase order", []string{a.Phases[0].Phase, a.Phases[1].Phase}, []string{"ph-1", "ph-2"})
	check("phase 1 headcount", a.Phases[0].Headcount, 8)
	check("phase 2 headcount", a.Phases[1].Headcount, 29)
	check("phase 2 offices", a.Phases[1].Offices, 5)
	check("phase 2 opens", a.Phases[1].Opens, []string{"dr", "antenne", "bureau-ouest"})
	check("uncovered grievance", a.Capacity.Channels[1].Uncovered, []string{})
}
