package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/templates"
)

// Options choose what Write and Render produce; the zero value writes both
// the HTML pages and the Markdown files.
type Options struct {
	NoHTML     bool // leave out the .html pages
	NoMarkdown bool // leave out the .md files
	XLSX       bool // add the workbook of the tables (WorkbookName)

	// Templates replace embedded templates by name (templates.ReadOverrides);
	// they run with the same functions and the same safe Markdown converter.
	Templates templates.Overrides

	// Progress, when set, is called before each scenario's page is rendered
	// with its rank from 1, the number of scenarios and the scenario's id.
	Progress func(i, n int, id string)
}

// File is one rendered file: a name inside the output folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// Render produces every file of the report in memory, in a fixed order: the
// index first (HTML, then Markdown), then each scenario in the report's order
// (HTML, Markdown, then the charts the Markdown shows, as charts/*.svg; the
// HTML has them inline). The same report gives the same bytes.
func Render(r *Report, opts Options) ([]File, error) {
	if r == nil {
		return nil, errors.New("report: nothing to render")
	}
	defer r.Release()
	if opts.NoHTML && opts.NoMarkdown && !opts.XLSX {
		return nil, errors.New("report: neither HTML, Markdown nor a workbook asked for")
	}
	l, err := NewLanguage(r.Lang)
	if err != nil {
		return nil, err
	}
	mdt, err := parseMarkdownTemplates(l, opts.Templates)
	if err != nil {
		return nil, err
	}
	htt, err := parseHTMLTemplate(l, opts.Templates)
	if err != nil {
		return nil, err
	}
	var out []File
	if opts.NoHTML && opts.NoMarkdown {
		data, err := Workbook(r)
		if err != nil {
			return nil, fmt.Errorf("report: %s: %w", WorkbookName, err)
		}
		return []File{{Name: WorkbookName, Data: data}}, nil
	}
	// Every chart is laid out in the background (and by worker processes
	// when allowed) while the pages' text is rendered; Build has started
	// those of the reports it makes.
	for _, s := range r.Scenarios {
		s.prefetch(s.Charts)
	}
	page := func(name, tmpl, title string, s *Scenario) error {
		if err := checkPageName(name); err != nil {
			return err
		}
		// The text first: the charts are laid out meanwhile.
		var htmlSrc, md []byte
		var err error
		if !opts.NoHTML {
			if htmlSrc, err = renderMarkdown(mdt, tmpl, pageData{R: r, S: s, Ext: ".html"}); err != nil {
				return err
			}
		}
		if !opts.NoMarkdown {
			if md, err = renderMarkdown(mdt, tmpl, pageData{R: r, S: s, Ext: ".md"}); err != nil {
				return err
			}
		}
		// The HTML page is converted with a mark where each chart goes,
		// then the charts, once laid out, replace their marks: goldmark
		// turns NUL into U+FFFD, so no text can forge a mark.
		var html []byte
		marks := map[string][]byte{}
		if !opts.NoHTML {
			for i, c := range s.chartList() {
				marks[c.Path] = chartMark(i)
			}
			if html, err = renderHTML(htt, newMarkdown(newChartImages(marks)), l.code, title, htmlSrc); err != nil {
				return fmt.Errorf("%s.html: %w", name, err)
			}
		}
		var charts map[string][]byte
		if s != nil && len(s.Charts) > 0 {
			if charts, err = layoutCharts(s); err != nil {
				return err
			}
		}
		if !opts.NoHTML {
			inline := make([][]byte, len(s.chartList()))
			for i, c := range s.chartList() {
				prefix := strings.TrimSuffix(strings.TrimPrefix(c.Path, chartsDir+"/"), ".svg") + "_"
				if inline[i], err = inlineSVG(charts[c.Path], prefix); err != nil {
					return fmt.Errorf("%s: %w", c.Path, err)
				}
			}
			out = append(out, File{Name: name + ".html", Data: spliceCharts(html, inline)})
		}
		if !opts.NoMarkdown {
			out = append(out, File{Name: name + ".md", Data: md})
			for _, c := range s.chartList() {
				out = append(out, File{Name: c.Path, Data: charts[c.Path]})
			}
		}
		return nil
	}
	if err := page(indexPage, templates.IndexMarkdown, r.Title, nil); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	seen := map[string]bool{indexPage: true}
	for i, s := range r.Scenarios {
		if opts.Progress != nil {
			opts.Progress(i+1, len(r.Scenarios), s.ID)
		}
		if seen[s.Page] {
			return nil, fmt.Errorf("report: two pages named %q", s.Page)
		}
		seen[s.Page] = true
		title := s.Title
		if r.Study != nil && r.Title != "" {
			title += " — " + r.Title
		}
		if err := page(s.Page, templates.ScenarioMarkdown, title, s); err != nil {
			return nil, fmt.Errorf("report: scenario %q: %w", s.ID, err)
		}
	}
	if opts.XLSX {
		data, err := Workbook(r)
		if err != nil {
			return nil, fmt.Errorf("report: %s: %w", WorkbookName, err)
		}
		out = append(out, File{Name: WorkbookName, Data: data})
	}
	return out, nil
}

// Write renders the report and writes its files into dir, created when
// missing, as WriteFiles does, and returns their paths, the index first.
// Nothing is written unless every file rendered.
func Write(dir string, r *Report, opts Options) ([]string, error) {
	files, err := Render(r, opts)
	if err != nil {
		return nil, err
	}
	return WriteFiles(dir, files)
}

// WriteFiles writes rendered files into dir, created when missing, and
// returns their paths. The new folder is built beside dir with the files and
// a copy of every file of dir the report does not own (Owns), then swapped in
// whole: the files the report owns but no longer produces are gone, the
// others are kept, and a failure before the swap leaves dir as it was.
func WriteFiles(dir string, files []File) ([]string, error) {
	out := make([]atomic.File, len(files))
	for i, f := range files {
		if err := checkFileName(f.Name); err != nil {
			return nil, err
		}
		out[i] = atomic.File{Name: f.Name, Data: f.Data}
	}
	return atomic.ReplaceTree(dir, out, Owns)
}

// Owns reports whether a name inside the output folder is one the report
// writes: a page (*.html, *.md) at its top, a chart (charts/*.svg) or one of
// the documents (orgdesign-report.xlsx, .docx, .pdf).
func Owns(name string) bool {
	dir, base := path.Split(name)
	switch dir {
	case "":
		return !strings.HasPrefix(base, ".") && (strings.HasSuffix(base, ".html") || strings.HasSuffix(base, ".md") ||
			base == WorkbookName || base == "orgdesign-report.docx" || base == "orgdesign-report.pdf")
	case chartsDir + "/":
		return !strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".svg")
	}
	return false
}

// OwnedFiles lists the files of dir the report owns (Owns), sorted, as
// slash-separated names; none when dir does not exist.
func OwnedFiles(dir string) ([]string, error) {
	var out []string
	for _, sub := range []string{"", chartsDir} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			name := path.Join(sub, e.Name())
			if e.Type().IsRegular() && Owns(name) {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// chartMark is where the i-th chart of a page goes in its HTML until it is
// laid out.
func chartMark(i int) []byte { return []byte("\x00chart " + strconv.Itoa(i) + "\x00") }

// spliceCharts replaces the marks of a page by the charts, in one pass.
func spliceCharts(page []byte, charts [][]byte) []byte {
	size := len(page)
	for _, c := range charts {
		size += len(c)
	}
	out := make([]byte, 0, size)
	for {
		i := bytes.IndexByte(page, 0)
		if i < 0 {
			return append(out, page...)
		}
		out = append(out, page[:i]...)
		page = page[i:]
		end := bytes.IndexByte(page[1:], 0)
		n, err := strconv.Atoi(strings.TrimPrefix(string(page[1:1+max(end, 0)]), "chart "))
		if end < 0 || err != nil || n < 0 || n >= len(charts) {
			// Not a mark (none other can be there): kept as it is.
			out = append(out, page[0])
			page = page[1:]
			continue
		}
		out = append(out, charts[n]...)
		page = page[end+2:]
	}
}
