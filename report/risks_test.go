package report

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
	"github.com/orgdesign/orgdesign/templates"
)

// buildAndRender builds a set in a language with options and renders every
// file of its report.
func buildAndRender(t *testing.T, set *model.Set, diags model.Diagnostics, lang string, opts BuildOptions) (*Report, []File) {
	t.Helper()
	r, err := BuildWith(set, diags, lang, opts)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, files
}

// TestRiskSectionPlace checks the page follows the consultation's order: the
// international comparison, the risks and mitigations, then the
// operationalisation phase by phase; and that the table of contents lists the
// risk section with its subsections.
func TestRiskSectionPlace(t *testing.T) {
	files := renderFixture(t, "en")
	for _, page := range []string{"option-centrale", "option-deconcentree"} {
		md := fileNamed(t, files, page+".md")
		last := -1
		for _, h := range []string{"\n## International comparison\n", "\n## International instruments\n", "\n## Risks and mitigations\n",
			"\n### Heat maps\n", "\n### Risks above the appetite\n", "\n### Risk register\n", "\n### Mitigations\n",
			"\n### Findings to triage\n", "\n### Dismissed findings\n", "\n### Loss simulation\n", "\n## Implementation\n", "\n### Roadmap\n",
			"\n## Build-up by phase\n", "\n## File diagnostics\n"} {
			i := strings.Index(md, h)
			if i < 0 || i < last || strings.Count(md, h) != 1 {
				t.Errorf("%s.md: %q is missing, repeated or out of order", page, strings.TrimSpace(h))
			}
			last = i
		}
		html := fileNamed(t, files, page+".html")
		toc, _, _ := strings.Cut(html, "</nav>")
		for _, want := range []string{`<li><a href="#risks-and-mitigations">Risks and mitigations</a>`,
			`<li><a href="#heat-maps">Heat maps</a></li>`, `<li><a href="#loss-simulation">Loss simulation</a></li>`} {
			if !strings.Contains(toc, want) {
				t.Errorf("%s.html: the table of contents lacks %s", page, want)
			}
		}
	}
}

// TestHeatmapInline checks each page's heat maps are drawn inline in the
// risk section through the charts' inliner: the chart file's drawing with its
// ids prefixed, well-formed XML, no declaration left. HeatmapSVG writes no id
// of its own, so the prefixing is also checked on the heat map given one.
func TestHeatmapInline(t *testing.T) {
	set, diags := loadFixture(t)
	r, files := buildAndRender(t, set, diags, "fr", BuildOptions{})
	for _, s := range r.Scenarios {
		maps := s.ChartsOf(heatmapView)
		if len(maps) != 1 {
			t.Fatalf("%s: %d heat map charts, want 1", s.Page, len(maps))
		}
		path, prefix := maps[0].Path, s.Page+"-heatmap_"
		file := []byte(fileNamed(t, files, path))
		if !bytes.HasPrefix(file, []byte("<?xml")) || !bytes.Contains(file, []byte("<title>"+s.Title+" — Cartes de chaleur")) {
			t.Errorf("%s is not the scenario's heat map: %.120q", path, file)
		}
		want, err := inlineSVG(file, prefix)
		if err != nil {
			t.Fatal(err)
		}
		html := fileNamed(t, files, s.Page+".html")
		_, section, _ := strings.Cut(html, `<h2 id="risques-et-mesures-datténuation">`)
		section, _, _ = strings.Cut(section, "<h2 ")
		if strings.Count(section, string(want)) != 1 || bytes.Contains(want, []byte("<?xml")) {
			t.Errorf("%s: the heat map is not drawn inline once in the risk section", s.Page)
		}
		wellFormed(t, s.Page+": the inline heat map", want)
		for _, m := range idRE.FindAllSubmatch(want, -1) {
			if !bytes.HasPrefix(m[1], []byte(prefix)) {
				t.Errorf("%s: id %q without the prefix %q", s.Page, m[1], prefix)
			}
		}
		withID := bytes.Replace(file, []byte("<svg "), []byte(`<svg id="carte" `), 1)
		got, err := inlineSVG(withID, prefix)
		if err != nil {
			t.Fatalf("%s: the heat map does not pass the inliner: %v", s.Page, err)
		}
		if !bytes.Contains(got, []byte(`<svg id="`+prefix+`carte" `)) {
			t.Errorf("%s: the heat map's id is not prefixed: %.80q", s.Page, got)
		}
	}
}

// wellFormed checks an SVG parses as XML.
func wellFormed(t *testing.T, name string, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return
		}
	}
}

// TestHostileRiskTitles puts markup, Markdown and escape sequences in the
// risk texts a page shows (a risk's title, a mitigation's, the scenario's
// title that the heat map carries): they stay text in the HTML, the Markdown
// table keeps its columns, and the heat map stays well-formed.
func TestHostileRiskTitles(t *testing.T) {
	set, diags := loadFixture(t)
	s := set.Scenarios[0]
	const title = "<script>alert(1)</script> | **gras** [clic](javascript:alert(1)) \x1b[31m"
	s.Header.Title = "Option </title><script>x</script> & co"
	s.Risks[1].Title = title // r-paiement, whose owner is not a unit: a finding names it
	s.Risks[1].Mitigations[0].Title = "<img src=x onerror=alert(2)>\n# titre"
	_, files := buildAndRender(t, set, diags, "fr", BuildOptions{Simulate: 100, Seed: 1})
	html := fileNamed(t, files, "option-centrale.html")
	forbidden := regexp.MustCompile(`(?i)<(script|img|iframe|b)[\s>]|<[^>]*\s(on\w+=|href="javascript)|\x1b`)
	_, section, _ := strings.Cut(html, `<h2 id="risques-et-mesures-datténuation">`)
	section, _, _ = strings.Cut(section, "<h2 ")
	if m := forbidden.FindString(section); m != "" {
		t.Errorf("hostile markup survived in the risk section: %q", m)
	}
	for _, want := range []string{
		`<td>&lt;script&gt;alert(1)&lt;/script&gt; | **gras** [clic](javascript:alert(1)) [31m</td>`,
		`<td>&lt;img src=x onerror=alert(2)&gt; # titre</td>`,
		`Risque sans unité responsable — &lt;script&gt;alert(1)&lt;/script&gt;`, // a finding to triage
	} {
		if !strings.Contains(section, want) {
			t.Errorf("the risk section lacks %s", want)
		}
	}
	svg := []byte(fileNamed(t, files, "charts/option-centrale-heatmap.svg"))
	if !bytes.Contains(svg, []byte("<title>Option &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; co — ")) {
		t.Errorf("the heat map does not escape the scenario's title: %.200q", svg)
	}
	wellFormed(t, "charts/option-centrale-heatmap.svg", svg)
	// In the Markdown, the hostile title fills one cell of the register.
	md := []byte(fileNamed(t, files, "option-centrale.md"))
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	found := false
	for _, row := range tableRows(doc, md) {
		if len(row) == 9 && row[2] == "r-paiement" {
			found = true
			if want := strings.ReplaceAll(title, "\x1b", ""); row[3] != want {
				t.Errorf("the register's title cell reads %q, want %q", row[3], want)
			}
		}
	}
	if !found {
		t.Error("no register row of 9 cells for r-paiement")
	}
}

// TestRiskFigures checks the index and the risk section carry the
// assessment's figures, computed by hand: the residual exposure (the
// register's, accepted findings included), the count of high or critical
// residual risks and the findings to triage, per scenario.
//
// option-centrale: r-guichets 4×3, likelihood −1: 3×3 = 9; r-paiement 3×5,
// likelihood −1, impact −2: 2×3 = 6; r-panne-si (accepts critical-system-
// si-gestion) 1×5, impact −3: 1×2 = 2; r-convention 1×1 = 1: 18, none high,
// 4 register risks.
// Its 14 findings less the one accepted and outreach, dismissed in
// common.yaml: 12 to triage.
// option-deconcentree: r-recrutement 4×4 = 16 (critical), r-pilote 3×3,
// likelihood −2: 1×3 = 3: 19, one high or critical. Its 17 findings less the
// two common.yaml dismisses: 15 to triage.
func TestRiskFigures(t *testing.T) {
	set, diags := loadFixture(t)
	r, files := buildAndRender(t, set, diags, "en", BuildOptions{NoCharts: true})
	want := map[string][5]string{"option-centrale": {"18", "0", "12", "1", "4"}, "option-deconcentree": {"19", "1", "15", "2", "2"}}
	for _, s := range r.Scenarios {
		rk := s.Risks
		if got := [5]string{rk.Exposure.Text, rk.HighOrCritical.Text, rk.OpenCount.Text, rk.DismissedCount.Text, rk.RegisterCount.Text}; got != want[s.ID] {
			t.Errorf("%s: exposure, high or critical, to triage, dismissed, register = %v, want %v", s.ID, got, want[s.ID])
		}
		if rk.Simulation != nil {
			t.Errorf("%s: a simulation without BuildOptions.Simulate", s.ID)
		}
		if !slices.IsSortedFunc(rk.Register, func(a, b RiskRow) int { return cmp.Compare(b.Residual.Value, a.Residual.Value) }) {
			t.Errorf("%s: the register is not sorted by residual score", s.ID)
		}
	}
	index := fileNamed(t, files, "index.md")
	for _, row := range []string{"| 18 | 0 | 12 | 17,300,000", "| 19 | 1 | 15 | 48,830,000"} {
		if !strings.Contains(index, row) {
			t.Errorf("index.md lacks %q", row)
		}
	}
	page := fileNamed(t, files, "option-centrale.md")
	for _, want := range []string{
		"- **Register risks**: 4 (1 of them an accepted finding)",
		"| accepted finding critical-system-si-gestion |",
		"| Data-sharing agreement to conclude — registre-si → si-gestion (i-registre) (personal-data-unprotected-i-registre) | 8 (2×4) medium |",
		"| Delivery-chain stage with no accountable party — Outreach (stage-no-accountable-outreach) | L'information des ménages relève",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("option-centrale.md lacks %q", want)
		}
	}
	if strings.Contains(page, "Loss simulation") {
		t.Error("a loss simulation section without a simulation")
	}
}

// TestSimulationIsSeeded checks the same seed gives the same pages and
// another seed other figures.
func TestSimulationIsSeeded(t *testing.T) {
	render := func(seed uint64) []File {
		set, diags := loadFixture(t)
		_, files := buildAndRender(t, set, diags, "fr", BuildOptions{NoCharts: true, Simulate: 500, Seed: seed})
		return files
	}
	a, b, c := render(3), render(3), render(4)
	if !slices.EqualFunc(a, b, func(x, y File) bool { return x.Name == y.Name && bytes.Equal(x.Data, y.Data) }) {
		t.Error("the same seed gave different pages")
	}
	pa, pc := fileNamed(t, a, "option-deconcentree.md"), fileNamed(t, c, "option-deconcentree.md")
	if !strings.Contains(pa, "**Tirages**\u00a0: 500 · **Graine**\u00a0: 3") || pa == pc {
		t.Error("the seed does not show or does not change the simulation")
	}
}

// TestRiskDiagnostics checks an assumption the assessment cannot read is a
// build diagnostic, shown once and on the pages of the scenarios it reaches.
func TestRiskDiagnostics(t *testing.T) {
	set, diags := loadFixture(t)
	for _, s := range set.Scenarios {
		for _, as := range s.Assumptions {
			switch as.ID {
			case "risk-appetite":
				as.Text = "énorme"
			case "calibration-likelihood-3":
				v := 1.5
				as.Value = &v
			}
		}
	}
	r, err := BuildWith(set, diags, "en", BuildOptions{Simulate: 10, NoCharts: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range r.BuildDiagnostics {
		got = append(got, d.Code+": "+d.Message)
	}
	want := []string{
		`unknown-value: assumption "risk-appetite": "énorme" is not a risk level`,
		`unknown-finding: the rules produce no finding "personal-data-unprotected-i-registr" in option-centrale`,
		`out-of-range: assumption "calibration-likelihood-3": 1.5 is not a probability (0 to 1)`,
	}
	if !slices.Equal(got, want) || !r.BuildDiagnostics.HasErrors() {
		t.Errorf("build diagnostics = %q, want %q", got, want)
	}
	for _, s := range r.Scenarios {
		if !slices.ContainsFunc(s.Diagnostics, func(d Diagnostic) bool { return d.Code == "unknown-value" }) {
			t.Errorf("%s: the page does not show the unreadable appetite", s.ID)
		}
		if s.Risks.Appetite != "medium" {
			t.Errorf("%s: appetite %q, want the default medium", s.ID, s.Risks.Appetite)
		}
	}
	if r.BuildDiagnostics[0].Severity != model.Error {
		t.Error("an unreadable appetite is not an error")
	}
}

// TestRiskStrings checks every value the risk section words has a text in
// every language: levels, categories, origins, statuses, what a mitigation
// reduces, where the appetite and the calibration come from.
func TestRiskStrings(t *testing.T) {
	var levels []string
	for _, l := range risk.Levels {
		levels = append(levels, l.String())
	}
	lists := map[string][]string{
		"riskLevel":         levels,
		"riskCategory":      model.RiskCategories,
		"riskOrigin":        {risk.OriginRegister, "finding"},
		"mitigationStatus":  model.Statuses,
		"reduces":           model.Reduces,
		"appetiteSource":    {"option", "scenario", "default"},
		"calibrationSource": {"file", "scenario", "illustrative"},
	}
	for _, lang := range templates.Languages() {
		if s := checkTexts(t, lang, lists); s["label"]["chart."+heatmapView] == "" {
			t.Errorf("%s: no caption for the heat maps", lang)
		}
	}
}
