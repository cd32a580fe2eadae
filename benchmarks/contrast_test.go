package benchmarks

import (
	"reflect"
	"testing"

	"github.com/orgdesign/orgdesign/model"
)

// frameOf is a country file with an institutional frame, a board and a
// territorial network.
func frameOf(id, legalForm, autonomy, staff, registry, payments, board string) *model.CountryFile {
	return &model.CountryFile{Country: model.CountryHeader{ID: id},
		Institution: &model.CountryFrame{LegalForm: legalForm, FinancialAutonomy: autonomy, StaffStatus: staff, Registry: registry, Payments: payments},
		Board:       &model.CountryBoard{Exists: board},
		Territory:   []*model.CountryLevel{{Tier: "regional", Count: model.Quantity{Value: 10, Known: true}}}}
}

// option is a scenario's comparison built as Compare builds it, from its
// features (the frame's fields, in order) and the countries.
func option(id string, values []string, countries []*model.CountryFile) *Comparison {
	sf := map[string]string{}
	for i, f := range FrameFields {
		sf[f] = values[i]
	}
	c := &Comparison{Scenario: id}
	for _, cf := range countries {
		c.Countries = append(c.Countries, Country{ID: cf.Country.ID})
	}
	for _, f := range FrameFields {
		row := FrameRow{Field: f, Scenario: sf[f]}
		for _, cf := range countries {
			row.Countries = append(row.Countries, countryFeatures(cf)[f])
		}
		c.Frame = append(c.Frame, row)
	}
	c.Peers, c.Self = rankPeers(sf, countries, "")
	return c
}

var contrastCountries = []*model.CountryFile{
	frameOf("aa", "autonomous-agency", "yes", "civil-service", "separate", "outsourced", "yes"),
	frameOf("bb", "ministry-department", "no", "civil-service", "internal", "in-house", "no"),
	frameOf("cc", "autonomous-agency", "yes", "own-statute", "separate", "outsourced", "yes"),
}

// The features, in the order of FrameFields: legalForm, financialAutonomy,
// staffStatus, registry, payments, board, territorialNetwork.
var (
	baseFeatures = []string{"autonomous-agency", "yes", "civil-service", "separate", "outsourced", "yes", "yes"}
	ownStatute   = []string{"autonomous-agency", "yes", "own-statute", "separate", "outsourced", "yes", "yes"}
	inHouse      = []string{"autonomous-agency", "yes", "civil-service", "separate", "in-house", "yes", "yes"}
)

// TestContrastBaseline: against the baseline (aa 7/7, cc 6/7, bb 2/7), the
// option with its own statute has cc nearest (7/7, aa 6/7, bb 1/7): its
// staff status brings cc nearer and pushes aa and bb away. An option with
// the baseline's features has the same peers: no country tells them apart.
func TestContrastBaseline(t *testing.T) {
	comps := []*Comparison{option("base", baseFeatures, contrastCountries), option("b", ownStatute, contrastCountries),
		option("c", baseFeatures, contrastCountries)}
	got := Contrasts(comps, "base")
	if got.Baseline != "base" || got.Same != "" || got.Shared != nil || !reflect.DeepEqual(got.Alike, [][]string{{"base", "c"}}) {
		t.Fatalf("baseline %q, same %q, shared %v, alike %v", got.Baseline, got.Same, got.Shared, got.Alike)
	}
	b := got.Options[1]
	if b.Nearest.Country != "cc" || b.Nearest.Score != 1 || len(b.Next) != 2 || b.Next[0].Country != "aa" || b.Next[0].Score != 6.0/7 {
		t.Errorf("b's peers: %+v then %+v", b.Nearest, b.Next)
	}
	if want := []FeatureChange{{Field: "staffStatus", Value: "own-statute", Reference: "civil-service"}}; !reflect.DeepEqual(b.Differs, want) {
		t.Errorf("b differs by %+v", b.Differs)
	}
	if !reflect.DeepEqual(b.Nearer, []string{"cc"}) || !reflect.DeepEqual(b.Farther, []string{"aa", "bb"}) {
		t.Errorf("b brings nearer %v, pushes away %v", b.Nearer, b.Farther)
	}
	// c is the baseline's twin; the baseline is set against most options (b's
	// own statute is one of two): no difference either.
	for _, i := range []int{0, 2} {
		if o := got.Options[i]; len(o.Differs) != 0 || len(o.Nearer) != 0 || o.Nearest.Country != "aa" {
			t.Errorf("%s: %+v", o.Scenario, o)
		}
	}
}

// TestContrastSameNearest: when every option has the same nearest peer
// (aa: 7/7 for the baseline, 6/7 for the option paying in-house), the
// contrast names it and the features every option shares with it, why it is
// nearest; the option in-house brings bb nearer and pushes aa and cc away.
func TestContrastSameNearest(t *testing.T) {
	got := Contrasts([]*Comparison{option("base", baseFeatures, contrastCountries), option("d", inHouse, contrastCountries)}, "")
	want := []string{"legalForm=autonomous-agency", "financialAutonomy=yes", "staffStatus=civil-service", "registry=separate", "board=yes", "territorialNetwork=yes"}
	if got.Baseline != "" || got.Same != "aa" || !reflect.DeepEqual(got.Shared, want) || got.Alike != nil {
		t.Fatalf("baseline %q, same %q, shared %v, alike %v", got.Baseline, got.Same, got.Shared, got.Alike)
	}
	// Without a baseline, each is set against the other: both differ by payments.
	d := got.Options[1]
	if want := []FeatureChange{{Field: "payments", Value: "in-house", Reference: "outsourced"}}; !reflect.DeepEqual(d.Differs, want) {
		t.Errorf("d differs by %+v", d.Differs)
	}
	if !reflect.DeepEqual(d.Nearer, []string{"bb"}) || !reflect.DeepEqual(d.Farther, []string{"aa", "cc"}) {
		t.Errorf("d brings nearer %v, pushes away %v", d.Nearer, d.Farther)
	}
	if base := got.Options[0]; !reflect.DeepEqual(base.Nearer, []string{"aa", "cc"}) || !reflect.DeepEqual(base.Farther, []string{"bb"}) {
		t.Errorf("base brings nearer %v, pushes away %v", base.Nearer, base.Farther)
	}
	// d's next peers after aa (6/7): cc (5/7), bb (3/7).
	if len(d.Next) != 2 || d.Next[0].Country != "cc" || d.Next[0].Score != 5.0/7 || d.Next[1].Country != "bb" || d.Next[1].Score != 3.0/7 {
		t.Errorf("d's next peers %+v", d.Next)
	}
}

// TestContrastOne: one option is no contrast.
func TestContrastOne(t *testing.T) {
	if got := Contrasts([]*Comparison{option("base", baseFeatures, contrastCountries)}, "base"); got != nil {
		t.Errorf("got %+v", got)
	}
}
