package model

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The kinds of benchmark file.
const (
	KindCountry    Kind = "country"
	KindInstrument Kind = "instrument"
)

// The closed lists of country files.
var (
	YesNoUnknown     = []string{"yes", "no", "unknown"}
	CountryParties   = []string{"agency", "ministry", "registry-agency", "social-security", "bank", "post", "local-government", "other", "unknown"}
	OfficeKinds      = []string{"own", "shared", "delegated", "mixed", "unknown"}
	LessonConditions = map[string][]string{
		"legalForm": LegalForms, "staffStatus": StaffStatuses, "registry": RegistryModes,
		"payments": PaymentModes, "financialAutonomy": {"yes", "no"}, "board": {"yes", "no"},
	}
)

func (q *Quantity) decodeNode(d *decoder, n *yaml.Node, what string) {
	if n.Kind == yaml.ScalarNode && n.Value == "unknown" {
		*q = Quantity{}
		return
	}
	var v float64
	if f, ok := parseNumber(n); ok && n.Kind == yaml.ScalarNode {
		v = f
	} else {
		d.diags.add(d.pos(n), Error, "type-mismatch", "write unknown when no source gives the figure, never 0",
			"%s must be a number or unknown, not %s", what, kindName(n))
		return
	}
	*q = Quantity{Value: v, Known: true}
}

// MarshalJSON writes the number, or "unknown".
func (q Quantity) MarshalJSON() ([]byte, error) {
	if !q.Known {
		return []byte(`"unknown"`), nil
	}
	return []byte(strconv.FormatFloat(q.Value, 'f', -1, 64)), nil
}

var countryIDRE = regexp.MustCompile(`^[a-z]{2}$`)

// isoCountryRE is a territory's country: ISO 3166-1 alpha-2, in capitals.
var isoCountryRE = regexp.MustCompile(`^[A-Z]{2}$`)

// checkCountry validates a country file: every known figure has a year and a
// declared source, every source reference resolves, closed lists hold.
func checkCountry(f *CountryFile, c *diags) {
	h := &f.Country
	requireText(c, &h.Meta, "id", h.ID, "the country")
	requireText(c, &h.Meta, "name", h.Name, "the country")
	requireText(c, &h.Meta, "agency", h.Agency, "the country")
	if h.ID != "" && !countryIDRE.MatchString(h.ID) {
		c.add(h.PosOf("id"), Error, "invalid-id", "use the ISO 3166-1 alpha-2 code in lower case, e.g. za, br, jo", "country id %q is not a two-letter code", h.ID)
	}
	sources := map[string]bool{}
	for _, s := range f.Sources {
		checkSource(c, s)
		if sources[s.ID] {
			c.errorf(s.PosOf("id"), "duplicate-id", "source %q is declared twice", s.ID)
		}
		sources[s.ID] = true
	}
	ids := keysOf(sources)
	cite := func(m *Meta, src, what string, required bool) {
		switch {
		case src == "" && required:
			c.add(m.Pos, Error, "missing-source", "add `source:` naming an entry of the file's sources", "%s has no source", what)
		case src != "" && !sources[src]:
			c.add(m.PosOf("source"), Error, "unknown-reference", suggest(src, ids), "%s cites source %q, which the file's sources do not list", what, src)
		}
	}
	figure := func(fig *Figure, what string) {
		if fig == nil {
			return
		}
		if fig.Value.Known {
			if fig.Year == "" {
				c.add(fig.Pos, Error, "missing-year", "add `year:`, the year the figure refers to", "%s has no year", what)
			}
			if fig.Value.Value < 0 {
				c.errorf(fig.PosOf("value"), "negative-value", "%s cannot be negative", what)
			}
		}
		cite(&fig.Meta, fig.Source, what, fig.Value.Known)
	}
	figure(h.Created, "the year created")
	for name, list := range map[string][]*Figure{"population": f.Population, "beneficiaries": f.Beneficiaries, "budget": f.Budget, "staff": f.Staff, "adminCostShare": f.AdminCostShare} {
		for i, fig := range list {
			figure(fig, fmt.Sprintf("%s figure %d", name, i+1))
			checkBasis(c, fig, name, i+1)
			if name == "adminCostShare" && fig.Value.Known && fig.Value.Value > 1 {
				c.add(fig.PosOf("value"), Error, "out-of-range", "write a share from 0 to 1: 0.041 for 4.1 %", "adminCostShare %v is over 1", fig.Value.Value)
			}
		}
	}
	if in := f.Institution; in != nil {
		checkEnum(c, &in.Meta, "legalForm", in.LegalForm, append(slices.Clone(LegalForms), "unknown"), "institution")
		checkEnum(c, &in.Meta, "financialAutonomy", in.FinancialAutonomy, YesNoUnknown, "institution")
		checkEnum(c, &in.Meta, "staffStatus", in.StaffStatus, append(slices.Clone(StaffStatuses), "unknown"), "institution")
		checkEnum(c, &in.Meta, "registry", in.Registry, append(slices.Clone(RegistryModes), "unknown"), "institution")
		checkEnum(c, &in.Meta, "payments", in.Payments, append(slices.Clone(PaymentModes), "unknown"), "institution")
		cite(&in.Meta, in.Source, "the institutional frame", true)
	}
	if b := f.Board; b != nil {
		checkEnum(c, &b.Meta, "exists", b.Exists, YesNoUnknown, "board")
		figure(b.Size, "the board size")
		figure(b.IndependentMembers, "the board's independent members")
		cite(&b.Meta, b.Source, "the board", b.Exists != "unknown")
	}
	for _, p := range f.Programmes {
		requireText(c, &p.Meta, "name", p.Name, "a programme")
		cite(&p.Meta, p.Source, "programme "+quote(p.Name), true)
	}
	for _, l := range f.Territory {
		what := "territorial level " + quote(l.Level)
		requireText(c, &l.Meta, "level", l.Level, "a territorial level")
		checkEnum(c, &l.Meta, "tier", l.Tier, Tiers, what)
		checkEnum(c, &l.Meta, "offices", l.Offices, OfficeKinds, what)
		if l.Count.Known && l.Year == "" {
			c.add(l.Pos, Error, "missing-year", "add `year:`", "%s has no year", what)
		}
		cite(&l.Meta, l.Source, what, l.Count.Known)
	}
	for _, s := range f.Chain {
		what := "chain stage " + quote(s.Stage)
		checkEnum(c, &s.Meta, "stage", s.Stage, Stages, "chain entry")
		checkEnum(c, &s.Meta, "accountable", s.Accountable, CountryParties, what)
		cite(&s.Meta, s.Source, what, s.Accountable != "unknown")
	}
	for _, list := range [][]*CountryItem{f.PaymentChannels, f.Grievance} {
		for _, it := range list {
			requireText(c, &it.Meta, "kind", it.Kind, "a channel")
			cite(&it.Meta, it.Source, "channel "+quote(it.Kind), true)
		}
	}
	if r := f.Registry; r != nil {
		requireText(c, &r.Meta, "name", r.Name, "the registry")
		cite(&r.Meta, r.Source, "the registry", true)
	}
	lessons := map[string]bool{}
	for _, l := range f.Lessons {
		what := "lesson " + quote(l.ID)
		requireText(c, &l.Meta, "id", l.ID, "a lesson")
		requireText(c, &l.Meta, "text", l.Text, what)
		checkIDFormat(c, &l.Meta, l.ID)
		if lessons[l.ID] {
			c.errorf(l.PosOf("id"), "duplicate-id", "lesson %q is declared twice", l.ID)
		}
		lessons[l.ID] = true
		for _, k := range keysOf(l.When) {
			allowed, ok := LessonConditions[k]
			if !ok {
				c.add(l.PosOf("when"), Error, "unknown-field", oneOf(k, keysOf(LessonConditions)), "%s: `when` cannot test %q", what, k)
				continue
			}
			if !slices.Contains(allowed, l.When[k]) {
				c.add(l.PosOf("when"), Error, "unknown-value", oneOf(l.When[k], allowed), "%s: %q is not a value of %s", what, l.When[k], k)
			}
		}
		cite(&l.Meta, l.Source, what, true)
	}
}

// decodeCountry decodes a country file's root.
func decodeCountry(d *decoder, root *yaml.Node) *CountryFile {
	f := &CountryFile{}
	d.decode(root, reflect.ValueOf(f).Elem(), "")
	return f
}

// Country parses and checks one country file. The file is nil only when it
// could not be parsed; err is an I/O error.
func (l *Loader) Country(name string) (*CountryFile, Diagnostics, error) {
	f, ds, err := l.checked(name, KindCountry, func(f *File, c *diags) { checkCountry(f.Country, c) })
	if f == nil {
		return nil, ds, err
	}
	return f.Country, ds, nil
}

// checked reads a benchmark file of one kind and runs its check.
func (l *Loader) checked(name string, kind Kind, check func(*File, *diags)) (*File, Diagnostics, error) {
	p := l.read(name, false)
	if p.err != nil {
		return nil, nil, p.err
	}
	c := &diags{list: slices.Clone(p.diags)}
	if p.file == nil {
		return nil, c.list.Sort(), nil
	}
	if p.file.Kind != kind {
		c.add(Pos{File: name, Line: 1, Col: 1}, Error, "wrong-kind", "", "expected a%s %s file, found a %s file", article(kind), kind, p.file.Kind)
		return nil, c.list.Sort(), nil
	}
	check(p.file, c)
	return p.file, c.list.Sort(), nil
}

func article(k Kind) string {
	if k == KindInstrument {
		return "n"
	}
	return ""
}

// checkInstrument validates an instrument file.
func checkInstrument(f *InstrumentFile, c *diags) {
	h := &f.Instrument
	requireText(c, &h.Meta, "id", h.ID, "the instrument")
	requireText(c, &h.Meta, "title", h.Title, "the instrument")
	checkIDFormat(c, &h.Meta, h.ID)
	if len(f.Criteria) == 0 {
		c.add(h.Pos, Error, "missing-field", "list its principles, phases or areas under `criteria:`", "the instrument has no criteria")
	}
	seen := map[string]bool{}
	for _, cr := range f.Criteria {
		what := "criterion " + quote(cr.ID)
		requireText(c, &cr.Meta, "id", cr.ID, "a criterion")
		requireText(c, &cr.Meta, "title", cr.Title, what)
		checkIDFormat(c, &cr.Meta, cr.ID)
		if seen[cr.ID] {
			c.errorf(cr.PosOf("id"), "duplicate-id", "criterion %q is declared twice", cr.ID)
		}
		seen[cr.ID] = true
	}
}

// Instrument parses and checks one instrument file.
func (l *Loader) Instrument(name string) (*InstrumentFile, Diagnostics, error) {
	f, ds, err := l.checked(name, KindInstrument, func(f *File, c *diags) { checkInstrument(f.Instrument, c) })
	if f == nil {
		return nil, ds, err
	}
	return f.Instrument, ds, nil
}

// bases are the values an indicator figure's basis takes, by list: two
// each, as the words of the missing-basis hint say them.
var bases = map[string][]string{"beneficiaries": BeneficiaryBases, "staff": StaffBases, "adminCostShare": AdminCostBases}

// checkBasis checks the basis of figure n (from 1) of a list: one of its
// list's values; a known figure without one is shown but never compared (a
// warning, whose words carry the list, the figure's number and the two
// values, for each language to join).
func checkBasis(c *diags, fig *Figure, list string, n int) {
	what := fmt.Sprintf("%s figure %d", list, n)
	allowed, ok := bases[list]
	switch {
	case !ok && fig.Basis != "":
		c.errorf(fig.PosOf("basis"), "unknown-field", "%s: `basis` is for beneficiaries, staff and adminCostShare figures", what)
	case !ok:
	case fig.Basis == "" && fig.Value.Known:
		c.add(fig.Pos, Warning, "missing-basis", "add `basis: "+strings.Join(allowed, "` or `")+"`",
			"%s has no basis: it is shown but not compared with the scenario", what)
		c.say("missing-basis", list, strconv.Itoa(n))
		c.list[len(c.list)-1].SayHint = words("add-basis", allowed)
	default:
		checkEnum(c, &fig.Meta, "basis", fig.Basis, allowed, what)
	}
}
