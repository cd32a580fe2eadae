package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
)

// buildAnalysis turns the figures of one scenario into the report's words.
func buildAnalysis(res *model.Resolved, a *analysis.Analysis, n *namer) *Analysis {
	l := n.l
	out := &Analysis{
		Costs:      buildCosts(res, a, n),
		Structure:  buildStructure(a.Structure, n),
		Chain:      buildChain(a.RACI, n),
		Capacity:   buildCapacity(res, a.Capacity, n),
		Systems:    buildSystems(a.Systems, n),
		Indicators: buildIndicators(a.Indicators, n),
		Phases:     buildPhases(a, n),
		Budget:     buildBudget(a.Budget, a, n),
	}
	out.Key = KeyFigures{
		StaffPer10k: l.Count(0),
		Offices:     l.Count(a.Indicators.Offices),
		CapacityGap: l.Count(a.Capacity.Gap),
		RACIGaps:    l.Count(len(a.RACI.Gaps) + len(a.RACI.MandateGaps)),
	}
	out.Key.ServicePoints, out.Key.PointsByKind = servicePointFigures(a.Indicators, l)
	if sh := a.Capacity.GapShare; sh != nil {
		out.Key.CapacityGap.Text += " (" + l.Percent(*sh) + ")"
	}
	if a.Indicators.Households > 0 {
		out.Key.StaffPer10k = Figure{Value: a.Indicators.StaffPer10kHouseholds, Text: l.Number(a.Indicators.StaffPer10kHouseholds, 2)}
	} else {
		out.Key.StaffPer10k.Text = "—"
	}
	return out
}

// namer gives the names of a scenario's ids in one language.
type namer struct {
	res       *model.Resolved
	l         *Language
	instances map[string]*model.Instance
	sole      map[string]*model.Instance // a unit template's instance, when it has exactly one
	cur       string
}

func newNamer(res *model.Resolved, l *Language) *namer {
	n := &namer{res: res, l: l, instances: map[string]*model.Instance{}, sole: map[string]*model.Instance{}, cur: res.Header.Currency}
	count := map[string]int{}
	for _, in := range res.Instances {
		n.instances[in.ID] = in
		n.sole[in.Template] = in
		count[in.Template]++
	}
	for t, c := range count {
		if c != 1 {
			delete(n.sole, t)
		}
	}
	return n
}

// name is the full name of an id: an actor with its short name, a unit (a
// replicated one with a generic word for its territory), a body, a channel, a
// system, a profile, a phase, a unit instance or a territory unit; the id
// itself when it names nothing.
func (n *namer) name(id string) string { return n.lookup(id, false) }

// short is the name to put in a crowded cell: an actor's short name.
func (n *namer) short(id string) string { return n.lookup(id, true) }

func (n *namer) lookup(id string, short bool) string {
	switch {
	case id == "":
		return ""
	case id == model.Reserved:
		return n.l.Label("agency")
	}
	if e := n.res.Lookup(id); e != nil {
		switch it := e.Item.(type) {
		case *model.Actor:
			switch {
			case it.ShortName == "":
				return it.Name
			case short:
				return it.ShortName
			}
			return it.Name + " (" + it.ShortName + ")"
		case *model.Unit:
			if it.Replicated() {
				return strings.ReplaceAll(it.Name, "{territory}", n.l.Label("anyTerritory"))
			}
			if in := n.sole[it.ID]; in != nil {
				return in.Name
			}
			return it.Name
		case *model.Body:
			return it.Name
		case *model.Channel:
			return it.Name
		case *model.System:
			return it.Name
		case *model.Profile:
			return it.Title
		case *model.Phase:
			return it.Title
		case *model.Mandate:
			return it.Title
		}
		return id
	}
	if in := n.instances[id]; in != nil {
		return in.Name
	}
	if n.res.Territory != nil {
		if u := n.res.Territory.Unit(id); u != nil {
			return u.Name
		}
	}
	return id
}

// list joins the short names of ids.
func (n *namer) list(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = n.short(id)
	}
	return strings.Join(names, n.l.Label("listSeparator"))
}

// enums joins the translations of closed-list values.
func (n *namer) enums(section string, values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = n.l.Enum(section, v)
	}
	return strings.Join(out, n.l.Label("listSeparator"))
}

// money is an amount in the scenario's currency, "—" when nil (a unit
// without other costs).
func (n *namer) money(v float64, dash bool) Figure {
	if dash && v == 0 {
		return Figure{Text: "—"}
	}
	return n.l.Amount(v, n.cur)
}

func buildCosts(res *model.Resolved, a *analysis.Analysis, n *namer) Costs {
	l := n.l
	c := a.Costs
	out := Costs{Setup: n.money(c.Setup, false), Annual: n.money(c.Annual, false)}
	group := func(name string, g analysis.GroupCost) GroupRow {
		return GroupRow{Name: name, Instances: l.Count(g.Instances), Headcount: l.Count(g.Headcount),
			Payroll: n.money(g.Payroll, false), Setup: n.money(g.Setup, true), Annual: n.money(g.Annual, true)}
	}
	var total analysis.GroupCost
	for _, u := range c.ByUnit {
		out.Units = append(out.Units, UnitRow{ID: u.Unit, Name: n.name(u.Unit), Kind: l.Enum("unitKind", u.Kind), Tier: l.Enum("tier", u.Tier),
			Replicated: u.Per != "", Instances: l.Count(u.Instances), Headcount: l.Count(u.Headcount), Payroll: n.money(u.Payroll, false),
			Setup: n.money(u.Setup, true), Annual: n.money(u.Annual, true)})
		total.Instances += u.Instances
		total.Headcount += u.Headcount
		total.Payroll += u.Payroll
		total.Setup += u.Setup
		total.Annual += u.Annual
	}
	for _, g := range c.ByTier {
		out.Tiers = append(out.Tiers, group(l.Enum("tier", g.Key), g))
	}
	for _, g := range c.ByTerritory {
		name := g.Name
		if g.Key == analysis.NationalKey { // central units, placed nowhere
			name = l.Label("nationalLevel")
		}
		out.Territories = append(out.Territories, group(name, g))
	}
	for _, p := range c.ByProfile {
		out.Profiles = append(out.Profiles, ProfileRow{Title: p.Title, FrontOffice: p.FrontOffice,
			Headcount: l.Count(p.Headcount), Payroll: n.money(p.Payroll, false)})
	}
	out.Total = group(l.Label("total"), total)
	return out
}

func buildStructure(s analysis.Structure, n *namer) Structure {
	l := n.l
	out := Structure{Units: l.Count(s.Units), Layers: l.Count(s.Layers), MaxSpan: l.Count(s.MaxSpan),
		AverageSpan: Figure{Value: s.AverageSpan, Text: l.Number(s.AverageSpan, 1)}}
	roots := make([]string, len(s.Roots))
	for i, r := range s.Roots {
		roots[i] = n.name(r)
	}
	out.Roots = strings.Join(roots, l.Label("listSeparator"))
	for _, b := range s.Distribution {
		out.Distribution = append(out.Distribution, SpanBucket{Span: l.Count(b.Span), Units: l.Count(b.Units)})
	}
	for _, sp := range s.OverSpan {
		out.OverSpan = append(out.OverSpan, SpanRow{Name: sp.Name, Layer: l.Count(sp.Layer), Subordinates: l.Count(sp.Subordinates)})
	}
	for _, d := range s.Dotted {
		out.Dotted = append(out.Dotted, DottedRow{From: n.name(d.From), To: n.name(d.To)})
	}
	return out
}

func buildChain(r analysis.RACI, n *namer) Chain {
	out := Chain{Gaps: n.enums("stage", r.Gaps), Overlaps: n.enums("stage", r.Overlaps)}
	for _, s := range r.Stages {
		out.Stages = append(out.Stages, StageRow{Stage: n.l.Enum("stage", s.Stage), Accountable: n.list(s.Accountable),
			Responsible: n.list(s.Responsible), Consulted: n.list(s.Consulted), Informed: n.list(s.Informed),
			Systems: n.list(s.Systems), Channels: n.list(s.Channels), Gap: s.Gap, Overlap: s.Overlap})
	}
	for _, m := range r.Mandates {
		out.Mandates = append(out.Mandates, MandateRow{Title: m.Title, Function: n.l.Enum("stage", m.Function),
			Accountable: n.short(m.Accountable), Responsible: n.list(m.Responsible), Gap: m.Gap})
	}
	titles := make([]string, len(r.MandateGaps))
	for i, id := range r.MandateGaps {
		titles[i] = n.name(id)
	}
	out.MandateGaps = strings.Join(titles, n.l.Label("listSeparator"))
	out.Idle = n.list(r.Idle)
	conflicts := make([]string, len(r.Segregation))
	for i, c := range r.Segregation {
		stages := make([]string, len(c.Stages))
		for j, st := range c.Stages {
			stages[j] = n.l.Enum("stage", st)
		}
		conflicts[i] = n.name(c.Party) + " (" + strings.Join(stages, " "+n.l.Label("and")+" ") + ")"
	}
	out.Segregation = strings.Join(conflicts, n.l.Label("listSeparator"))
	return out
}

func buildCapacity(res *model.Resolved, c analysis.Capacity, n *namer) Capacity {
	l := n.l
	out := Capacity{Planned: l.Count(c.Planned), Required: l.Count(c.Required), Gap: l.Count(c.Gap),
		FrontOffice: l.Count(c.FrontOffice), HouseholdsPerFOA: Figure{Text: "—"}}
	if c.GapShare != nil {
		out.Gap.Text = capacityGapText(c.Gap, c.GapShare, c.Required, l)
	}
	if c.FrontOffice > 0 {
		out.HouseholdsPerFOA = Figure{Value: c.HouseholdsPerFOA, Text: l.Number(c.HouseholdsPerFOA, 0)}
	}
	if d := res.Demand; d != nil {
		for _, st := range d.Standards {
			norm := l.Label("onePer") + " " + l.Number(st.OnePer, 2) + " " + l.Enum("normBase", cmp.Or(st.Of, "households"))
			tier := l.Label("nationalLevel")
			if st.Tier != "" {
				tier = l.Enum("tier", st.Tier)
			}
			out.Standards = append(out.Standards, StandardRow{Profile: n.name(st.Profile), Norm: norm, Tier: tier})
		}
	}
	var order []string
	groups := map[string][]analysis.PlaceCapacity{}
	for _, in := range c.Places { // a place's staff pooled, under its main unit
		if groups[in.Template] == nil {
			order = append(order, in.Template)
		}
		groups[in.Template] = append(groups[in.Template], in)
	}
	for _, t := range order {
		ins := slices.Clone(groups[t])
		slices.SortStableFunc(ins, func(a, b analysis.PlaceCapacity) int { return cmp.Compare(b.Gap, a.Gap) })
		var planned, required, gap, short int
		g := CapacityGroup{Name: n.name(t), Instances: l.Count(len(ins))}
		for _, in := range ins {
			planned += in.Planned
			required += in.Required
			if in.Gap > 0 {
				gap += in.Gap
				short++
			}
			g.Rows = append(g.Rows, CapacityRow{Name: in.Name, Households: Figure{Value: in.Households, Text: l.Number(in.Households, 0)},
				Planned: l.Count(in.Planned), Required: l.Count(in.Required), Gap: l.Count(in.Gap)})
		}
		g.Planned, g.Required, g.Gap, g.Short = l.Count(planned), l.Count(required), l.Count(gap), l.Count(short)
		out.Groups = append(out.Groups, g)
	}
	for _, p := range c.National {
		out.National = append(out.National, ProfileGapRow{Profile: n.name(p.Profile), Planned: l.Count(p.Planned),
			Required: l.Count(p.Required), Gap: l.Count(p.Gap)})
	}
	for _, sc := range c.Channels {
		reach := make([]string, len(sc.Channels))
		for i, ch := range sc.Channels {
			reach[i] = ch.Name + " (" + channelReach(ch, n) + ")"
		}
		uncovered := make([]string, len(sc.Uncovered))
		for i, id := range sc.Uncovered {
			uncovered[i] = n.name(id)
		}
		out.Channels = append(out.Channels, StageChannelsRow{Stage: l.Enum("stage", sc.Stage), Each: reach,
			Channels: strings.Join(reach, l.Label("listSeparator")), Uncovered: strings.Join(uncovered, l.Label("listSeparator"))})
	}
	return out
}

// channelReach says where a channel is: national, one point per unit of a
// territory level, or one territory unit; with the points the channel
// declares, their number in all (not one per unit). A level is named as
// the territory writes it, quoted.
func channelReach(ch analysis.ChannelReach, n *namer) string {
	l := n.l
	points := l.Count(ch.Points).Text + " " + l.Label("points")
	if ch.Points == 1 {
		points = l.Count(ch.Points).Text + " " + l.Label("point")
	}
	switch {
	case ch.Reach == "national" && ch.Declared:
		return l.labelf("reachNationalDeclared", "{points}", points)
	case ch.Reach == "national":
		return l.Label("nationalReach")
	case n.res.Territory != nil && n.res.Territory.HasLevel(ch.Reach):
		key := "reachLevel"
		if ch.Declared {
			key = "reachLevelDeclared"
		}
		return l.labelf(key, "{points}", points, "{level}", ch.Reach)
	case ch.Declared:
		return l.labelf("reachPlaceDeclared", "{points}", points, "{place}", n.name(ch.Reach))
	}
	return n.name(ch.Reach)
}

func buildSystems(s analysis.Systems, n *namer) Systems {
	l := n.l
	out := Systems{Interfaces: l.Count(s.Interfaces)}
	for _, m := range s.ByMode {
		out.ByMode = append(out.ByMode, ModeRow{Mode: l.Enum("interfaceMode", m.Mode), Interfaces: l.Count(m.Interfaces)})
	}
	issue := func(i analysis.InterfaceIssue) IssueRow {
		return IssueRow{Interface: i.Interface, From: n.name(i.From), To: n.name(i.To), Mode: l.Enum("interfaceMode", cmp.Or(i.Mode, "unspecified")),
			Stages: n.enums("stage", i.Stages), Problems: n.enums("problem", i.Problems)}
	}
	for _, i := range s.PersonalData {
		out.PersonalData = append(out.PersonalData, issue(i))
	}
	for _, i := range s.Manual {
		out.Manual = append(out.Manual, issue(i))
	}
	for _, d := range s.Dependencies {
		out.Dependencies = append(out.Dependencies, DependencyRow{System: d.Name, Stages: n.enums("stage", d.Stages),
			Count: l.Count(len(d.Stages)), Critical: slices.Contains(s.Critical, d.System)})
	}
	return out
}

func buildIndicators(ind analysis.Indicators, n *namer) []Row {
	l := n.l
	dash := func(ok bool, s string) string {
		if !ok {
			return "—"
		}
		return s
	}
	rows := []Row{
		{"households", dash(ind.Households > 0, l.Number(ind.Households, 0))},
		{"population", dash(ind.Population > 0, l.Number(ind.Population, 0))},
		{"staffPer10k", dash(ind.Households > 0, l.Number(ind.StaffPer10kHouseholds, 2))},
		{"offices", l.Number(float64(ind.Offices), 0)},
		{"officesPerMillion", dash(ind.Population > 0, l.Number(ind.OfficesPerMillion, 2))},
		{"servicePoints", servicePointsText(ind.ServicePoints, ind.ServicePointsByKind, l)},
		{"territorialShare", l.Percent(ind.TerritorialShare)},
		{"boardSize", dash(ind.BoardSize > 0, l.Number(float64(ind.BoardSize), 0))},
		{"independentShare", dash(ind.BoardSize > 0, l.Percent(ind.IndependentShare))},
		{"territorialTiers", dash(len(ind.TerritorialTiers) > 0, n.enums("tier", ind.TerritorialTiers))},
		{"legalForm", dash(ind.LegalForm != "", l.Enum("legalForm", ind.LegalForm))},
		{"supervision", dash(ind.Supervision != "", n.name(ind.Supervision))},
		{"financialAutonomy", dash(n.res.Institution != nil, l.yesNo(ind.FinancialAutonomy))},
		{"staffStatus", dash(ind.StaffStatus != "", l.Enum("staffStatus", ind.StaffStatus))},
		{"registry", dash(ind.Registry != "", l.Enum("registry", ind.Registry))},
		{"payments", dash(ind.Payments != "", l.Enum("payments", ind.Payments))},
	}
	for i := range rows {
		rows[i].Label = l.Label(rows[i].Label)
	}
	return rows
}

func buildPhases(a *analysis.Analysis, n *namer) []PhaseFigures {
	l := n.l
	var out []PhaseFigures
	for _, p := range a.Phases {
		opens := make([]string, len(p.Opens))
		for i, id := range p.Opens {
			opens[i] = n.name(id)
		}
		out = append(out, PhaseFigures{Title: p.Title, Start: l.date(p.Start), Units: l.Count(p.Units), Headcount: l.Count(p.Headcount),
			Payroll: n.money(p.Payroll, false), Offices: l.Count(p.Offices), Opens: strings.Join(opens, l.Label("listSeparator"))})
	}
	return out
}
