package risk

import (
	"bytes"
	_ "embed"
	"regexp"
	"strings"
	"text/template"

	"github.com/orgdesign/orgdesign/internal/escape"
	"github.com/orgdesign/orgdesign/internal/textfmt"
)

//go:embed markdown.md.tmpl
var markdownTemplate string

// Markdown renders assessments as GitHub-flavoured Markdown: per scenario a
// level-1 heading, then the sections of MarkdownSections at level 2.
func Markdown(list []*Assessment, lang string) ([]byte, error) {
	return render("document", lang, struct{ List []*Assessment }{list})
}

// MarkdownSections renders one assessment's sections (register, heat maps,
// findings to triage, dismissed findings, simulation when there is one) with
// headings at the given level (1 to 5), for a report to fold into its own
// page.
func MarkdownSections(a *Assessment, lang string, level int) ([]byte, error) {
	return render("sections", lang, sectionData(a, min(5, max(1, level))))
}

// sectionsData is what the sections template reads.
type sectionsData struct {
	A               *Assessment
	Level           int
	AcceptedNote    string // "(dont 2 constats acceptés)", or ""
	Open, Dismissed []Finding
	AppetiteSource  string
}

func sectionData(a *Assessment, level int) sectionsData {
	return sectionsData{A: a, Level: level, AcceptedNote: acceptedNote(a, a.Lang),
		Open: a.FindingsWith(Open), Dismissed: a.FindingsWith(Dismissed), AppetiteSource: "appetite." + appetiteKey(a.AppetiteSource)}
}

// gridData is one heat map as table rows, likelihood 5 first.
type gridData struct {
	Name string
	Rows []gridRow
}

type gridRow struct {
	Level int
	Cells []int
}

func render(name, lang string, data any) ([]byte, error) {
	st := textfmt.For(lang)
	funcs := template.FuncMap{
		"w":  func(key string) string { return word(lang, key) },
		"md": escape.Markdown,
		"h": func(level, offset int) string {
			return strings.Repeat("#", min(6, max(1, level+offset)))
		},
		"sections": sectionData,
		"level":    func(l Level) string { return word(lang, "level."+l.String()) },
		"category": func(c string) string { return escape.Markdown(word(lang, "category."+c)) },
		"origin":   func(it Item) string { return escape.Markdown(originText(it, lang)) },
		"score":    scoreText,
		"num": func(v any, decimals int) string {
			switch x := v.(type) {
			case int:
				return st.Number(float64(x), decimals)
			case float64:
				return st.Number(x, decimals)
			case *float64:
				return st.Number(*x, decimals)
			}
			return ""
		},
		"money":   func(v float64, currency string) string { return escape.Markdown(st.Amount(v, currency)) },
		"pct":     st.Percent,
		"inc":     func(i int) int { return i + 1 },
		"lower":   strings.ToLower,
		"sources": func(s Sources) string { return calibrationSources(s, lang) },
		"subjects": func(ids []string) string {
			out := make([]string, len(ids))
			for i, id := range ids {
				out[i] = escape.Markdown(id)
			}
			return strings.Join(out, ", ")
		},
		"mitigations": func(ms []Mitigation) string {
			out := make([]string, len(ms))
			for i, m := range ms {
				out[i] = escape.Markdown(m.Title) + " (" + word(lang, "reduces."+m.Reduces) + " −" + itoa(m.By)
				if m.Status != "" {
					out[i] += ", " + word(lang, "status."+m.Status)
				}
				out[i] += ")"
			}
			return strings.Join(out, word(lang, "semicolon"))
		},
		"grid": func(g Grid, name string) gridData {
			d := gridData{Name: name}
			for l := 5; l >= 1; l-- {
				d.Rows = append(d.Rows, gridRow{Level: l, Cells: g[l-1][:]})
			}
			return d
		},
	}
	t, err := template.New("risk").Funcs(funcs).Parse(markdownTemplate)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return nil, err
	}
	return blankLines.ReplaceAll(b.Bytes(), []byte("\n\n")), nil
}

// blankLines are runs of blank lines the template's conditionals leave: one is enough.
var blankLines = regexp.MustCompile(`\n{3,}`)
