package benchmarks

import (
	"encoding/json"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

func fixture(t *testing.T) *Comparison {
	t.Helper()
	countries, ds, err := Read(Group{model.OSFiles{}, []string{"testdata/xx.yaml", "testdata/yy.yaml"}})
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	l := &model.Loader{Files: model.OSFiles{}}
	r, ds, err := l.Scenario("../analysis/testdata/option.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	return Compare(r, analysis.Analyze(r, analysis.Options{}), countries)
}

func TestCompareGolden(t *testing.T) {
	b, err := json.MarshalIndent(fixture(t), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "compare.json", append(b, '\n'))
}

func TestCompareFigures(t *testing.T) {
	c := fixture(t)
	byKey := map[string]Indicator{}
	for _, ind := range c.Indicators {
		byKey[ind.Key] = ind
	}
	// yy: 800 posts / 400,000 individuals: 20 per 10,000, not comparable with households.
	st := byKey[StaffPer10k]
	if v := st.Values[1]; !v.Known || v.Value != 20 || v.Comparable || v.Unit != "per 10,000 individuals" {
		t.Errorf("yy staff = %+v", v)
	}
	// xx has no staff figure: unknown, never 0.
	if st.Values[0].Known {
		t.Errorf("xx staff should be unknown: %+v", st.Values[0])
	}
	// Offices: yy 10 + 50 = 60, per million: 60 / 5,000,000 × 1e6 = 12.
	if v := byKey[OfficesPerMillion].Values[1]; v.Value != 12 {
		t.Errorf("yy offices per million = %+v", v)
	}
	// Board: xx has none (0), yy 12 with 3 independent (0.25).
	if a, b := byKey[BoardSize].Values[0], byKey[IndependentShare].Values[1]; a.Value != 0 || !a.Known || b.Value != 0.25 {
		t.Errorf("board = %+v, %+v", a, b)
	}
	// The scenario outsources payments like xx: xx's lesson applies; yy's does not (registry differs).
	if len(c.Lessons) != 1 || c.Lessons[0].Lesson != "xx-contrat-paiement" {
		t.Errorf("lessons = %+v", c.Lessons)
	}
	// xx shares legal form, registry and payments with the scenario: the nearest peer.
	if c.Peers[0].Country != "xx" || c.Peers[0].Score <= c.Peers[1].Score {
		t.Errorf("peers = %+v", c.Peers)
	}
	// Payment: the scenario's dir-finances is the agency; xx's a bank.
	for _, row := range c.Chain {
		if row.Stage == "payment" && (row.Scenario[0].Party != "agency" || row.Countries[0].Party != "bank") {
			t.Errorf("payment row = %+v", row)
		}
	}
}

// TestEmbeddedCountries: every embedded file is valid, which means every known
// figure has a year and a source the file declares.
func TestEmbeddedCountries(t *testing.T) {
	countries, ds, err := Load(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%v", ds)
	}
	if len(countries) < 15 {
		t.Errorf("%d countries, want at least 15", len(countries))
	}
	for _, c := range countries {
		for _, list := range [][]*model.Figure{c.Beneficiaries, c.Budget, c.Staff, c.AdminCostShare, c.Population} {
			for _, f := range list {
				if f.Value.Known && (f.Year == "" || f.Source == "") {
					t.Errorf("%s: a figure without year or source: %+v", c.Country.ID, f)
				}
			}
		}
	}
}

// TestPeerScoreUnknownHalf: a feature the country file leaves unknown counts
// half a match, so a country known on nothing scores one half, not 0 nor 1.
func TestPeerScoreUnknownHalf(t *testing.T) {
	l := &model.Loader{Files: model.OSFiles{}}
	r, ds, err := l.Scenario("../analysis/testdata/option.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	ps, _ := rankPeers(features(r, analysis.Analyze(r, analysis.Options{})), []*model.CountryFile{{Country: model.CountryHeader{ID: "zz"}}}, "")
	if len(ps) != 1 || ps[0].Known != 0 || ps[0].Score != 0.5 {
		t.Errorf("peers = %+v, want zz known on 0 features with score 0.5", ps)
	}
	// The count the score is: 7 unknown features, half each.
	if m, n := ps[0].Tally(); m != 3.5 || n != 7 {
		t.Errorf("tally %v/%d, want 3.5/7", m, n)
	}
}

// jordan loads the Jordan-like option, its territory's country JO or, with
// country "", none, and compares it with the embedded countries.
func jordan(t *testing.T, country string) *Comparison {
	t.Helper()
	countries, _, err := Load(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	l := &model.Loader{Files: model.OSFiles{}}
	r, ds, err := l.Scenario("testdata/jordan/option.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	r.Territory.Territory.Country = country
	return Compare(r, analysis.Analyze(r, analysis.Options{}), countries)
}

// TestOwnCountry: a scenario whose territory is in Jordan (country JO) has
// Jordan shown apart, as the country itself: not its nearest peer, which it
// would be otherwise, and not counted in the indicators' statistics.
func TestOwnCountry(t *testing.T) {
	without := jordan(t, "")
	if without.Peers[0].Country != "jo" || without.Self != nil || without.Own != "" {
		t.Fatalf("without a country, Jordan should be the nearest peer: %+v", without.Peers[0])
	}
	c := jordan(t, "JO")
	if c.Own != "jo" || c.Self == nil || c.Self.Country != "jo" || c.Self.Score != without.Peers[0].Score {
		t.Fatalf("own %q, self %+v", c.Own, c.Self)
	}
	if len(c.Peers) != len(without.Peers)-1 || c.Peers[0].Country == "jo" || c.Peers[0].Country != without.Peers[1].Country {
		t.Errorf("peers %+v", c.Peers[:2])
	}
	for _, p := range c.Peers {
		if p.Country == "jo" {
			t.Error("Jordan is among its own peers")
		}
	}
	for i, co := range c.Countries {
		if co.Own != (co.ID == "jo") {
			t.Errorf("country %d %s: own %v", i, co.ID, co.Own)
		}
	}
	// Jordan's known figures, its offices among them: shown, never compared.
	for _, ind := range c.Indicators {
		for _, v := range ind.Values {
			if v.Country == "jo" && v.Known && (v.Comparable || len(v.Reasons) == 0 || v.Reasons[0] != ReasonOwnCountry) {
				t.Errorf("%s: Jordan's value %+v", ind.Key, v)
			}
		}
	}
	for i, ind := range c.Indicators {
		if w := without.Indicators[i]; ind.Key == Offices && ind.Peers != w.Peers-1 {
			t.Errorf("offices: %d comparable with Jordan apart, %d without", ind.Peers, w.Peers)
		}
	}
}
