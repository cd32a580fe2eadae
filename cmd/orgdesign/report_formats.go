package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/orgdesign/orgdesign/report"
)

// reportFormats are the formats `report --format` knows, in the order they are named.
var reportFormats = []string{"html", "md", "xlsx", "docx", "pdf"}

// The files written for the formats converted by system tools.
const (
	docxName = "orgdesign-report.docx"
	pdfName  = "orgdesign-report.pdf"
)

func parseFormats(list string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if !slices.Contains(reportFormats, f) {
			return nil, fmt.Errorf("unknown --format %q: use %s, comma-separated", f, strings.Join(reportFormats, ", "))
		}
		out[f] = true
	}
	return out, nil
}

// needTools checks, before anything is built or written, that the system
// tools the formats need are installed, naming the Debian package otherwise.
func needTools(formats map[string]bool) error {
	for _, t := range []struct{ format, tool string }{{"docx", "pandoc"}, {"pdf", "chromium"}} {
		if !formats[t.format] {
			continue
		}
		if _, err := exec.LookPath(t.tool); err != nil {
			return &exitError{code: exitUsage, msg: fmt.Sprintf("--format %s needs %s, which is not installed: apt-get install %s", t.format, t.tool, t.tool)}
		}
	}
	return nil
}

// keepFormats drops the files rendered only as the source of a conversion.
func keepFormats(files []report.File, formats map[string]bool) []report.File {
	var out []report.File
	for _, f := range files {
		switch {
		case strings.HasSuffix(f.Name, ".html") && !formats["html"]:
		case (strings.HasSuffix(f.Name, ".md") || strings.HasPrefix(f.Name, "charts/")) && !formats["md"]:
		default:
			out = append(out, f)
		}
	}
	return out
}

// convertWithTools makes the DOCX (pandoc, from the Markdown pages: the index
// then each scenario) and the PDF (headless Chromium, from index.html) in a
// temporary folder, and returns them as files to write.
func convertWithTools(files []report.File, formats map[string]bool) ([]report.File, error) {
	if !formats["docx"] && !formats["pdf"] {
		return nil, nil
	}
	tmp, err := os.MkdirTemp("", "orgdesign-convert-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var pages []string
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return nil, err
		}
		if strings.HasSuffix(f.Name, ".md") && path.Dir(f.Name) == "." {
			pages = append(pages, f.Name)
		}
	}
	var out []report.File
	run := func(name string, cmd *exec.Cmd) error {
		var stderr bytes.Buffer
		cmd.Dir, cmd.Stdout, cmd.Stderr = tmp, io.Discard, &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(stderr.String()))
		}
		data, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			return fmt.Errorf("%s was not produced: %v", name, err)
		}
		out = append(out, report.File{Name: name, Data: data})
		return nil
	}
	if formats["docx"] {
		args := append([]string{"--from", "gfm", "--resource-path", tmp, "--output", docxName}, pages...)
		if err := run(docxName, exec.Command("pandoc", args...)); err != nil {
			return nil, err
		}
	}
	if formats["pdf"] {
		profile := filepath.Join(tmp, ".chromium-profile")
		cmd := exec.Command("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
			"--user-data-dir="+profile, "--print-to-pdf="+filepath.Join(tmp, pdfName), "file://"+filepath.ToSlash(filepath.Join(tmp, "index.html")))
		if err := run(pdfName, cmd); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkReport compares the rendered files with dir: it lists each stale or
// missing file, and the files in dir under the names the report owns that it
// no longer produces, and writes nothing.
func checkReport(w io.Writer, dir string, files []report.File) error {
	var problems []string
	want := map[string]bool{}
	for _, f := range files {
		want[f.Name] = true
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		switch {
		case err != nil:
			problems = append(problems, "missing: "+f.Name)
		case !bytes.Equal(got, f.Data):
			problems = append(problems, "stale: "+f.Name)
		}
	}
	owned, err := report.OwnedFiles(dir)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	for _, name := range owned {
		if !want[name] {
			problems = append(problems, "not produced any more: "+name)
		}
	}
	for _, p := range problems {
		fmt.Fprintf(w, "%s: %s\n", filepath.ToSlash(dir), p)
	}
	if len(problems) > 0 {
		return &exitError{code: exitFindings, msg: fmt.Sprintf("%d report file(s) out of date in %s", len(problems), filepath.ToSlash(dir))}
	}
	return nil
}
