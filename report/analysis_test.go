package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/templates"
)

// TestAnalysisFigures checks the analysis sections of the fixture's second
// option by hand: names instead of ids, numbers in the language, marks.
func TestAnalysisFigures(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	a := r.Scenarios[1].Analysis
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	// 44 staff for 250,000 households; sites: 2 DR + 3 antennes (the
	// representation and the agency's own office share the port's site) = 5.
	check("staff per 10k", a.Key.StaffPer10k.Text, "1,76")
	check("offices", a.Key.Offices.Text, "5")
	// DR Nord 150,000/15,000 = 10 for 8, Sud 7 for 5, antenne Oasis 4 for 3,
	// national cadres 13 for 10: 2 + 2 + 1 + 3 short. Required: 10 + 7 by
	// the delegations, 4 + 3 + 2 at the three provinces (at Port-Blanc the
	// antenne and the representation share one requirement, their 3 + 5
	// staff pooled) and 13 nationally: 39, of which 8 is 20.5 %.
	check("capacity gap", a.Key.CapacityGap.Text, "8 (20,5\u202f%)")
	check("shortfall", a.Capacity.Gap.Text, "8 (20,5\u202f% des 39 requis)")
	check("RACI gaps", a.Key.RACIGaps.Text, "7") // 6 stages and 1 mandate
	// Setup: 2 DR × 500,000 + 3 guichets × 10,000 + the SI 2,000,000.
	check("setup", a.Costs.Setup.Text, "3\u202f030\u202f000\u00a0MAD")
	check("annual", a.Costs.Annual.Text, "546\u202f000\u00a0MAD")
	check("national level", a.Costs.Territories[0].Name, "Niveau national")
	check("Nord-Côtier", a.Costs.Territories[1].Name+" "+a.Costs.Territories[1].Headcount.Text, "Nord-Côtier 21")
	check("a unit without other costs", a.Costs.Units[0].Setup.Text, "—")

	intake := a.Chain.Stages[1]
	check("intake", intake.Stage+" | "+intake.Accountable+" | "+intake.Responsible,
		"Inscription | Agence du registre\u00a0; Direction des prestations | Portail des demandes\u00a0; Guichets de la Poste\u00a0; Service accueil | orientation\u00a0; Antenne (territoire)")
	if !intake.Overlap || intake.Gap || !a.Chain.Stages[0].Gap {
		t.Errorf("intake overlap %v gap %v, outreach gap %v", intake.Overlap, intake.Gap, a.Chain.Stages[0].Gap)
	}
	check("segregation", a.Chain.Segregation, "Direction des prestations (Éligibilité et Réclamations)")
	check("mandate gaps", a.Chain.MandateGaps, "Instruire les recours")
	check("idle", a.Chain.Idle, "Délégation régionale (territoire)\u00a0; Représentation de Port-Blanc")

	// Capacity: groups in the order of the places, named after
	// each place's main unit, shortfalls first within each.
	var groups []string
	for _, g := range a.Capacity.Groups {
		var rows []string
		for _, row := range g.Rows {
			rows = append(rows, row.Name+" "+row.Gap.Text)
		}
		groups = append(groups, g.Name+" ("+g.Gap.Text+"/"+g.Short.Text+"): "+strings.Join(rows, ", "))
	}
	want := []string{
		"Délégation régionale (territoire) (4/2): Délégation régionale Nord-Côtier 2, Délégation régionale Sud-Oasis 2",
		"Représentation de Port-Blanc (0/0): Représentation de Port-Blanc -5", // with the antenne's 3 staff: 8 for 3
		"Antenne (territoire) (1/1): Antenne Oasis 1, Antenne Collines -1",
	}
	if !slices.Equal(groups, want) {
		t.Errorf("capacity groups:\n%s\nwant:\n%s", strings.Join(groups, "\n"), strings.Join(want, "\n"))
	}
	check("households per front-office agent", a.Capacity.HouseholdsPerFOA.Text, "8\u202f065") // 250,000 / 31
	check("norm", a.Capacity.Standards[0].Norm, "1 pour 15\u202f000 ménages")
	check("channels of intake", a.Capacity.Channels[0].Channels,
		"Portail des demandes (national)\u00a0; Guichets de la Poste (3 points, un par unité «\u00a0province\u00a0»)")
	check("personal data", a.Systems.PersonalData[1].Problems, "pas de base légale")
	check("critical system", a.Systems.Dependencies[0].System, "SI de gestion")
	if !a.Systems.Dependencies[0].Critical || a.Systems.Dependencies[1].Critical {
		t.Error("only the SI de gestion, on 3 stages, is critical")
	}
	check("phase 1", a.Phases[0].Headcount.Text+" "+a.Phases[0].Offices.Text+" "+a.Phases[0].Opens, "18 1 Représentation de Port-Blanc\u00a0; Bureau du port")

	var rows []string
	for _, row := range a.Indicators {
		rows = append(rows, row.Label+" = "+row.Value)
	}
	for _, w := range []string{"Part de l'effectif hors siège = 70,5\u202f%", "Tutelle = Ministère des Finances (MF)", "Échelons territoriaux = Régional\u00a0; Provincial"} {
		if !slices.Contains(rows, w) {
			t.Errorf("indicators lack %q: %q", w, rows)
		}
	}

	// --max-span reaches the report: 2 lists the DG (4 direct reports).
	r, err = BuildWith(set, diags, "en", BuildOptions{Analysis: analysis.Options{MaxSpan: 2}, NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Scenarios[1].Analysis.Structure
	if s.MaxSpan.Text != "2" || len(s.OverSpan) != 1 || s.OverSpan[0].Name != "Direction générale" || s.OverSpan[0].Subordinates.Text != "4" {
		t.Errorf("structure with a span of 2: %+v", s)
	}
}

// TestAnalysisMarkdownIsThePagesSections checks `analyze --format markdown`
// prints, for each scenario, its title and the very sections of its page
// (built without charts, as analyze does).
func TestAnalysisMarkdownIsThePagesSections(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := BuildWith(set, diags, "en", BuildOptions{NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	md, err := AnalysisMarkdown(r)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{NoHTML: true})
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(md), "\n\n# ")
	if len(parts) != len(r.Scenarios) {
		t.Fatalf("%d scenarios in the Markdown, want %d", len(parts), len(r.Scenarios))
	}
	for i, s := range r.Scenarios {
		title, sections, _ := strings.Cut(strings.TrimPrefix(parts[i], "# "), "\n\n")
		if title != s.Title {
			t.Errorf("scenario %d titled %q, want %q", i, title, s.Title)
		}
		if !strings.HasPrefix(sections, "## Units, headcount and costs") || !strings.Contains(sections, "## Build-up by phase") {
			t.Errorf("%s: the sections are missing:\n%.200s", s.ID, sections)
		}
		// The page puts the build-up by phase with the operationalisation,
		// after the risks; the other sections before the comparison.
		page := fileNamed(t, files, s.Page+".md")
		organisation, buildUp, _ := strings.Cut(strings.TrimRight(sections, "\n"), "\n\n## Build-up by phase")
		if !strings.Contains(page, "\n\n"+organisation+"\n\n## International comparison") {
			t.Errorf("%s: the analyze sections differ from the page's", s.ID)
		}
		if !strings.Contains(page, "\n\n## Build-up by phase"+buildUp+"\n\n## File diagnostics") {
			t.Errorf("%s: the analyze build-up differs from the page's", s.ID)
		}
	}
	if _, err := AnalysisMarkdown(nil); err == nil {
		t.Error("AnalysisMarkdown(nil) gave no error")
	}
}

func TestWriteAnalysisText(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		set, diags := loadFixture(t)
		r, err := Build(set, diags, lang)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteAnalysisText(&b, r); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "analyze-"+lang+".txt", b.Bytes())
		for i, line := range strings.Split(b.String(), "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: line %d ends with a space: %q", lang, i+1, line)
			}
		}
	}
}

// TestTextTablesAlignAndCut checks the columns of numbers are right-aligned
// and a long table says how many rows it leaves out.
func TestTextTablesAlignAndCut(t *testing.T) {
	l, err := NewLanguage("en")
	if err != nil {
		t.Fatal(err)
	}
	tw := &textWriter{l: l}
	var rows [][]string
	for i := range 20 {
		rows = append(rows, []string{"unit " + strings.Repeat("x", i%3), l.Count(i * 1000).Text})
	}
	tw.table([]col{left("Name"), right("Staff")}, rows, 3)
	want := "" +
		"  Name     Staff\n" +
		"  unit         0\n" +
		"  unit x   1,000\n" +
		"  unit xx  2,000\n" +
		"  … 17 more\n"
	if got := tw.buf.String(); got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

// TestHostileNamesInTheAnalysis puts markup, Markdown and terminal escapes in
// the names the analysis sections show: they stay text in the HTML, the
// Markdown and the terminal.
func TestHostileNamesInTheAnalysis(t *testing.T) {
	set, diags := loadFixture(t)
	s := set.Scenarios[1]
	const script = `<script>alert("x")</script>`
	for _, ch := range s.Channels {
		if ch.ID == "guichets" {
			ch.Name = "Guichets " + script + " | [clic](javascript:alert(1))"
		}
	}
	for _, sys := range s.Systems {
		if sys.ID == "si-gestion" {
			sys.Name = "SI <img src=x onerror=alert(2)> *gras*"
		}
	}
	for _, a := range s.Actors {
		if a.ID == "registre" {
			a.Name = "Registre \x1b[2J\x1b[31m <b>rouge</b>"
		}
	}
	s.Mandates[1].Title = "# Recours\n\n<iframe src=x>"
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := fileNamed(t, files, "option-deconcentree.html")
	forbidden := regexp.MustCompile(`(?i)<(script|img|iframe|b)[\s>]|<[^>]*\s(on\w+=|href="javascript)|\x1b`)
	if m := forbidden.FindString(page); m != "" {
		t.Errorf("hostile markup survived: %q", m)
	}
	for _, want := range []string{
		"Guichets &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; | [clic](javascript:alert(1)) (3 points, un par unité «\u00a0province\u00a0»)",
		`<td>SI &lt;img src=x onerror=alert(2)&gt; *gras* (⚠ critique)</td>`,
		`<td># Recours  &lt;iframe src=x&gt;</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	md, err := AnalysisMarkdown(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), `Guichets \<script\>alert("x")\</script\> \| \[clic\](javascript:alert(1))`) {
		t.Error("the Markdown does not escape the channel's name")
	}
	var b bytes.Buffer
	if err := WriteAnalysisText(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\x1b') || !strings.Contains(b.String(), "Registre \uFFFD[2J\uFFFD[31m <b>rouge</b>") {
		t.Error("the terminal output lets an escape sequence through")
	}
}

// TestCodeLabelsExist checks every label the Go code asks for exists in
// every language (a missing one would show its key); the templates' labels
// fail their rendering instead.
func TestCodeLabelsExist(t *testing.T) {
	labelRE := regexp.MustCompile(`Label\("(\w+)"\)|\{"(\w+)", (?:dash|l\.)`)
	var keys []string
	names, _ := filepath.Glob("*.go")
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range labelRE.FindAllStringSubmatch(string(src), -1) {
			keys = append(keys, m[1]+m[2])
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) < 40 || !slices.Contains(keys, "staffPer10k") || !slices.Contains(keys, "largestGaps") {
		t.Fatalf("found only %d labels in the code: %q", len(keys), keys)
	}
	for _, lang := range templates.Languages() {
		s, err := templates.LoadStrings(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := s.Get("label", k); !ok {
				t.Errorf("%s: no label %q", lang, k)
			}
		}
	}
}

// TestChannelReach: a channel's reach names the territory's level as the
// territory writes it, quoted; declared points are the channel's number in
// all, never "one per" unit; one point is singular.
func TestChannelReach(t *testing.T) {
	set, _ := loadFixture(t)
	res := set.Scenarios[1]
	for lang, want := range map[string][]string{
		"fr": {"national", "3 points, un par unité «\u00a0province\u00a0»", "1\u202f600 points au total, dans chaque unité «\u00a0province\u00a0»",
			"32\u202f221 points au total, sur tout le territoire", "1 point, un par unité «\u00a0province\u00a0»"},
		"en": {"nationwide", "3 points, one per “province” unit", "1,600 points in all, in every “province” unit",
			"32,221 points in all, nationwide", "1 point, one per “province” unit"},
	} {
		l, err := NewLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		n := newNamer(res, l)
		for i, ch := range []analysis.ChannelReach{
			{Reach: "national"},
			{Reach: "province", Points: 3},
			{Reach: "province", Points: 1600, Declared: true},
			{Reach: "national", Points: 32221, Declared: true},
			{Reach: "province", Points: 1},
		} {
			if got := channelReach(ch, n); got != want[i] {
				t.Errorf("%s: reach %+v = %q, want %q", lang, ch, got, want[i])
			}
		}
	}
}

// TestServicePointsText: each kind is counted in the singular or the plural,
// the agents' payment points listed apart from the total.
func TestServicePointsText(t *testing.T) {
	byKind := []analysis.KindPoints{{Kind: "office", Points: 1}, {Kind: "partner-counter", Points: 12}, {Kind: "mobile-unit", Points: 0}, {Kind: "agent-network", Points: 1}}
	for lang, want := range map[string]string{
		"fr": "13 (1 implantation propre, 12 guichets partenaires, 1 point de paiement d'un réseau d'agents (hors total))",
		"en": "13 (1 own office, 12 partners' counters, 1 agent-network payment point (not in the total))",
	} {
		l, err := NewLanguage(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := servicePointsText(13, byKind, l); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
