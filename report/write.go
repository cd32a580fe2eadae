package report

import (
	"errors"
	"fmt"
	"strings"

	"github.com/orgdesign/orgdesign/internal/atomic"
	"github.com/orgdesign/orgdesign/templates"
)

// Options choose what Write and Render produce; the zero value writes both
// the HTML pages and the Markdown files.
type Options struct {
	NoHTML     bool // leave out the .html pages
	NoMarkdown bool // leave out the .md files
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
	if opts.NoHTML && opts.NoMarkdown {
		return nil, errors.New("report: neither HTML nor Markdown asked for")
	}
	l, err := NewLanguage(r.Lang)
	if err != nil {
		return nil, err
	}
	mdt, err := parseMarkdownTemplates(l)
	if err != nil {
		return nil, err
	}
	htt, err := parseHTMLTemplate(l)
	if err != nil {
		return nil, err
	}
	var out []File
	page := func(name, tmpl, title string, s *Scenario) error {
		if err := checkPageName(name); err != nil {
			return err
		}
		var charts map[string][]byte
		if s != nil && len(s.Charts) > 0 {
			var err error
			if charts, err = layoutCharts(s); err != nil {
				return err
			}
		}
		if !opts.NoHTML {
			inline := make(map[string][]byte, len(charts))
			for path, svg := range charts {
				prefix := strings.TrimSuffix(strings.TrimPrefix(path, chartsDir+"/"), ".svg") + "_"
				data, err := inlineSVG(svg, prefix)
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				inline[path] = data
			}
			src, err := renderMarkdown(mdt, tmpl, pageData{R: r, S: s, Ext: ".html"})
			if err != nil {
				return err
			}
			data, err := renderHTML(htt, newMarkdown(newChartImages(inline)), l.code, title, src)
			if err != nil {
				return fmt.Errorf("%s.html: %w", name, err)
			}
			out = append(out, File{Name: name + ".html", Data: data})
		}
		if !opts.NoMarkdown {
			data, err := renderMarkdown(mdt, tmpl, pageData{R: r, S: s, Ext: ".md"})
			if err != nil {
				return err
			}
			out = append(out, File{Name: name + ".md", Data: data})
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
	for _, s := range r.Scenarios {
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
	return out, nil
}

// Write renders the report and writes its files into dir, created when
// missing, and returns their paths, the index first. Nothing is written unless
// every file rendered; each file is written to a temporary file in dir, synced,
// then renamed over its name, so no reader ever sees a half-written file. All
// files are staged before the first rename; should a rename still fail, the
// paths already replaced come back with the error.
func Write(dir string, r *Report, opts Options) ([]string, error) {
	files, err := Render(r, opts)
	if err != nil {
		return nil, err
	}
	out := make([]atomic.File, len(files))
	for i, f := range files {
		if err := checkFileName(f.Name); err != nil {
			return nil, err
		}
		out[i] = atomic.File{Name: f.Name, Data: f.Data}
	}
	return atomic.WriteTree(dir, out)
}
