package benchmarks

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// Comparison sets one scenario beside the countries.
type Comparison struct {
	Scenario   string          `json:"scenario"`
	Title      string          `json:"title"`
	Own        string          `json:"ownCountry,omitempty"` // the territory's country (ISO code, lower case) when among the countries
	Countries  []Country       `json:"countries"`
	Frame      []FrameRow      `json:"institution"`
	Indicators []Indicator     `json:"indicators"`
	Chain      []StageRow      `json:"chain"`
	Peers      []Peer          `json:"peers"`          // the other countries, nearest first
	Self       *Peer           `json:"self,omitempty"` // the scenario's own country, shown apart: not a peer
	Lessons    []AppliedLesson `json:"lessons"`
}

// Country names one country of the comparison.
type Country struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"nameEn,omitempty"`
	Agency string `json:"agency"`
	Short  string `json:"shortName,omitempty"`
	Own    bool   `json:"own,omitempty"` // the scenario's own country
}

// FrameRow is one field of the institutional frame across the countries.
type FrameRow struct {
	Field     string   `json:"field"`
	Scenario  string   `json:"scenario"`
	Countries []string `json:"countries"` // in the order of Comparison.Countries; "unknown" where unknown
}

// Indicator is one figure for the scenario and each country, with the
// comparable countries' minimum, median and maximum.
type Indicator struct {
	Key      string   `json:"key"`
	Unit     string   `json:"unit"`
	Scenario *float64 `json:"scenario"`
	Values   []Value  `json:"countries"`
	Min      *float64 `json:"min"`
	Median   *float64 `json:"median"`
	Max      *float64 `json:"max"`
	Position string   `json:"position,omitempty"` // below-min, low, high, above-max
	Peers    int      `json:"comparable"`
}

// Value is one country's figure for an indicator and how it was obtained.
type Value struct {
	Country    string   `json:"country"`
	Known      bool     `json:"known"`
	Value      float64  `json:"value"`
	Unit       string   `json:"unit,omitempty"`
	Comparable bool     `json:"comparable"`        // same basis as the scenario: counted in min, median, max and the position
	Reasons    []string `json:"reasons,omitempty"` // why it is not comparable: Reason* keys
	Basis      string   `json:"basis,omitempty"`
	Terms      []Term   `json:"terms,omitempty"` // the figures Basis is computed from, for a report to word in its language
	Sources    []string `json:"sources,omitempty"`
}

// Term is one figure a value is computed from: a count with its unit (or a
// territorial level's name), its year and, for an indicator figure, its basis.
type Term struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
	Year  string  `json:"year,omitempty"`
	Basis string  `json:"basis,omitempty"` // caseload, cumulative, programme, agency, budget, benefits
}

// StageRow is who is accountable for one delivery-chain stage.
type StageRow struct {
	Stage     string  `json:"stage"`
	Scenario  []Party `json:"scenario"`
	Countries []Party `json:"countries"` // in the order of Comparison.Countries
}

// Party is an accountable institution, classified.
type Party struct {
	Party  string `json:"party"` // agency, ministry, registry-agency, social-security, bank, post, local-government, other, unknown
	Who    string `json:"who,omitempty"`
	Source string `json:"source,omitempty"`
}

// Peer is a country by similarity to the scenario.
type Peer struct {
	Country string   `json:"country"`
	Score   float64  `json:"score"` // features that match, an unknown one counting half, over all features: 0–1
	Known   int      `json:"features"`
	Near    []string `json:"near"`
	Far     []string `json:"far"`
}

// AppliedLesson is a country's lesson that speaks to one of the scenario's choices.
type AppliedLesson struct {
	Country string   `json:"country"`
	Lesson  string   `json:"lesson"`
	Text    string   `json:"text"`
	Because []string `json:"because"` // the matching choices, field=value
	Source  string   `json:"source"`
}

// The indicator keys, in display order.
const (
	StaffPer10k       = "staff-per-10k-beneficiaries"
	Offices           = "offices"
	OfficesPerMillion = "offices-per-million-inhabitants"
	BoardSize         = "board-size"
	IndependentShare  = "independent-member-share"
	TerritorialTiers  = "territorial-tiers"
	AdminCostShare    = "admin-cost-share"
)

// Compare sets a scenario and its analysis beside the countries. The
// scenario's own country (its territory's `country`) is shown, but apart:
// it is no peer, and its figures are not counted among the countries'.
func Compare(r *model.Resolved, a *analysis.Analysis, countries []*model.CountryFile) *Comparison {
	c := &Comparison{Scenario: r.Header.ID, Title: r.Header.Title, Countries: []Country{}, Lessons: []AppliedLesson{}}
	own := OwnCountry(r)
	for _, cf := range countries {
		h := cf.Country
		co := Country{ID: h.ID, Name: h.Name, NameEn: h.NameEn, Agency: h.Agency, Short: h.Short, Own: own != "" && strings.EqualFold(h.ID, own)}
		if co.Own {
			c.Own = h.ID
		}
		c.Countries = append(c.Countries, co)
	}
	c.Frame = frame(r, a, countries)
	c.Indicators = indicators(a, countries, c.Own)
	c.Chain = chain(r, a, countries)
	c.Peers, c.Self = rankPeers(features(r, a), countries, c.Own)
	c.Lessons = lessons(r, countries)
	return c
}

// OwnCountry is the ISO code of the scenario's territory's country, lower
// case like the country files' ids; empty when the territory declares none.
func OwnCountry(r *model.Resolved) string {
	if r == nil || r.Territory == nil || r.Territory.TerritoryFile == nil {
		return ""
	}
	return strings.ToLower(r.Territory.Territory.Country)
}

// features are the scenario's choices in the terms of the country files.
func features(r *model.Resolved, a *analysis.Analysis) map[string]string {
	f := map[string]string{}
	if in := r.Institution; in != nil {
		f["legalForm"], f["staffStatus"], f["registry"], f["payments"] = in.LegalForm, in.StaffStatus, in.Registry, in.Payments
		f["financialAutonomy"] = yesNo(in.FinancialAutonomy)
	}
	f["board"] = yesNo(slices.ContainsFunc(r.Bodies, func(b *model.Body) bool { return b.Kind == "board" }))
	if a != nil {
		f["territorialNetwork"] = yesNo(len(a.Indicators.TerritorialTiers) > 0)
	}
	return f
}

func countryFeatures(cf *model.CountryFile) map[string]string {
	f := map[string]string{}
	if in := cf.Institution; in != nil {
		f["legalForm"], f["staffStatus"], f["registry"], f["payments"] = in.LegalForm, in.StaffStatus, in.Registry, in.Payments
		f["financialAutonomy"] = in.FinancialAutonomy
	}
	if cf.Board != nil {
		f["board"] = cf.Board.Exists
	}
	network := "unknown"
	for _, l := range cf.Territory {
		if l.Tier != "" && l.Tier != "central" && (l.Count.Known || (l.Offices != "" && l.Offices != "unknown")) {
			network = "yes"
		}
	}
	if network == "unknown" && len(cf.Territory) > 0 {
		network = "no"
	}
	f["territorialNetwork"] = network
	for k, v := range f {
		if v == "" {
			f[k] = "unknown"
		}
	}
	return f
}

// FrameFields are the compared fields of the institutional frame.
var FrameFields = []string{"legalForm", "financialAutonomy", "staffStatus", "registry", "payments", "board", "territorialNetwork"}

func frame(r *model.Resolved, a *analysis.Analysis, countries []*model.CountryFile) []FrameRow {
	sf := features(r, a)
	var rows []FrameRow
	for _, field := range FrameFields {
		row := FrameRow{Field: field, Scenario: sf[field]}
		for _, cf := range countries {
			row.Countries = append(row.Countries, countryFeatures(cf)[field])
		}
		rows = append(rows, row)
	}
	return rows
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// rankPeers scores every country against a scenario's features, nearest
// first; the country whose id is own is returned apart.
func rankPeers(sf map[string]string, countries []*model.CountryFile, own string) ([]Peer, *Peer) {
	out := []Peer{}
	var self *Peer
	for _, cf := range countries {
		p := score(sf, cf.Country.ID, countryFeatures(cf))
		if own != "" && strings.EqualFold(cf.Country.ID, own) {
			self = &p
			continue
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(x, y Peer) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(y.Known, x.Known), strings.Compare(x.Country, y.Country))
	})
	return out, self
}

// score sets a scenario's features beside one country's.
func score(sf map[string]string, id string, cfeat map[string]string) Peer {
	p := Peer{Country: id, Near: []string{}, Far: []string{}}
	for _, field := range FrameFields {
		s, v := sf[field], cfeat[field]
		if s == "" || v == "" || v == "unknown" {
			continue
		}
		p.Known++
		if s == v {
			p.Near = append(p.Near, field+"="+v)
		} else {
			p.Far = append(p.Far, fmt.Sprintf("%s=%s (scenario: %s)", field, v, s))
		}
	}
	m, n := p.Tally()
	p.Score = m / float64(n)
	return p
}

// Tally is a peer's similarity as a count: the features it shares with the
// scenario, an unknown one counting half (so that a country known on two
// features does not outrank one known on six), out of every feature of the
// frame. Score is their ratio; a report shows the count beside it (5.5/7).
func (p Peer) Tally() (matched float64, of int) {
	return float64(len(p.Near)) + 0.5*float64(len(FrameFields)-p.Known), len(FrameFields)
}

func lessons(r *model.Resolved, countries []*model.CountryFile) []AppliedLesson {
	sf := features(r, nil)
	var out []AppliedLesson
	for _, cf := range countries {
		for _, l := range cf.Lessons {
			if len(l.When) == 0 {
				continue
			}
			var because []string
			ok := true
			for _, k := range slices.Sorted(maps.Keys(l.When)) {
				if sf[k] != l.When[k] {
					ok = false
					break
				}
				because = append(because, k+"="+l.When[k])
			}
			if ok {
				out = append(out, AppliedLesson{Country: cf.Country.ID, Lesson: l.ID, Text: l.Text, Because: because, Source: l.Source})
			}
		}
	}
	if out == nil {
		out = []AppliedLesson{}
	}
	return out
}
