// Package templates embeds what the report is written with: the Markdown
// templates (text/template), the HTML page layout (html/template) and the
// report's strings in French and English.
//
// It holds no logic beyond parsing: the report package supplies the template
// functions (among them the one Markdown escaping helper) and the data.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	"sync"
	texttemplate "text/template"

	"go.yaml.in/yaml/v3"
)

//go:embed md/*.tmpl html/*.tmpl i18n/*.yaml
var files embed.FS

// The templates' names.
const (
	IndexMarkdown     = "index.md.tmpl"     // the study's overview page
	ScenarioMarkdown  = "scenario.md.tmpl"  // one scenario's page
	AnalyzeMarkdown   = "analyze.md.tmpl"   // the analysis sections of every scenario, for `orgdesign analyze`
	Analysis          = "analysis"          // the analysis sections of one scenario, in both of the above
	BenchmarkMarkdown = "benchmark.md.tmpl" // the comparison and scorecard of every scenario, for `orgdesign benchmark`
	Comparison        = "comparison"        // the international comparison and scorecard of one scenario, in both of the above
	Risks             = "risks"             // the risks and mitigations of one scenario, on its page
	Page              = "page.html.tmpl"    // the HTML layout around converted Markdown
)

// Default is the language used when none is asked for.
const Default = "fr"

// Languages returns the languages the report can be written in, the default first.
func Languages() []string { return []string{"fr", "en"} }

// Markdown parses the Markdown templates with funcs, which must define every
// function the templates call, then the overrides of Markdown templates, if
// any, over them.
func Markdown(funcs texttemplate.FuncMap, ov Overrides) (*texttemplate.Template, error) {
	t, err := texttemplate.New("md").Funcs(funcs).ParseFS(files, "md/*.tmpl")
	if err != nil {
		return nil, err
	}
	for _, name := range ov.names("md") {
		if _, err := t.New(name).Parse(ov[name]); err != nil {
			return nil, fmt.Errorf("--templates: %w", err)
		}
	}
	return t, nil
}

// HTML parses the HTML page layout with funcs, or its override.
func HTML(funcs htmltemplate.FuncMap, ov Overrides) (*htmltemplate.Template, error) {
	t, err := htmltemplate.New(Page).Funcs(funcs).ParseFS(files, "html/"+Page)
	if err != nil {
		return nil, err
	}
	for _, name := range ov.names("html") {
		if _, err := t.New(name).Parse(ov[name]); err != nil {
			return nil, fmt.Errorf("--templates: %w", err)
		}
	}
	return t, nil
}

// Strings are one language's strings by section ("label", "tier", ...) and key.
type Strings map[string]map[string]string

// Get returns the text of key in section and whether it exists.
func (s Strings) Get(section, key string) (string, bool) {
	v, ok := s[section][key]
	return v, ok
}

// Keys returns every "section.key" in sorted order.
func (s Strings) Keys() []string {
	var out []string
	for section, m := range s {
		for k := range m {
			out = append(out, section+"."+k)
		}
	}
	slices.Sort(out)
	return out
}

// LoadStrings reads the strings of a language: one of Languages(). The
// maps returned are shared between callers: read them, never write them.
func LoadStrings(lang string) (Strings, error) {
	if s, ok := loaded.Load(lang); ok {
		return s.(Strings), nil
	}
	s, err := parseStrings(lang)
	if err != nil {
		return nil, err
	}
	loaded.Store(lang, s)
	return s, nil
}

// loaded keeps the strings parsed, per language: a report parses them once,
// not at every page (they are read only).
var loaded sync.Map

func parseStrings(lang string) (Strings, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("language %q is not supported (use %s)", lang, strings.Join(Languages(), " or "))
	}
	data, err := files.ReadFile("i18n/" + lang + ".yaml")
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var s Strings
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("i18n/%s.yaml: %w", lang, err)
	}
	return s, nil
}
