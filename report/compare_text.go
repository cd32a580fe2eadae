package report

import (
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/orgdesign/orgdesign/templates"
)

// The Markdown templates of `orgdesign compare` and `orgdesign diff`; both
// lay their tables out with the "compareTable" block of compare.md.tmpl.
const (
	compareTemplate = "compare.md.tmpl"
	diffTemplate    = "diff.md.tmpl"
)

// WriteCompareText writes a comparison as plain-text tables for a terminal.
func WriteCompareText(w io.Writer, cr *CompareReport) error {
	if cr == nil {
		return errors.New("report: no comparison to write")
	}
	l, err := NewLanguage(cr.Lang)
	if err != nil {
		return err
	}
	t := &textWriter{l: l}
	tab := func(tb Table) { t.table(tb.cols(), tb.rows(), 0) }
	t.heading(cr.Title, '=')
	t.heading(l.word("scenarios"), '-')
	tab(cr.Scenarios)
	t.heading(l.word("sideBySide"), '-')
	tab(cr.Figures)
	if len(cr.Costs.Rows) > 0 {
		t.heading(l.word("costsByYear"), '-')
		t.line("  " + cr.CostBasis)
		t.buf.WriteString("\n")
		tab(cr.Costs)
	}
	if len(cr.Peers.Rows) > 0 {
		t.heading(l.word("peers"), '-')
		for _, n := range cr.PeersNotes {
			t.line("  " + n)
		}
		t.buf.WriteString("\n")
		tab(cr.Peers)
	}
	if !cr.Ranked {
		t.subheading(l.word("noCriteria"))
	} else {
		t.heading(l.word("ranking"), '-')
		tab(cr.Ranking)
		t.subheading(l.word("contributions"))
		tab(cr.Contrib)
		t.subheading(l.word("values"))
		tab(cr.Values)
		if len(cr.Reversal) > 0 {
			t.subheading(l.word("reversalTitle"))
			for _, s := range cr.Reversal {
				t.line("  " + s)
			}
		}
		t.heading(l.word("byGroup"), '-')
		tab(cr.Groups)
		for _, s := range cr.LeftOut {
			t.line("  " + s)
		}
		t.heading(l.word("missing"), '-')
		if len(cr.Missing.Rows) == 0 {
			t.line("  " + l.word("noMissing"))
		}
		tab(cr.Missing)
		if len(cr.Limits.Rows) > 0 || len(cr.Perturbed.Rows) > 0 {
			t.heading(l.word("sensitivity"), '-')
			if len(cr.Perturbed.Rows) > 0 {
				t.line("  " + cr.Draws)
				t.buf.WriteString("\n")
				tab(cr.Perturbed)
			}
			t.subheading(l.word("thresholds"))
			tab(cr.Limits)
		}
	}
	if len(cr.Recommendation) > 0 {
		t.heading(l.word("recommendation"), '-')
		for _, s := range cr.Recommendation {
			t.line("  " + s)
		}
		if cr.Departs {
			t.subheading(l.Label("rationale"))
			if cr.Rationale == "" {
				t.line("  " + l.word("noRationale"))
			}
			for _, s := range strings.Split(cr.Rationale, "\n") {
				if cr.Rationale != "" {
					t.line("  " + s)
				}
			}
		}
	}
	t.heading(l.word("method"), '-')
	for _, m := range cr.Method {
		t.line("  - " + m)
	}
	_, err = w.Write(t.buf.Bytes())
	return err
}

// CompareMarkdown renders a comparison as GitHub-flavoured Markdown.
func CompareMarkdown(cr *CompareReport) ([]byte, error) {
	if cr == nil {
		return nil, errors.New("report: no comparison to render")
	}
	return compareMarkdown(cr.Lang, compareTemplate, cr)
}

// WriteDiffText writes a diff as plain-text tables for a terminal.
func WriteDiffText(w io.Writer, dr *DiffReport) error {
	if dr == nil {
		return errors.New("report: no diff to write")
	}
	l, err := NewLanguage(dr.Lang)
	if err != nil {
		return err
	}
	t := &textWriter{l: l}
	t.heading(dr.Title, '=')
	t.facts([][2]string{{l.word("diffFrom"), dr.From}, {l.word("diffTo"), dr.To}})
	if dr.Empty {
		t.subheading(l.word("noDifference"))
	}
	for _, s := range dr.Sections {
		t.heading(s.Title, '-')
		t.table(s.Table.cols(), s.Table.rows(), 0)
	}
	_, err = w.Write(t.buf.Bytes())
	return err
}

// DiffMarkdown renders a diff as a concise GitHub-flavoured Markdown
// summary, for a pull request.
func DiffMarkdown(dr *DiffReport) ([]byte, error) {
	if dr == nil {
		return nil, errors.New("report: no diff to render")
	}
	return compareMarkdown(dr.Lang, diffTemplate, dr)
}

// compareData is what compare.md.tmpl and diff.md.tmpl read: the report
// and the words of the compare section (escaped by the templates).
type compareData struct {
	R any
	L map[string]string
}

func compareMarkdown(lang, name string, r any) ([]byte, error) {
	l, err := NewLanguage(lang)
	if err != nil {
		return nil, err
	}
	t, err := templates.Markdown(markdownFuncs(l), nil)
	if err != nil {
		return nil, err
	}
	t.Option("missingkey=error") // a word missing from .L is an error, not an empty text
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, compareData{R: r, L: l.strings[compareSection]}); err != nil {
		return nil, err
	}
	out := bytes.TrimRight(buf.Bytes(), "\n")
	return append(out, '\n'), nil
}
