package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/orgdesign/orgdesign/benchmarks"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/templates"
)

// buildFixtureComparison builds the fixture study compared with the two
// fixture countries.
func buildFixtureComparison(t *testing.T, lang string, opts BuildOptions) *Report {
	t.Helper()
	set, diags := loadFixture(t)
	if opts.Benchmarks == nil {
		opts.Benchmarks = fixtureBenchmarks(t)
	}
	r, err := BuildWith(set, diags, lang, opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestComparisonFigures checks the comparison of the fixture's second option
// with the fixture countries by hand: names, numbers and bases in the
// language, the chain cell by cell, the sources behind what is shown.
func TestComparisonFigures(t *testing.T) {
	r := buildFixtureComparison(t, "fr", BuildOptions{NoCharts: true})
	c := r.Scenarios[1].Comparison
	check := func(what, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("countries", c.Countries[0].Name+" | "+c.Countries[0].Agency+" | "+c.Countries[1].Code, "Pays témoin | Agence nationale témoin (ANT) | YY")
	check("scenario frame", strings.Join(c.Frame[0].Cells, " | "),
		"Établissement public autonome | Oui | Statut particulier | Tenu par un autre organisme | Mixtes | Oui | Oui")
	check("xx frame", strings.Join(c.Frame[1].Cells, " | "),
		"Établissement public autonome | Oui | Fonction publique | Tenu par un autre organisme | Externalisés | Non | Oui")
	check("xx frame source", c.Frame[1].Source.Text+" "+c.Frame[1].Source.URL, "Loi portant création https://example.org/loi")
	by := map[string]BenchIndicator{}
	for _, ind := range c.Indicators {
		by[ind.Key] = ind
	}
	// Offices: xx 9 (its local points are unknown), yy 10 + 50; the scenario's 5 is below both.
	off := by[benchmarks.Offices]
	check("offices", strings.Join([]string{off.Scenario, off.Min, off.Median, off.Max, off.Comparable, off.Position}, " | "),
		"5 | 9 | 34 | 60 | 2 / 2 | sous le minimum")
	// yy counts individuals, not households: shown, not compared.
	staff := by[benchmarks.StaffPer10k]
	check("staff", staff.Scenario+" | "+staff.Min+" | "+staff.Comparable, "1,76 | — | 0 / 1")
	check("independent share", by[benchmarks.IndependentShare].Scenario+" | "+by[benchmarks.IndependentShare].Max, "0\u202f% | 25\u202f%")
	var bases []string
	for _, b := range c.Bases {
		bases = append(bases, b.Code+" "+b.Value+" "+b.Unit+" = "+b.Basis+" ["+b.Comparable+"]")
	}
	for _, want := range []string{
		"YY 20 pour 10 000 personnes = 800 postes (effectif de l'organisme qui gère le programme, 2020) / 400\u202f000 personnes (bénéficiaires d'aujourd'hui, 2020) × 10\u202f000 [Non]",
		"YY 60 implantations = 10 Directions régionales (2019) + 50 Bureaux locaux (2019) [Oui]",
		"YY 12 par million d'habitants = 60 implantations / 5\u202f000\u202f000 habitants (2020) × 1\u202f000\u202f000 [Oui]",
		"XX 0 membres = pas de conseil d'administration [Non]",
		"XX 1 échelons = Régional [Oui]",
		"YY 2 échelons = Régional\u00a0; Local [Oui]",
	} {
		if !slices.Contains(bases, want) {
			t.Errorf("no basis %q in\n%s", want, strings.Join(bases, "\n"))
		}
	}
	// The chain: intake has two accountables in the scenario (an overlap);
	// payment is a bank in xx, unknown in yy.
	for _, row := range c.Chain {
		switch row.Stage {
		case "Inscription":
			check("intake", row.Scenario+" | "+strings.Join(row.Cells, " | "),
				"Organisme du registre (Agence du registre)\u00a0; Agence (Direction des prestations) ⚠ chevauchement | Agence | —")
		case "Paiement":
			check("payment", row.Scenario+" | "+strings.Join(row.Cells, " | "), "Agence (Direction des prestations) | Banque | —")
			check("payment groups", row.Groups[0].Party+" "+strings.Join(row.Groups[0].Countries, ",")+" / "+row.Groups[1].Party, "Banque XX / inconnu")
		case "Information et sensibilisation":
			check("outreach", row.Scenario, "⚠ lacune")
		}
	}
	check("who", c.ChainWho[1].Country+" | "+c.ChainWho[1].Stage+" | "+c.ChainWho[1].Who+" | "+c.ChainWho[1].Source.Text,
		"Pays témoin | Paiement | Banque postale | Rapport annuel 2023")
	check("nearest", c.NearestPeer, "Pays témoin (4/7)")
	check("peer", c.Peers[0].Score, "57,1\u202f% (4/7)")
	if !strings.Contains(c.Peers[0].Far, "Paiements\u00a0: Externalisés (scénario\u00a0: Mixtes)") {
		t.Errorf("far features = %q", c.Peers[0].Far)
	}
	// The scenario pays mixed, xx's lesson is for outsourced payments: none applies.
	if len(c.Lessons) != 0 {
		t.Errorf("lessons = %+v", c.Lessons)
	}
	var sources []string
	for _, s := range c.Sources {
		sources = append(sources, s.Country+": "+s.Source.Text+" ("+s.Reliability+", "+s.Date+")")
	}
	// xx's press article is behind nothing shown (a conflicting beneficiary
	// figure no indicator uses): not listed.
	check("sources", strings.Join(sources, "\n"),
		"Pays témoin: Loi portant création (officielle, 2004)\nPays témoin: Rapport annuel 2023 (officielle, 2023)\nSecond pays témoin: Décret d'organisation (officielle, 2019)")
	// The first option outsources payments like xx: its lesson applies, with its press source.
	c0 := r.Scenarios[0].Comparison
	if len(c0.Lessons) != 1 || c0.Lessons[0].Because != "Paiements\u00a0: Externalisés" || c0.Lessons[0].Source.Text != "Article" {
		t.Errorf("option A lessons = %+v", c0.Lessons)
	}
}

// TestScorecardWords checks the scorecard's ratings and readings are worded
// in the language, their details named.
func TestScorecardWords(t *testing.T) {
	set, diags := loadFixture(t)
	set.Scenarios[1].Assessment = []*model.Assessment{{Criterion: "issa-redevabilite", Rating: 2, Evidence: "Pas de membre *indépendant*."}}
	r, err := BuildWith(set, diags, "en", BuildOptions{NoCharts: true, Benchmarks: fixtureBenchmarks(t)})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]ScoreRow{}
	for _, in := range r.Scenarios[1].Scorecard {
		for _, row := range in.Rows {
			rows[row.Criterion] = row
		}
	}
	want := map[string]string{
		"issa-redevabilite": "Accountability | 2 — emerging | Weakens: the board has no independent member",
		"codi-plaintes":     "Complaints and appeals | — | Weakens: Direction des prestations decides and also handles the appeals against its decisions: duties are not segregated",
		"r202-coherence":    "(m) Coherence across institutions | — | Weakens: several accountables (A) for stage \"Intake\"",
		"wb-fournir":        "Provide: provision of benefits and services | — | Supports: every stage of this phase has an accountable (A)",
		"issa-dynamisme":    "Dynamism | — | ",
	}
	for id, w := range want {
		row := rows[id]
		if got := row.Title + " | " + or(row.Rating) + " | " + row.Readings; got != w {
			t.Errorf("%s:\n got %q\nwant %q", id, got, w)
		}
	}
	if rows["issa-redevabilite"].Evidence != "Pas de membre *indépendant*." {
		t.Errorf("evidence = %q", rows["issa-redevabilite"].Evidence)
	}
}

// TestBenchmarkOutputs compares the text and Markdown outputs of `orgdesign
// benchmark` on the fixture with their golden files, in both languages.
func TestBenchmarkOutputs(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		r := buildFixtureComparison(t, lang, BuildOptions{NoCharts: true})
		var b bytes.Buffer
		if err := WriteBenchmarkText(&b, r); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "benchmark-"+lang+".txt", b.Bytes())
		for i, line := range strings.Split(b.String(), "\n") {
			if strings.HasSuffix(line, " ") {
				t.Errorf("%s: line %d ends with a space: %q", lang, i+1, line)
			}
		}
		md, err := BenchmarkMarkdown(r)
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "benchmark-"+lang+".md", md)
		// The very section of the pages.
		files, err := Render(r, Options{NoHTML: true})
		if err != nil {
			t.Fatal(err)
		}
		page := fileNamed(t, files, "option-deconcentree.md")
		heading := "\n# " + r.Scenarios[1].Title + "\n"
		i := strings.Index(string(md), heading)
		section := strings.TrimSpace(string(md)[i+len(heading):])
		if i < 0 || !strings.HasPrefix(section, "## "+mustLanguage(t, lang).Label("comparison")) || !strings.Contains(page, section) {
			t.Errorf("%s: the benchmark Markdown is not the page's section", lang)
		}
	}
	if _, err := BenchmarkMarkdown(nil); err == nil {
		t.Error("BenchmarkMarkdown(nil) gave no error")
	}
}

// TestPositionSVG checks the position chart: well-formed XML with only the
// elements the page inliner allows, the same bytes from the same comparison,
// the scenario placed on its axis, and hostile country names kept as text.
func TestPositionSVG(t *testing.T) {
	b := fixtureBenchmarks(t)
	hostile := "<script>alert(1)</script> & \"Q\" ]]> \x1b[31m\x00"
	b.Countries[0].Country.Name = hostile
	b.Countries[1].Country.Name = "Pays <b>gras</b>"
	r := buildFixtureComparison(t, "fr", BuildOptions{Benchmarks: b})
	s := r.Scenarios[1]
	charts := s.ChartsOf("benchmark")
	if len(charts) != 1 || charts[0].Path != "charts/option-deconcentree-benchmark.svg" || charts[0].DOT != nil {
		t.Fatalf("benchmark charts = %+v", charts)
	}
	svg := string(charts[0].SVG)
	again := buildFixtureComparison(t, "fr", BuildOptions{Benchmarks: b}).Scenarios[1].ChartsOf("benchmark")[0].SVG
	if svg != string(again) {
		t.Error("two builds drew different charts")
	}
	dec := xml.NewDecoder(strings.NewReader(svg))
	var texts []string
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elements[tok.Name.Local]++
		case xml.CharData:
			if s := strings.TrimSpace(string(tok)); s != "" {
				texts = append(texts, s)
			}
		}
	}
	for name := range elements {
		if !svgElements[strings.ToLower(name)] {
			t.Errorf("element <%s> is not one the inliner allows", name)
		}
	}
	if _, err := inlineSVG(charts[0].SVG, "p_"); err != nil {
		t.Errorf("the inliner refuses the chart: %v", err)
	}
	// The hostile name is text, its control characters dropped.
	if !slices.Contains(texts, "<script>alert(1)</script> & \"Q\" ]]> [31m\u00a0: 9") {
		t.Errorf("the hostile name is not kept as text: %q", texts)
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, "<b>") {
		t.Error("markup from a name reached the SVG")
	}
	// One row per indicator with comparable countries (staff has none):
	// offices, per million, board, independent share, tiers, and the
	// administration cost (xx's share of benefits; yy's of its budget is not).
	if n := strings.Count(svg, "<g>"); n != 6 {
		t.Errorf("%d rows, want 6", n)
	}
	// Offices: the scenario (5) is the axis' lowest value, yy (60) its highest.
	if !strings.Contains(svg, `<polygon points="270.0,52.0 276.0,58.0 270.0,64.0 264.0,58.0" fill="#c0392b"><title>Scénario`+"\u00a0"+`: 5</title></polygon>`) {
		t.Errorf("the scenario's mark for offices is not at the start of its axis:\n%s", svg)
	}
	if !strings.Contains(svg, `<circle cx="570.0" cy="58.0" r="4" fill="#4a78a8" fill-opacity="0.8"><title>Pays &lt;b&gt;gras&lt;/b&gt;`+"\u00a0"+`: 60</title></circle>`) {
		t.Errorf("yy's offices are not at the end of the axis:\n%s", svg)
	}
	// Without comparable country, no chart.
	empty := &Scenario{Page: "p", Comparison: &Comparison{Indicators: []BenchIndicator{{Label: "x"}}}}
	if _, ok := positionChart(empty, mustLanguage(t, "fr")); ok {
		t.Error("a chart without any comparable country")
	}
}

func mustLanguage(t *testing.T, code string) *Language {
	t.Helper()
	l, err := NewLanguage(code)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestHostileCountryFiles checks a country file's text (names, agency,
// institutions, lessons, source titles and addresses) reaches every output
// as text: escaped in the Markdown, inert in the HTML, stripped of escape
// sequences on a terminal.
func TestHostileCountryFiles(t *testing.T) {
	b := fixtureBenchmarks(t)
	xx := b.Countries[0]
	xx.Country.Name = "Pays <img src=x onerror=alert(1)>"
	xx.Country.Agency = "Agence | [clic](javascript:alert(2)) \x1b[2J"
	xx.Chain[1].Who = "<script>alert(3)</script>"
	xx.Lessons[0].Text = "# Leçon\n\n<iframe src=x>"
	for _, s := range xx.Sources {
		if s.ID == "loi" {
			s.Title = "Loi *grasse* <b>"
			s.URL = "javascript:alert(4)"
		}
	}
	r := buildFixtureComparison(t, "fr", BuildOptions{Benchmarks: b})
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := fileNamed(t, files, "option-centrale.html")
	forbidden := regexp.MustCompile(`(?i)<(script|img|iframe|b)[\s>]|<[^>]*\s(on\w+=|href="javascript)|\x1b`)
	if m := forbidden.FindString(page); m != "" {
		t.Errorf("hostile markup survived: %q", m)
	}
	for _, want := range []string{
		`<td>Pays &lt;img src=x onerror=alert(1)&gt;</td>`,
		`<td>Agence | [clic](javascript:alert(2)) [2J (ANT)</td>`,
		`<td>&lt;script&gt;alert(3)&lt;/script&gt;</td>`,
		`<td># Leçon  &lt;iframe src=x&gt;</td>`,
		`<td>Loi *grasse* &lt;b&gt;</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	md := fileNamed(t, files, "option-centrale.md")
	if !strings.Contains(md, `| Pays \<img src=x onerror=alert(1)\> | Agence \| \[clic\](javascript:alert(2)) \[2J (ANT) |`) {
		t.Error("the Markdown does not escape the country's name and agency")
	}
	var text bytes.Buffer
	if err := WriteBenchmarkText(&text, r); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(text.String(), '\x1b') || !strings.Contains(text.String(), "Agence | [clic](javascript:alert(2)) \uFFFD[2J") {
		t.Error("the terminal output lets an escape sequence through")
	}
}

// checkTexts checks each value of each list has a text in its section of a
// language's strings, and the section no other text; it returns the strings.
func checkTexts(t *testing.T, lang string, lists map[string][]string) templates.Strings {
	t.Helper()
	s, err := templates.LoadStrings(lang)
	if err != nil {
		t.Fatal(err)
	}
	for section, values := range lists {
		for _, v := range values {
			if text, ok := s.Get(section, v); !ok || text == "" {
				t.Errorf("%s: no text for %s %q", lang, section, v)
			}
		}
		if len(s[section]) != len(values) {
			t.Errorf("%s: section %s has %d texts for %d values", lang, section, len(s[section]), len(values))
		}
	}
	return s
}

// TestBenchmarkStrings checks every value the comparison and the scorecard
// word has a text in every language: kinds of party, positions, indicators,
// units, reliabilities, ratings, effects, and the reasons of the scorecard.
func TestBenchmarkStrings(t *testing.T) {
	lists := map[string][]string{
		"party":            model.CountryParties,
		"position":         {"below-min", "low", "high", "above-max"},
		"benchIndicator":   {benchmarks.StaffPer10k, benchmarks.Offices, benchmarks.OfficesPerMillion, benchmarks.BoardSize, benchmarks.IndependentShare, benchmarks.TerritorialTiers, benchmarks.AdminCostShare},
		"benchUnit":        {"per 10,000 households", "offices", "per million inhabitants", "members", "share", "tiers", "share of benefits"},
		"countUnit":        {"households", "families", "individuals", "grants", "beneficiaries", "recipients", "posts", "FTE", "offices", "inhabitants", "members"},
		"reliability":      append(slices.Clone(model.Reliabilities), "unspecified"),
		"assessmentRating": {"1", "2", "3", "4"},
		"effect":           {"supports", "weakens"},
		"benchReason": {benchmarks.ReasonOwnCountry, benchmarks.ReasonNoBasis, benchmarks.ReasonCumulative, benchmarks.ReasonAgencyStaff,
			benchmarks.ReasonNotHouseholds, benchmarks.ReasonYearsApart, benchmarks.ReasonShareOfBudget, benchmarks.ReasonNoBoard},
		"figureBasis": slices.Concat(model.BeneficiaryBases, model.StaffBases, model.AdminCostBases),
		"scoreReason": {"grievance-no-accountable", "grievance-not-segregated", "grievance-segregated", "no-board", "independent-board-members",
			"no-independent-members", "personal-data-unprotected", "personal-data-covered", "me-no-accountable", "me-mandate", "me-no-mandate",
			"stage-no-accountable", "stages-accountable", "intake-uncovered", "intake-everywhere", "intake-no-channel", "capacity-gap",
			"capacity-meets-standards", "chain-overlaps"},
	}
	for _, lang := range templates.Languages() {
		s := checkTexts(t, lang, lists)
		for field, key := range frameLabels {
			if _, ok := s.Get("label", key); !ok {
				t.Errorf("%s: no label %q for the frame's %s", lang, key, field)
			}
		}
		for _, field := range benchmarks.FrameFields {
			if frameLabels[field] == "" {
				t.Errorf("the frame's %s has no label key", field)
			}
		}
	}
	// Every unit the embedded country files count staff and beneficiaries in.
	countries, _, err := benchmarks.Load(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range countries {
		for _, f := range slices.Concat(c.Staff, c.Beneficiaries) {
			if f.Unit != "" && !slices.Contains(lists["countUnit"], f.Unit) {
				t.Errorf("%s: unit %q has no translation", c.Country.ID, f.Unit)
			}
		}
	}
}

// TestEmbeddedComparison builds the default comparison, the embedded
// countries against the fixture: at least five countries, each reason of the
// scorecard translated (no code shown as it is), every indicator worded.
func TestEmbeddedComparison(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := BuildWith(set, diags, "en", BuildOptions{NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range r.Scenarios {
		c := s.Comparison
		if c == nil || len(c.Countries) < 5 || len(c.Frame) != len(c.Countries)+1 {
			t.Fatalf("%s: the embedded comparison has too few countries", s.ID)
		}
		for _, in := range s.Scorecard {
			for _, row := range in.Rows {
				if strings.Contains(row.Readings, "-") && regexp.MustCompile(`: [a-z]+(-[a-z]+)+(;|$)`).MatchString(row.Readings) {
					t.Errorf("%s: a reason left as a code: %q", row.Criterion, row.Readings)
				}
			}
		}
		for _, ind := range c.Indicators {
			if ind.Label == ind.Key {
				t.Errorf("indicator %s is not worded", ind.Key)
			}
		}
	}
	// No countries: no comparison; no instruments: no scorecard.
	r, err = BuildWith(set, diags, "fr", BuildOptions{Benchmarks: &Benchmarks{}})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Scenarios[0]; s.Comparison != nil || s.Scorecard != nil || len(s.ChartsOf("benchmark")) != 0 {
		t.Error("a comparison without countries")
	}
}
