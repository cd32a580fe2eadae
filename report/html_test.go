package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestUnicodeIDs(t *testing.T) {
	ids := newUnicodeIDs()
	ids.Put([]byte("déjà-pris"))
	tests := []struct{ in, want string }{
		{"Délégation régionale", "délégation-régionale"},
		{"Délégation régionale", "délégation-régionale-1"},
		{"  Délégation   régionale ", "délégation-régionale-2"},
		{"الوكالة الوطنية للدعم الاجتماعي", "الوكالة-الوطنية-للدعم-الاجتماعي"},
		{"Cadre d'administration (CA) : rôle", "cadre-dadministration-ca-rôle"},
		{"Casablanca–Settat", "casablanca-settat"},
		{`Service accueil \| orientation`, "service-accueil-orientation"},
		{"ÉTAPE 2", "étape-2"},
		{"Déjà pris", "déjà-pris-1"},
		{"!!!", "section"},
		{"", "section-1"},
	}
	for _, tt := range tests {
		got := string(ids.Generate([]byte(tt.in), ast.KindHeading))
		if got != tt.want {
			t.Errorf("Generate(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if !safeID(got) {
			t.Errorf("Generate(%q) = %q is not a safe id", tt.in, got)
		}
	}
	for _, bad := range []string{"", `a"b`, "a<b", "a b", "a&b", "#a"} {
		if safeID(bad) {
			t.Errorf("safeID(%q) = true", bad)
		}
	}
}

var (
	headingRE = regexp.MustCompile(`<h([23]) id="([^"]*)">([^<]*)</h[23]>`)
	tocLinkRE = regexp.MustCompile(`<li><a href="#([^"]*)">([^<]*)</a>`)
)

// TestTOCLinksMatchHeadingIDs checks that accented and Arabic headings get
// Unicode ids and that the table of contents links to each h2 and h3 by the
// very same id, in order.
func TestTOCLinksMatchHeadingIDs(t *testing.T) {
	for _, f := range renderFixture(t, "fr") {
		if !strings.HasSuffix(f.Name, ".html") {
			continue
		}
		page := string(f.Data)
		var headings, links []string
		for _, m := range headingRE.FindAllStringSubmatch(page, -1) {
			headings = append(headings, m[2])
		}
		for _, m := range tocLinkRE.FindAllStringSubmatch(page, -1) {
			links = append(links, m[1])
		}
		if len(headings) == 0 || strings.Join(headings, " ") != strings.Join(links, " ") {
			t.Errorf("%s: heading ids %q, table of contents links %q", f.Name, headings, links)
		}
		switch f.Name {
		case "index.html":
			for _, want := range []string{
				`<h3 id="تأخر-الأداء">تأخر الأداء</h3>`,
				`<li><a href="#تأخر-الأداء">تأخر الأداء</a></li>`,
				`<h2 id="diagnostic-de-la-chaîne-de-mise-en-œuvre">`,
				`<li><a href="#diagnostic-de-la-chaîne-de-mise-en-œuvre">`,
				// The committee's pack: every section, in order of reading.
				`<h2 id="synthèse">`, `<h3 id="recommandation">`, `<h3 id="décisions-demandées-au-comité">`,
				`<h2 id="options-étudiées">`, `<h2 id="classement-des-options">`, `<h3 id="classement-combiné">`,
				`<h3 id="classement-par-groupe-de-parties-prenantes">`, `<h3 id="sensibilité-aux-pondérations">`,
				`<h2 id="annexes">`, `<h3 id="démarche-participative">`, `<h3 id="sources-de-létude-et-des-scénarios">`,
				`<h3 id="hypothèses-des-scénarios">`, `<h3 id="glossaire">`,
				`<div class="callout callout-warning" role="alert">`, // the recommendation departs from the ranking
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %s", f.Name, want)
				}
			}
		case "option-deconcentree.html":
			for _, want := range []string{
				`<h3 id="التقرب-من-الأسر">`,
				`<li><a href="#التقرب-من-الأسر">`,
				`<h3 id="réduire-les-délais-de-traitement">`,
				`<li><a href="#réduire-les-délais-de-traitement">`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %s", f.Name, want)
				}
			}
		}
	}
}

// TestHostileTextDoesNotReachHTML puts raw HTML, scripts and javascript: links
// in a scenario's Markdown summary, its title, a unit's name and a finding:
// none may survive as markup in the HTML pages.
func TestHostileTextDoesNotReachHTML(t *testing.T) {
	set, diags := loadFixture(t)
	const script = `<script>alert("x")</script>`
	s := set.Scenarios[1]
	s.Header.Title = "Option " + script
	s.Header.Summary = "Résumé " + script + "\n\n<img src=x onerror=alert(1)>\n\n[clic](javascript:alert(2)) <a href=\"javascript:alert(3)\">a</a>"
	s.Institution.Notes = "Notes\n\n<!-- jamais fermé"
	s.Units[2].Name = `Accueil <iframe src="https://evil.example"></iframe> | orientation`
	for _, in := range s.InstancesOf(s.Units[2].ID) {
		in.Name = s.Units[2].Name
	}
	set.Study.Findings[0].Title = "Constat " + script
	set.Study.Findings[0].Evidence = "<style>body{display:none}</style>\n\nPreuve."
	set.Study.Header.Client = "<b onclick=alert(4)>Client</b>"
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Markup, not text: a real tag, or an attribute inside one.
	forbidden := regexp.MustCompile(`(?i)<(script|img|iframe|style[^>]*>body|b)[\s>]|<[^>]*\s(on\w+=|href="javascript)`)
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".html") {
			continue
		}
		page := string(f.Data)
		// The layout's own <style> is the only one.
		page = strings.Replace(page, "<style>\n:root", "", 1)
		if m := forbidden.FindString(page); m != "" {
			t.Errorf("%s: hostile markup survived: %q", f.Name, m)
		}
		if strings.Count(string(f.Data), "<style") != 1 {
			t.Errorf("%s: %d <style> elements", f.Name, strings.Count(string(f.Data), "<style"))
		}
	}
	page := fileNamed(t, files, "option-deconcentree.html")
	for _, want := range []string{
		// Escaped text reads as text.
		`<h1 id="option-scriptalertxscript">Option &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>`,
		`<title>Option &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; — `,
		`<td>Accueil &lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; | orientation</td>`,
		// The notes leave an HTML comment open: they are written as text.
		`&lt;!-- jamais fermé`,
		// The org chart drawn inline has the name as text too.
		`src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;</text>`,
		// The rest of the page is still there.
		`<h2 id="unités-effectifs-et-coûts">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("option-deconcentree.html lacks %s", want)
		}
	}
	index := fileNamed(t, files, "index.html")
	for _, want := range []string{
		`<!-- raw HTML omitted -->`, // the <style> block of the evidence
		`<p>Preuve.</p>`,
		"<strong>Client</strong>\u00a0: &lt;b onclick=alert(4)&gt;Client&lt;/b&gt;",
	} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

func fileNamed(t *testing.T, files []File, name string) string {
	t.Helper()
	for _, f := range files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("no file %s", name)
	return ""
}

// TestPagesAreSelfContained checks the HTML loads nothing: no script, no
// stylesheet link, no remote source, and a policy forbidding them.
func TestPagesAreSelfContained(t *testing.T) {
	remote := regexp.MustCompile(`(?i)<script|<link|src="(https?:)?//|@import|url\(`)
	for _, f := range renderFixture(t, "en") {
		if !strings.HasSuffix(f.Name, ".html") {
			continue
		}
		page := string(f.Data)
		if m := remote.FindString(page); m != "" {
			t.Errorf("%s loads something: %q", f.Name, m)
		}
		for _, want := range []string{`<html lang="en">`, `default-src 'none'`, `@page { size: A4`, `break-before: page`, `break-inside: avoid`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", f.Name, want)
			}
		}
	}
}
