package compare

import (
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

func loadScenario(t *testing.T, name string) *model.Resolved {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	r, ds, err := l.Scenario(name)
	if err != nil || r == nil || ds.HasErrors() {
		t.Fatalf("%s: %v\n%v", name, err, ds)
	}
	return r
}

func diffFixture(t *testing.T) *Diff {
	t.Helper()
	return DiffScenarios(loadScenario(t, "testdata/diff/before.yaml"), loadScenario(t, "testdata/diff/after.yaml"), DiffOptions{})
}

func check[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func TestDiffFixture(t *testing.T) {
	d := diffFixture(t)
	check(t, "versions", [2]Version{d.From, d.To}, [2]Version{
		{Scenario: "agence-test", Title: "Agence de test", File: "testdata/diff/before.yaml"},
		{Scenario: "agence-test", Title: "Agence de test", File: "testdata/diff/after.yaml"}})
	check(t, "units", d.Units, []UnitChange{
		{Change: Added, Unit: "dir-new", Name: "Direction nouvelle", Tier: "central", ReportsTo: "dg"},
		{Change: Removed, Unit: "dir-ops", Name: "Direction des opérations", Tier: "central", ReportsTo: "dg"},
		{Change: Moved, Unit: "dir-b", Name: "Direction B", Tier: "central", ReportsTo: "dir-a", OldReportsTo: "dg"},
		{Change: Renamed, Unit: "svc-x", Name: "Service X bis", OldName: "Service X", Tier: "central", ReportsTo: "dir-a"},
		{Change: RenameCandidate, Unit: "cell-qualite", OldUnit: "cell-1", Name: "Cellule qualité", Tier: "central", ReportsTo: "dg"},
	})
	// dr: 3 → 4 per region, two regions; 100,000 a head.
	check(t, "staff", d.Staff, []StaffDelta{
		{Tier: "central", Headcount: Delta{21, 21, 0}, Payroll: Delta{2_100_000, 2_100_000, 0}},
		{Tier: "regional", Headcount: Delta{6, 8, 2}, Payroll: Delta{600_000, 800_000, 200_000}},
		{Tier: TotalTier, Headcount: Delta{27, 29, 2}, Payroll: Delta{2_700_000, 2_900_000, 200_000}},
	})
	none := []string{}
	check(t, "mandates", d.Mandates, []RACIChange{
		{Change: Changed, Subject: "m-controle", Title: "Contrôler", AccountableFrom: []string{"cell-1"}, AccountableTo: []string{"cell-qualite"},
			ResponsibleAdded: []string{"dir-new"}, ResponsibleRemoved: []string{"dir-ops"}},
		{Change: Changed, Subject: "m-gestion", Title: "Gérer le programme", AccountableFrom: []string{"dir-a"}, AccountableTo: []string{"dir-b"},
			ResponsibleAdded: none, ResponsibleRemoved: none},
	})
	check(t, "chain", d.Chain, []RACIChange{
		{Change: Changed, Subject: "intake", AccountableFrom: []string{"dir-ops"}, AccountableTo: []string{"dir-new"}, ResponsibleAdded: none, ResponsibleRemoved: none},
		{Change: Changed, Subject: "eligibility", AccountableFrom: []string{"dir-a"}, AccountableTo: []string{"dir-b"}, ResponsibleAdded: none, ResponsibleRemoved: none},
		{Change: Changed, Subject: "grievance", AccountableFrom: []string{"dg"}, AccountableTo: []string{"dg"}, ResponsibleAdded: []string{"centre-appel"}, ResponsibleRemoved: none},
	})
	check(t, "interfaces", d.Interfaces, []InterfaceChange{
		{Change: Removed, ID: "i-paie", From: "s-gestion", To: "s-paie", Fields: []FieldChange{}},
	})
	// r-donnees: likelihood 3 → 4, impact 4, the mitigation still takes 1 off the likelihood.
	score := func(l, i int) *risk.Score { s := risk.NewScore(l, i); return &s }
	check(t, "risks", d.Risks, []RiskChange{
		{Change: Rescored, ID: "r-donnees", Title: "Données du registre incohérentes", Origin: risk.OriginRegister,
			InherentFrom: score(3, 4), InherentTo: score(4, 4), ResidualFrom: score(2, 4), ResidualTo: score(3, 4)},
	})
	check(t, "channels", d.Channels, []ItemChange{{Change: Added, ID: "centre-appel", Name: "Centre d'appel"}})
	if d.Empty() {
		t.Error("the fixture's diff is empty")
	}
}

func TestDiffReversed(t *testing.T) {
	// after → before: the mirror image (the rename candidate too).
	d := DiffScenarios(loadScenario(t, "testdata/diff/after.yaml"), loadScenario(t, "testdata/diff/before.yaml"), DiffOptions{})
	var got []string
	for _, u := range d.Units {
		got = append(got, u.Change+" "+u.Unit)
	}
	check(t, "units", got, []string{"added dir-ops", "removed dir-new", "moved dir-b", "renamed svc-x", "rename-candidate cell-1"})
	check(t, "interfaces", d.Interfaces[0].Change+" "+d.Interfaces[0].ID, "added i-paie")
	check(t, "channels", d.Channels[0].Change+" "+d.Channels[0].ID, "removed centre-appel")
	check(t, "total", d.Staff[len(d.Staff)-1].Payroll.Delta, -200_000.0)
}

func TestDiffIdentical(t *testing.T) {
	r := loadScenario(t, "testdata/diff/before.yaml")
	d := DiffScenarios(r, loadScenario(t, "testdata/diff/before.yaml"), DiffOptions{})
	if !d.Empty() {
		t.Errorf("a scenario differs from itself: %+v", d)
	}
}

func TestDiffInterfaceFields(t *testing.T) {
	from := []*model.Interface{{ID: "i", From: "a", To: "b", Mode: "api", Agreement: "signed", PersonalData: true}}
	to := []*model.Interface{{ID: "i", From: "a", To: "b", Mode: "file", Agreement: "draft", LegalBasis: "Loi 9", PersonalData: true}}
	check(t, "changes", diffInterfaces(from, to), []InterfaceChange{{Change: Changed, ID: "i", From: "a", To: "b", Fields: []FieldChange{
		{"mode", "api", "file"}, {"agreement", "signed", "draft"}, {"legalBasis", "", "Loi 9"}}}})
}
