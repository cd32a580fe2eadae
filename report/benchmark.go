package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
)

// EmbeddedBenchmarks reads the countries and the international instruments
// embedded in the benchmarks package.
func EmbeddedBenchmarks() (*Benchmarks, error) {
	countries, ds, err := benchmarks.Load(nil, nil)
	if err != nil {
		return nil, err
	}
	if ds.HasErrors() {
		return nil, fmt.Errorf("report: the embedded country files have errors:\n%v", ds)
	}
	ins, ds, err := benchmarks.Instruments()
	if err != nil {
		return nil, err
	}
	if ds.HasErrors() {
		return nil, fmt.Errorf("report: the embedded instrument files have errors:\n%v", ds)
	}
	return &Benchmarks{Countries: countries, Instruments: ins}, nil
}

// comparer words one scenario's comparison in the report's language.
type comparer struct {
	*namer
	files   map[string]*model.CountryFile
	names   map[string]string   // country id → name
	used    map[string][]string // country id → the ids of its sources shown, in order of use
	c       *benchmarks.Comparison
	indexOf map[string]int // country id → its place in c.Countries
}

// buildComparison sets the scenario beside the countries; nil without countries.
func buildComparison(res *model.Resolved, a *analysis.Analysis, n *namer, countries []*model.CountryFile) *Comparison {
	if len(countries) == 0 {
		return nil
	}
	k := &comparer{namer: n, files: map[string]*model.CountryFile{}, names: map[string]string{}, used: map[string][]string{},
		c: benchmarks.Compare(res, a, countries), indexOf: map[string]int{}}
	out := &Comparison{}
	for i, co := range k.c.Countries {
		k.indexOf[co.ID] = i
		k.files[co.ID] = countries[i]
		name := co.Name
		if n.l.code == "en" && co.NameEn != "" {
			name = co.NameEn
		}
		k.names[co.ID] = name
		agency := co.Agency
		if co.Short != "" && !strings.Contains(agency, co.Short) {
			agency += " (" + co.Short + ")"
		}
		out.Countries = append(out.Countries, CountryRow{Code: strings.ToUpper(co.ID), Name: name, Agency: agency, Own: co.Own})
	}
	k.frame(out)
	k.indicators(out)
	k.chain(out, a)
	k.peers(out)
	k.lessons(out)
	k.sources(out)
	return out
}

// use records that a country's source is behind something shown, and cites it.
func (k *comparer) use(country, source string) Citation {
	if source == "" {
		return Citation{}
	}
	if !slices.Contains(k.used[country], source) {
		k.used[country] = append(k.used[country], source)
	}
	if cf := k.files[country]; cf != nil {
		return cite(cf.Sources, source)
	}
	return Citation{Text: source}
}

// frameLabels are the label keys of the compared fields of the frame.
var frameLabels = map[string]string{
	"legalForm": "legalForm", "financialAutonomy": "financialAutonomy", "staffStatus": "staffStatus", "registry": "registry",
	"payments": "payments", "board": "boardExists", "territorialNetwork": "territorialNetwork",
}

func (k *comparer) fieldLabel(field string) string { return fieldLabel(k.l, field) }

func fieldLabel(l *Language, field string) string { return l.Label(cmp.Or(frameLabels[field], field)) }

func (k *comparer) frameValue(field, v string) string { return frameValue(k.l, field, v) }

// frameValue translates a value of the frame: a closed list's, yes or no, unknown.
func frameValue(l *Language, field, v string) string {
	switch {
	case v == "":
		return "—"
	case v == "unknown":
		return l.Label("unknown")
	case field == "legalForm" || field == "staffStatus" || field == "registry" || field == "payments":
		return l.Enum(field, v)
	case v == "yes":
		return l.Label("yes")
	case v == "no":
		return l.Label("no")
	}
	return v
}

func (k *comparer) frame(out *Comparison) {
	for _, row := range k.c.Frame {
		out.FrameHeads = append(out.FrameHeads, k.fieldLabel(row.Field))
	}
	scenario := FrameRow{Name: k.l.Label("scenario"), Scenario: true}
	for _, row := range k.c.Frame {
		scenario.Cells = append(scenario.Cells, k.frameValue(row.Field, row.Scenario))
	}
	out.Frame = append(out.Frame, scenario)
	for i, co := range k.c.Countries {
		fr := FrameRow{Name: k.names[co.ID], Code: strings.ToUpper(co.ID)}
		for _, row := range k.c.Frame {
			fr.Cells = append(fr.Cells, k.frameValue(row.Field, row.Countries[i]))
		}
		cf := k.files[co.ID]
		if cf.Institution != nil {
			fr.Source = k.use(co.ID, cf.Institution.Source)
		}
		if cf.Board != nil {
			k.use(co.ID, cf.Board.Source)
		}
		out.Frame = append(out.Frame, fr)
	}
}

// value formats an indicator's figure.
func (k *comparer) value(key string, v float64) string {
	switch key {
	case benchmarks.StaffPer10k, benchmarks.OfficesPerMillion:
		return k.l.Number(v, 2)
	case benchmarks.IndependentShare, benchmarks.AdminCostShare:
		return k.l.Percent(v)
	}
	return k.l.Number(v, 0)
}

// unit translates an indicator's unit: "per 10,000 households" and the like,
// the beneficiary unit of a country file translated where known.
func (k *comparer) unit(u string) string {
	l := k.l
	if t, ok := l.strings.Get("benchUnit", u); ok {
		return t
	}
	if rest, ok := strings.CutPrefix(u, "per 10,000 "); ok {
		return l.Label("per10k") + " " + l.Enum("countUnit", rest)
	}
	return l.Enum("countUnit", u)
}

// term writes one figure of a basis: "800 posts (2020)".
func (k *comparer) term(t benchmarks.Term, unit string) string {
	s := k.l.Number(t.Value, 2) + " " + unit
	var about []string
	if t.Basis != "" { // what a staff or beneficiary figure counts
		about = append(about, k.l.Enum("figureBasis", t.Basis))
	}
	if t.Year != "" {
		about = append(about, t.Year)
	}
	if len(about) > 0 {
		s += " (" + strings.Join(about, ", ") + ")"
	}
	return s
}

// basis states how a country's value was obtained, in the report's language.
func (k *comparer) basis(key string, v benchmarks.Value) string {
	l := k.l
	switch {
	case key == benchmarks.StaffPer10k && len(v.Terms) == 2:
		return k.term(v.Terms[0], l.Enum("countUnit", v.Terms[0].Unit)) + " / " + k.term(v.Terms[1], l.Enum("countUnit", v.Terms[1].Unit)) +
			" × " + l.Number(10000, 0)
	case key == benchmarks.Offices && len(v.Terms) > 0:
		parts := make([]string, len(v.Terms))
		for i, t := range v.Terms {
			parts[i] = k.term(t, t.Unit)
		}
		return strings.Join(parts, " + ")
	case key == benchmarks.OfficesPerMillion && len(v.Terms) == 2:
		return k.term(v.Terms[0], l.Enum("countUnit", v.Terms[0].Unit)) + " / " + k.term(v.Terms[1], l.Enum("countUnit", v.Terms[1].Unit)) +
			" × " + l.Number(1e6, 0)
	case key == benchmarks.BoardSize && v.Basis == "no board":
		return l.Label("noBoard")
	case key == benchmarks.TerritorialTiers:
		if v.Basis == "" {
			return l.Label("noTerritorialLevel")
		}
		return k.enums("tier", strings.Split(v.Basis, ", "))
	case key == benchmarks.AdminCostShare && len(v.Terms) == 1:
		t := v.Terms[0]
		if t.Basis == "" {
			return t.Year
		}
		return l.Enum("figureBasis", t.Basis) + " (" + t.Year + ")"
	}
	return strings.TrimSpace(v.Basis)
}

func (k *comparer) indicators(out *Comparison) {
	l := k.l
	opt := func(key string, v *float64) string {
		if v == nil {
			return "—"
		}
		return k.value(key, *v)
	}
	for _, ind := range k.c.Indicators {
		label := l.Enum("benchIndicator", ind.Key)
		known := 0
		var points []ChartPoint
		for _, v := range ind.Values {
			if !v.Known {
				continue
			}
			known++
			text := k.value(ind.Key, v.Value)
			if v.Comparable {
				points = append(points, ChartPoint{Name: k.names[v.Country], Value: v.Value, Text: text})
			}
			var sources []Citation
			for _, s := range v.Sources {
				if c := k.use(v.Country, s); c.Text != "" && !slices.Contains(sources, c) {
					sources = append(sources, c)
				}
			}
			out.Bases = append(out.Bases, BasisRow{Indicator: label, Country: k.names[v.Country], Code: strings.ToUpper(v.Country), Value: text, Unit: k.unit(v.Unit),
				Basis: or(k.basis(ind.Key, v)), Comparable: l.yesNo(v.Comparable), Reasons: k.reasons(v.Reasons), Sources: sources})
		}
		bi := BenchIndicator{Key: ind.Key, Label: label, Unit: k.unit(ind.Unit), Scenario: opt(ind.Key, ind.Scenario),
			Min: opt(ind.Key, ind.Min), Median: opt(ind.Key, ind.Median), Max: opt(ind.Key, ind.Max),
			Comparable: l.Count(ind.Peers).Text + " / " + l.Count(known).Text, Position: "—"}
		if ind.Position != "" {
			bi.Position = l.Enum("position", ind.Position)
		}
		if len(points) > 0 && ind.Median != nil {
			bi.Chart = &IndicatorChart{Scenario: ind.Scenario, Median: *ind.Median, Points: points}
		}
		out.Indicators = append(out.Indicators, bi)
	}
}

// reasons words why a figure is not compared, joined.
func (k *comparer) reasons(keys []string) string {
	out := make([]string, len(keys))
	for i, r := range keys {
		out[i] = k.l.Enum("benchReason", r)
	}
	return strings.Join(out, k.l.Label("listSeparator"))
}

// party translates a kind of accountable party.
func (k *comparer) party(p string) string { return k.l.Enum("party", p) }

func (k *comparer) chain(out *Comparison, a *analysis.Analysis) {
	l := k.l
	for i, row := range k.c.Chain {
		var ids []string
		if i < len(a.RACI.Stages) && a.RACI.Stages[i].Stage == row.Stage {
			ids = a.RACI.Stages[i].Accountable
		}
		parts := make([]string, len(row.Scenario))
		for j, p := range row.Scenario {
			who := p.Who
			if j < len(ids) {
				who = k.short(ids[j])
			}
			parts[j] = k.party(p.Party) + " (" + who + ")"
		}
		scenario := strings.Join(parts, l.Label("listSeparator"))
		switch {
		case len(parts) == 0:
			scenario = "⚠ " + l.Label("gap")
		case len(parts) > 1:
			scenario += " ⚠ " + l.Label("overlap")
		}
		stage := l.Enum("stage", row.Stage)
		cr := ChainCompareRow{Stage: stage, Scenario: scenario}
		byParty := map[string][]string{}
		for j, p := range row.Countries {
			id := k.c.Countries[j].ID
			cell := "—"
			if p.Party != "unknown" {
				cell = k.party(p.Party)
			}
			cr.Cells = append(cr.Cells, cell)
			byParty[p.Party] = append(byParty[p.Party], strings.ToUpper(id))
			if p.Who != "" {
				out.ChainWho = append(out.ChainWho, ChainWhoRow{Stage: stage, Country: k.names[id], Party: k.party(p.Party), Who: p.Who,
					Source: k.use(id, p.Source)})
			} else if p.Source != "" {
				k.use(id, p.Source)
			}
		}
		for _, p := range model.CountryParties {
			if len(byParty[p]) > 0 {
				cr.Groups = append(cr.Groups, PartyGroup{Party: k.party(p), Countries: byParty[p]})
			}
		}
		out.Chain = append(out.Chain, cr)
	}
}

func (k *comparer) peers(out *Comparison) {
	l := k.l
	frame := map[string]benchmarks.FrameRow{}
	for _, row := range k.c.Frame {
		frame[row.Field] = row
	}
	for i, p := range k.c.Peers {
		row := k.peerRow(frame, p, i+1)
		out.Peers = append(out.Peers, row)
		if i == 0 && p.Known > 0 {
			out.NearestPeer = row.Country + " (" + tally(p, l) + ")"
		}
	}
	if p := k.c.Self; p != nil {
		row := k.peerRow(frame, *p, 0)
		out.Self = &row
		out.SelfNote = l.labelf("selfPeerNote", "{country}", row.Country)
	}
}

// tally is a peer's similarity as the count its score is: "5,5/7", an
// unknown feature counting half (benchmarks.Peer.Tally).
func tally(p benchmarks.Peer, l *Language) string {
	m, n := p.Tally()
	return l.Number(m, 1) + "/" + strconv.Itoa(n)
}

// peerRow words one country's similarity with the scenario; rank 0: no rank.
func (k *comparer) peerRow(frame map[string]benchmarks.FrameRow, p benchmarks.Peer, rank int) PeerRow {
	l := k.l
	idx := k.indexOf[p.Country]
	var near, far []string
	for _, f := range p.Near {
		field, _, _ := strings.Cut(f, "=")
		near = append(near, k.fieldLabel(field)+l.Label("colon")+" "+k.frameValue(field, frame[field].Countries[idx]))
	}
	for _, f := range p.Far {
		field, _, _ := strings.Cut(f, "=")
		far = append(far, k.fieldLabel(field)+l.Label("colon")+" "+k.frameValue(field, frame[field].Countries[idx])+
			" ("+l.Label("scenarioChoice")+l.Label("colon")+" "+k.frameValue(field, frame[field].Scenario)+")")
	}
	sep := l.Label("listSeparator")
	row := PeerRow{Country: k.names[p.Country], Code: strings.ToUpper(p.Country),
		Score: l.Percent(p.Score) + " (" + tally(p, l) + ")", Near: strings.Join(near, sep), Far: strings.Join(far, sep)}
	if rank > 0 {
		row.Rank = l.Count(rank)
	}
	if p.Known == 0 {
		row.Score = "—"
	}
	return row
}

func (k *comparer) lessons(out *Comparison) {
	l := k.l
	for _, ls := range k.c.Lessons {
		because := make([]string, len(ls.Because))
		for i, b := range ls.Because {
			field, v, _ := strings.Cut(b, "=")
			because[i] = k.fieldLabel(field) + l.Label("colon") + " " + k.frameValue(field, v)
		}
		out.Lessons = append(out.Lessons, LessonRow{Country: k.names[ls.Country], Code: strings.ToUpper(ls.Country), Text: ls.Text,
			Because: strings.Join(because, l.Label("listSeparator")), Source: k.use(ls.Country, ls.Source)})
	}
}

// sources lists, country by country, the sources behind what the section shows.
func (k *comparer) sources(out *Comparison) {
	for _, co := range k.c.Countries {
		cf := k.files[co.ID]
		for _, id := range k.used[co.ID] {
			for _, s := range cf.Sources {
				if s.ID == id {
					out.Sources = append(out.Sources, SourceRow{Country: k.names[co.ID], Source: citation(s.Title, s.URL),
						Reliability: k.l.Enum("reliability", cmp.Or(s.Reliability, "unspecified")), Date: k.l.date(s.Date)})
				}
			}
		}
	}
}

// stageReasons are the reasons whose detail is a delivery-chain stage; the
// others name an id of the scenario.
var stageReasons = []string{"stage-no-accountable", "chain-overlaps"}

// buildScorecard rates the scenario against the instruments' criteria.
func buildScorecard(res *model.Resolved, a *analysis.Analysis, n *namer, instruments []*model.InstrumentFile) []Instrument {
	if len(instruments) == 0 {
		return nil
	}
	l := n.l
	sources := map[string]string{}
	for _, as := range res.Assessment {
		sources[as.Criterion] = as.Source
	}
	rows := benchmarks.Scorecard(res, a, instruments)
	var out []Instrument
	for _, in := range instruments {
		h := in.Instrument
		title := h.Title
		if l.code == "en" && h.TitleEn != "" {
			title = h.TitleEn
		}
		ins := Instrument{Title: title, Source: citation(title, h.URL)}
		for _, r := range rows {
			if r.Instrument != h.ID {
				continue
			}
			sr := ScoreRow{Criterion: r.Criterion, Title: r.Title, Evidence: r.Evidence, Source: cite(res.Sources, sources[r.Criterion])}
			if l.code == "en" && r.TitleEn != "" {
				sr.Title = r.TitleEn
			}
			if r.Rating > 0 {
				sr.Rating = l.Enum("assessmentRating", strconv.Itoa(r.Rating))
			}
			var readings []string
			for _, p := range r.Proposals {
				text := reasonText(p, n)
				if p.Effect == "supports" {
					sr.Supports = append(sr.Supports, text)
				} else {
					sr.Weakens = append(sr.Weakens, text)
				}
				readings = append(readings, l.Enum("effect", p.Effect)+l.Label("colon")+" "+text)
			}
			sr.Readings = strings.Join(readings, l.Label("listSeparator"))
			ins.Rows = append(ins.Rows, sr)
		}
		out = append(out, ins)
	}
	return out
}

// reasonText words a proposal's reason, its detail named.
func reasonText(p benchmarks.Proposal, n *namer) string {
	text := n.l.Enum("scoreReason", p.Reason)
	detail := p.Detail
	if slices.Contains(stageReasons, p.Reason) {
		detail = n.l.Enum("stage", detail)
	} else {
		detail = n.name(detail)
	}
	return strings.ReplaceAll(text, "{detail}", detail)
}
