package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/orgdesign/orgdesign/internal/golden"
	"github.com/orgdesign/orgdesign/model"
)

// load resolves a scenario file and fails the test on any error diagnostic.
func load(t testing.TB, name string) *model.Resolved {
	t.Helper()
	l := &model.Loader{Files: model.OSFiles{}}
	r, diags, err := l.Scenario(name)
	if err != nil {
		t.Fatal(err)
	}
	if diags.HasErrors() {
		t.Fatalf("%s has errors:\n%v", name, diags)
	}
	return r
}

func build(t testing.TB, r *model.Resolved, lang string, views ...string) []*Chart {
	t.Helper()
	if len(views) == 0 {
		views = Views
	}
	cs, err := Build(r, nil, views, Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// TestGolden compares the DOT of every view of the fixture study with the
// files in testdata/golden (UPDATE=1 rewrites them), in French, and in
// English for the views with the most words.
func TestGolden(t *testing.T) {
	r := load(t, "testdata/study/option.yaml")
	var names []string
	for _, c := range build(t, r, "fr") {
		names = append(names, c.Name("dot"))
		golden.Check(t, "fr/"+c.Name("dot"), c.DOT)
	}
	want := []string{"option-org.dot", "option-territory.dot", "option-territory-nord.dot", "option-territory-sud.dot",
		"option-ecosystem.dot", "option-systems.dot", "option-chain.dot", "option-roadmap.dot"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("charts\n got %v\nwant %v", names, want)
	}
	for _, c := range build(t, r, "en", "chain", "systems", "roadmap") {
		golden.Check(t, "en/"+c.Name("dot"), c.DOT)
	}
}

// TestViewsShowWhatTheyMust checks, view by view, the facts a reader looks
// for in the fixture, in the DOT text.
func TestViewsShowWhatTheyMust(t *testing.T) {
	r := load(t, "testdata/study/option.yaml")
	dots := map[string]string{}
	for _, c := range build(t, r, "fr") {
		dots[strings.TrimSuffix(c.Name("dot"), ".dot")] = string(c.DOT)
	}
	cases := []struct {
		chart     string
		want, not []string
	}{
		{"option-org", []string{
			`{ rank="min"; "ca"; }`,                      // the board at the top
			`"ca" -> "comite-si"`,                        // a body under the board
			`"dir-prestations" -> "dr" [color="#404040"`, // the replicated unit under its superior
			`<B>3 × Délégation régionale</B>`,            // aggregated with the number of instances
			`"dir-prestations" -> "dir-si" [color="#7f7f7f", fontcolor="#7f7f7f", style="dotted"`, // dotted line
			`<B>Bureau pilote de Sud-Ville</B>`,                                                   // the `at:` unit with its place
			`shape="box3d"`,
			`Légende`,
		}, nil},
		{"option-territory", []string{
			`"region:nord"`, `"region:sud"`, `"region:est"`,
			`"dir-prestations" -> "region:sud"`, `"dg" -> "region:sud"`, // the bureau pilote reports to dg
			"<TD ALIGN=\"RIGHT\" VALIGN=\"TOP\">3 ×\u00a0</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">Antenne</TD>",
			`Bureau pilote de Sud-Ville`,
			`Canaux nationaux`, `Portail en ligne`,
		}, nil},
		{"option-territory-sud", []string{
			`subgraph "cluster_sud-ville"`, `subgraph "cluster_sud-montagne"`,
			`"dr-sud" -> "antenne-sud-plaine"`, `"dir-prestations" -> "dr-sud"`,
			`"guichets@sud-plaine"`, `"accueil-dr@sud"`,
		}, nil},
		{"option-ecosystem", []string{
			`"agency" [fillcolor="#1f4e79"`, `<B>L'agence</B>`,
			`subgraph "cluster_kind-ministry"`, `subgraph "cluster_kind-oversight"`,
			`"min-finances" -> "agency" [color="#c00000"`, // supervision, styled by kind
			`>financement<`,      // a relation without a label takes its kind's word
			`"dr" -> "communes"`, // a unit named by a relation
			`"ca" -> "agency"`,
		}, nil},
		{"option-systems", []string{
			`subgraph "cluster_owner-0" {` + "\n" + `    graph [label="Direction des systèmes d'information"`,
			`"si" -> "si-paie" [color="#c00000", fontcolor="#c00000", style="dashed", penwidth="3", label=<<B>⚠ données personnelles : sans<BR/>convention signée, sans base légale</B>`, // batch, personal data, no agreement nor legal basis
			`"tableur" -> "si" [color="#7f6000", fontcolor="#7f6000", style="dashed", label=<recours<BR/>`,                                                                               // manual, no agreement, but between two of the agency's systems: internal, not red
			`"rs" -> "si" [color="#2e75b6", fontcolor="#2e75b6", style="solid", label=`,                                                                                                  // signed, with a legal basis: not red
			`"portail-web" -> "si" [color="#548235"`,
		}, nil},
		{"option-chain", []string{
			`<TD ALIGN="LEFT" BGCOLOR="#f4b183">Inscription</TD>`, // the overlap
			`<TD ALIGN="LEFT" BGCOLOR="#ff7c80">Paiement</TD>`,    // a gap: no accountable
			`<B>chevauchement</B>`, `<B>lacune</B>`,
			`<TD ALIGN="LEFT">Éligibilité</TD>`,
			`>ARS</FONT>`, `>Opérateur de<BR/>paiement</FONT>`, `>Portail en<BR/>ligne</FONT>`,
		}, []string{`>Agence<`}}, // no stage names the agency: no column for it
		{"option-roadmap", []string{
			`Pilote de Sud-Ville`, `2026-03 – 2026-12`, `2027-01 – 2027-12`, `2028-01 →`,
			`3 × Délégation régionale`, `5 × Antenne`, `5 × Guichets communaux`, `Portail web`,
		}, nil},
	}
	for _, c := range cases {
		dot, ok := dots[c.chart]
		if !ok {
			t.Errorf("no chart %s", c.chart)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(dot, w) {
				t.Errorf("%s: missing %s", c.chart, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(dot, w) {
				t.Errorf("%s: unexpected %s", c.chart, w)
			}
		}
	}
	// The phases run in start order whatever the file order.
	rm := dots["option-roadmap"]
	if a, b := strings.Index(rm, "Pilote de Sud-Ville"), strings.Index(rm, "Délégations régionales"); a < 0 || b < 0 || a > b {
		t.Errorf("roadmap: the pilot (2026-03) must come before the regions (2027-01)")
	}
}

// walkSVG decodes every token of an SVG and returns its elements' names and
// its text, spaces collapsed (so wrapped labels read whole).
func walkSVG(t testing.TB, svg []byte) ([]string, string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	var names []string
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			names = append(names, x.Name.Local)
			for _, a := range x.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("event attribute %s=%q in SVG", a.Name.Local, a.Value)
				}
			}
		case xml.CharData:
			text.Write(x)
			text.WriteByte(' ')
		}
	}
	return names, strings.Join(strings.Fields(text.String()), " ") // wrapped lines joined
}

// TestSVGParses renders every view of the fixture, parses the SVG as XML and
// checks the texts are drawn (Graphviz draws a label it cannot parse as
// nothing, without an error).
func TestSVGParses(t *testing.T) {
	r := load(t, "testdata/study/option.yaml")
	mustShow := map[string][]string{
		"option-org.svg":            {"Direction générale", "3 × Délégation régionale", "Légende"},
		"option-territory.svg":      {"Nord", "Sud", "Est", "Antenne", "Bureau pilote de Sud-Ville"},
		"option-territory-nord.svg": {"Délégation régionale Nord", "Antenne Nord-Ouest", "Guichets communaux"},
		"option-territory-sud.svg":  {"Sud-Montagne", "Antenne Sud-Montagne", "Bureau pilote de Sud-Ville"},
		"option-ecosystem.svg":      {"MinFin", "Tutelle", "Virements", "Conseil d'administration"},
		"option-systems.svg":        {"SI des prestations", "⚠ données personnelles : sans convention signée, sans base légale", "quotidienne"},
		"option-chain.svg":          {"Éligibilité", "chevauchement", "lacune", "Réclamations"},
		"option-roadmap.svg":        {"Pilote de Sud-Ville", "2028", "Effectif atteint"},
	}
	for _, c := range build(t, r, "fr") {
		svg, err := SVG(c.DOT)
		if err != nil {
			t.Fatalf("%s: %v", c.Name("svg"), err)
		}
		if h, ok := RecordedHash(svg); !ok || h != Hash(c.DOT) {
			t.Errorf("%s: recorded hash %q, want %q", c.Name("svg"), h, Hash(c.DOT))
		}
		if !bytes.HasPrefix(svg, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<!-- orgdesign:dot-sha256=")) {
			t.Errorf("%s: the hash is not right after the XML declaration:\n%s", c.Name("svg"), svg[:120])
		}
		_, text := walkSVG(t, svg)
		if len(mustShow[c.Name("svg")]) == 0 {
			t.Errorf("%s: nothing to look for", c.Name("svg"))
		}
		for _, w := range mustShow[c.Name("svg")] {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not drawn", c.Name("svg"), w)
			}
		}
		if !bytes.Contains(svg, []byte(`font-family="DejaVu Sans,Verdana,Arial,Helvetica,sans-serif"`)) {
			t.Errorf("%s: no font fallbacks", c.Name("svg"))
		}
	}
}

// TestHostileNames draws names written to break out of DOT strings, HTML-like
// labels and SVG: every chart parses, its SVG is XML with no script element,
// and the names are drawn as text, Arabic included.
func TestHostileNames(t *testing.T) {
	r := load(t, "testdata/study/hostile.yaml")
	drawn := ""
	for _, c := range build(t, r, "fr") {
		if bytes.Contains(c.DOT, []byte("evil ->")) && !bytes.Contains(c.DOT, []byte(`\"]; evil -> agency; x [label=\"`)) {
			t.Errorf("%s: a relation label escaped its string:\n%s", c.Name("dot"), c.DOT)
		}
		svg, err := SVG(c.DOT)
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", c.Name("dot"), err, c.DOT)
		}
		names, text := walkSVG(t, svg)
		for _, n := range names {
			if strings.EqualFold(n, "script") || strings.EqualFold(n, "TABLE") || strings.EqualFold(n, "i") || strings.EqualFold(n, "b") {
				t.Errorf("%s: element <%s> injected", c.Name("svg"), n)
			}
		}
		if bytes.Contains(svg, []byte("<script")) {
			t.Errorf("%s: <script in the SVG", c.Name("svg"))
		}
		drawn += text
	}
	for _, want := range []string{
		`"><script>alert(1)</script>`, `a"b\`, `{x}|y`, "ligne un ligne deux",
		"cloche \uFFFD et &amp; et &#0; et ]]> et --", // the bell replaced, entities kept as text
		"الوكالة الوطنية", "الوكالة الوطنية للدعم", `"]; evil -> agency; x [label="`, `</TD></TR></TABLE>>];x[label=<`,
		`<svg onload=alert(1)>`, `\l\r\n`, `Phase <b>un</b> \N \G`, `Région "un" & <deux>`, `{p}|\N`, "بلد",
	} {
		if !strings.Contains(drawn, want) {
			t.Errorf("not drawn as text: %q", want)
		}
	}
	if strings.ContainsRune(drawn, '\a') {
		t.Error("a control character reached the SVG")
	}
}

func TestQuote(t *testing.T) {
	cases := []struct{ in, quoted, html string }{
		{`plain`, `"plain"`, `plain`},
		{`a"b\`, `"a\"b\\"`, `a&quot;b\\`},
		{"l1\nl2\r\nl3\rl4", `"l1\nl2\nl3\nl4"`, `l1<BR/>l2<BR/>l3<BR/>l4`},
		{`<b>&amp;</b>`, `"<b>&amp;amp;</b>"`, `&lt;b&gt;&amp;amp;&lt;/b&gt;`},
		{"\a\x00\x7f\u0085\t", "\"\uFFFD\uFFFD\uFFFD\uFFFD \"", "\uFFFD\uFFFD\uFFFD\uFFFD "},
		{"abc\u202edef\u2066", "\"abc\uFFFDdef\uFFFD\"", "abc\uFFFDdef\uFFFD"},
		{"\xff\xfe", "\"\uFFFD\"", "\uFFFD"},
		{"الوكالة {x}|y \\N", `"الوكالة {x}|y \\N"`, `الوكالة {x}|y \\N`},
	}
	for _, c := range cases {
		if got := quote(c.in); got != c.quoted {
			t.Errorf("quote(%q) = %q, want %q", c.in, got, c.quoted)
		}
		if got := htmlText(c.in); got != c.html {
			t.Errorf("htmlText(%q) = %q, want %q", c.in, got, c.html)
		}
	}
}

func TestWrap(t *testing.T) {
	got := wrap("Direction des systèmes d'information et de la donnée", 20)
	want := []string{"Direction des", "systèmes", "d'information et de", "la donnée"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := wrap("a\nb", 20); len(got) != 2 {
		t.Errorf("wrap kept %d lines of 2", len(got))
	}
}

func TestNumbers(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{{"fr", 1234567, "1\u00a0234\u00a0567"}, {"en", 1234567, "1,234,567"}, {"fr", 999, "999"}, {"en", -4500, "-4,500"}} {
		if got := dictFor(c.lang).int(c.n); got != c.want {
			t.Errorf("%s int(%d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
}

// TestWordsComplete checks both languages have the same words.
func TestWordsComplete(t *testing.T) {
	for k := range words["fr"] {
		if _, ok := words["en"][k]; !ok {
			t.Errorf("%q has no English word", k)
		}
	}
	for k := range words["en"] {
		if _, ok := words["fr"][k]; !ok {
			t.Errorf("%q has no French word", k)
		}
	}
}

// TestEnglish checks --lang en changes the tool's words, not the scenario's.
func TestEnglish(t *testing.T) {
	r := load(t, "testdata/study/option.yaml")
	for _, c := range build(t, r, "en") {
		s := string(c.DOT)
		for _, fr := range []string{"Légende", "agents<", "Organigramme", "Étape", "chevauchement"} {
			if strings.Contains(s, fr) {
				t.Errorf("%s: French word %q in English", c.Name("dot"), fr)
			}
		}
		if !strings.Contains(s, "Legend") || !strings.Contains(s, "Option de test") {
			t.Errorf("%s: no English legend or no scenario title", c.Name("dot"))
		}
	}
	if _, err := Build(r, nil, Views, Options{Lang: "de"}); err == nil {
		t.Error("lang de accepted")
	}
	if _, err := Build(r, nil, []string{"orgs"}, Options{}); err == nil {
		t.Error("view orgs accepted")
	}
}

// TestDeterministic builds and draws twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	r1 := load(t, "testdata/study/option.yaml")
	r2 := load(t, "testdata/study/option.yaml")
	a, b := build(t, r1, "fr"), build(t, r2, "fr")
	for i := range a {
		if !bytes.Equal(a[i].DOT, b[i].DOT) {
			t.Fatalf("%s differs between two builds", a[i].Name("dot"))
		}
		s1, err1 := SVG(a[i].DOT)
		s2, err2 := SVG(b[i].DOT)
		if err1 != nil || err2 != nil || !bytes.Equal(s1, s2) {
			t.Fatalf("%s: SVG differs between two renders (%v, %v)", a[i].Name("svg"), err1, err2)
		}
	}
}

// TestCurrent is what --check relies on: a DOT file is current when its bytes
// are, an SVG when the hash it records is the DOT's.
func TestCurrent(t *testing.T) {
	dot := []byte("digraph chart { a -> b; }\n")
	svg, err := SVG(dot)
	if err != nil {
		t.Fatal(err)
	}
	other := []byte("digraph chart { a -> c; }\n")
	for _, c := range []struct {
		name     string
		existing []byte
		format   string
		dot      []byte
		want     bool
	}{
		{"same dot", dot, "dot", dot, true},
		{"other dot", dot, "dot", other, false},
		{"svg of the dot", svg, "svg", dot, true},
		{"svg of other dot", svg, "svg", other, false},
		{"svg without hash", bytes.Replace(svg, []byte("orgdesign:dot-sha256="), []byte("x"), 1), "svg", dot, false},
		{"svg with a short hash", []byte("<?xml?>\n<!-- orgdesign:dot-sha256=abc -->\n<svg/>"), "svg", dot, false},
		{"empty file", nil, "svg", dot, false},
	} {
		got, err := Current(c.existing, c.format, c.dot)
		if err != nil || got != c.want {
			t.Errorf("%s: Current = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	if _, err := Current(svg, "png", dot); err == nil {
		t.Error("png accepted by Current")
	}
}

// TestRenderErrors: DOT that does not parse is an error, not a crash.
func TestRenderErrors(t *testing.T) {
	if _, err := SVG([]byte("digraph { a -> ; }")); err == nil {
		t.Error("a DOT syntax error gave no error")
	}
}

// TestConcurrentSVG renders from several goroutines: the mutex in render.go
// keeps go-graphviz's one WebAssembly instance safe (run with -race).
func TestConcurrentSVG(t *testing.T) {
	r := load(t, "testdata/study/option.yaml")
	cs := build(t, r, "fr", "org", "chain")
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cs[i%len(cs)]
			svg, err := SVG(c.DOT)
			if err == nil && !bytes.Contains(svg, []byte("</svg>")) {
				err = errors.New(c.Name("svg") + ": truncated")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestRasteriser(t *testing.T) {
	t.Run("none on PATH", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := FindRasteriser()
		if !errors.Is(err, ErrNoRasteriser) || !strings.Contains(err.Error(), "apt-get install librsvg2-bin") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("png", func(t *testing.T) {
		ras, err := FindRasteriser()
		if err != nil {
			t.Skip("no rasteriser installed (librsvg2-bin or graphviz)")
		}
		dot := []byte("digraph chart { a -> b; }\n")
		svg, err := SVG(dot)
		if err != nil {
			t.Fatal(err)
		}
		png, err := ras.PNG(svg, dot)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("%s did not write a PNG", ras.Path)
		}
	})
}

var sizeRE = regexp.MustCompile(`<svg width="([\d.]+)pt" height="([\d.]+)pt"`)

// svgSize returns the laid-out width and height of an SVG, in points.
func svgSize(t testing.TB, svg []byte) (float64, float64) {
	t.Helper()
	m := sizeRE.FindSubmatch(svg)
	if m == nil {
		t.Fatal("no size in the SVG")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	h, _ := strconv.ParseFloat(string(m[2]), 64)
	return w, h
}
