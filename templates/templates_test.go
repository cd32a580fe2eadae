package templates

import (
	htmltemplate "html/template"
	"slices"
	"strings"
	"testing"
	texttemplate "text/template"
)

func TestLanguagesHaveTheSameKeys(t *testing.T) {
	fr, err := LoadStrings("fr")
	if err != nil {
		t.Fatal(err)
	}
	en, err := LoadStrings("en")
	if err != nil {
		t.Fatal(err)
	}
	fk, ek := fr.Keys(), en.Keys()
	for _, k := range fk {
		if !slices.Contains(ek, k) {
			t.Errorf("en.yaml lacks %s", k)
		}
	}
	for _, k := range ek {
		if !slices.Contains(fk, k) {
			t.Errorf("fr.yaml lacks %s", k)
		}
	}
	for _, s := range []Strings{fr, en} {
		for _, k := range s.Keys() {
			section, key, _ := strings.Cut(k, ".")
			if v, _ := s.Get(section, key); strings.TrimSpace(v) == "" {
				t.Errorf("%s is empty", k)
			}
		}
	}
	if v, _ := fr.Get("legalForm", "autonomous-agency"); v != "Établissement public autonome" {
		t.Errorf("fr legalForm.autonomous-agency = %q", v)
	}
	if v, _ := en.Get("legalForm", "autonomous-agency"); v != "Autonomous agency" {
		t.Errorf("en legalForm.autonomous-agency = %q", v)
	}
}

func TestLoadStringsRefusesUnknownLanguage(t *testing.T) {
	if _, err := LoadStrings("de"); err == nil || !strings.Contains(err.Error(), "fr or en") {
		t.Errorf("LoadStrings(de): %v", err)
	}
	if _, err := LoadStrings("../i18n/fr"); err == nil {
		t.Error("a path was accepted as a language")
	}
}

func TestTemplatesParse(t *testing.T) {
	stub := func(string) string { return "" }
	md, err := Markdown(texttemplate.FuncMap{"esc": stub, "t": stub, "markdown": stub, "markdownCell": stub, "cite": stub, "chart": stub, "quote": stub}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{IndexMarkdown, ScenarioMarkdown, AnalyzeMarkdown, Analysis, BenchmarkMarkdown, Comparison, Risks, "organisation", "buildUp", "diagnostics"} {
		if md.Lookup(name) == nil {
			t.Errorf("no Markdown template %s", name)
		}
	}
	page, err := HTML(htmltemplate.FuncMap{"t": stub}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if page.Lookup(Page) == nil {
		t.Errorf("no HTML template %s", Page)
	}
	if _, err := Markdown(texttemplate.FuncMap{}, nil); err == nil {
		t.Error("the Markdown templates parsed without their functions")
	}
}
