package report

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "out", "rapport") // created with its parent
	paths, err := Write(dir, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := Render(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	pages := 0
	for _, f := range files {
		if !strings.HasPrefix(f.Name, "charts/") {
			pages++
		}
		want = append(want, filepath.Join(dir, filepath.FromSlash(f.Name)))
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s on disk differs from Render", f.Name)
		}
	}
	if !slices.Equal(paths, want) || filepath.Base(paths[0]) != "index.html" {
		t.Errorf("paths %q, want %q", paths, want)
	}
	entries, _ := os.ReadDir(dir)
	charts, _ := os.ReadDir(filepath.Join(dir, "charts"))
	if len(entries) != pages+1 || len(charts) != len(files)-pages || len(charts) == 0 {
		t.Errorf("%d entries in the folder and %d in charts/ for %d files (temporary files left?)", len(entries), len(charts), len(files))
	}
	// Writing again without the Markdown leaves only the HTML pages: the
	// Markdown files and the charts are the report's and no longer produced.
	html, err := Write(dir, r, Options{NoMarkdown: true})
	if err != nil {
		t.Fatal(err)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != len(html) {
		t.Errorf("%d entries after a second write of %d pages: %v", len(entries), len(html), entries)
	}
}

// TestWriteReplacesOwnedKeepsForeign writes into a folder holding a page the
// report no longer produces, a chart likewise, and files of the user's: the
// report's leftovers are gone, the user's files kept with their bytes and
// modes, and nothing is left beside the folder.
func TestWriteReplacesOwnedKeepsForeign(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, "rapport")
	for name, data := range map[string]string{
		"ancien-scenario.html":  "old page",
		"charts/ancien-org.svg": "<svg/>",
		"notes.txt":             "the consultant's notes",
		"charts/logo.png":       "png",
		"annexes/lettre.md":     "a letter",
		".git/HEAD":             "ref: refs/heads/main",
		"index.html":            "old index",
		"orgdesign-report.xlsx": "old workbook",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Write(dir, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"ancien-scenario.html", "charts/ancien-org.svg", "orgdesign-report.xlsx"} {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(gone))); !os.IsNotExist(err) {
			t.Errorf("%s: still there (%v)", gone, err)
		}
	}
	for name, data := range map[string]string{"notes.txt": "the consultant's notes", "charts/logo.png": "png",
		"annexes/lettre.md": "a letter", ".git/HEAD": "ref: refs/heads/main"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		got, err := os.ReadFile(p)
		if err != nil || string(got) != data {
			t.Errorf("%s = %q, %v; want %q", name, got, err, data)
		}
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", name, st.Mode(), err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "index.html")); string(b) == "old index" {
		t.Error("index.html was not replaced")
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("beside the folder: %v", entries)
	}
}

// TestWriteNothingWhenRenderFails gives Write a report whose last page cannot
// be rendered: no file may be written, not even the pages before it.
func TestWriteNothingWhenRenderFails(t *testing.T) {
	for name, spoil := range map[string]func(r *Report){
		"page outside the folder": func(r *Report) { r.Scenarios[1].Page = "../evil" },
		"page over the index":     func(r *Report) { r.Scenarios[1].Page = "index" },
		"two pages with a name":   func(r *Report) { r.Scenarios[1].Page = r.Scenarios[0].Page },
		"unknown language":        func(r *Report) { r.Lang = "xx" },
	} {
		t.Run(name, func(t *testing.T) {
			set, diags := loadFixture(t)
			r, err := Build(set, diags, "fr")
			if err != nil {
				t.Fatal(err)
			}
			spoil(r)
			root := t.TempDir()
			dir := filepath.Join(root, "out")
			paths, err := Write(dir, r, Options{})
			if err == nil {
				t.Fatalf("no error; wrote %q", paths)
			}
			if len(paths) != 0 {
				t.Errorf("paths %q", paths)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the output folder was created: %v", err)
			}
			if _, err := os.Stat(filepath.Join(root, "evil.html")); !os.IsNotExist(err) {
				t.Error("a file was written outside the folder")
			}
		})
	}
}

func TestWriteKeepsOldFilesWhenItCannotWrite(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	old := filepath.Join(dir, "index.html")
	if err := os.WriteFile(old, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder where the last file should go is found before anything is written.
	if err := os.Mkdir(filepath.Join(dir, "option-deconcentree.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "option-deconcentree.md", "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, r, Options{}); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "old" {
		t.Errorf("index.html was replaced: %.40q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestCheckFileName(t *testing.T) {
	for _, name := range []string{"index.html", "charts/option-a-org.svg", "charts/a-territory-nord.svg"} {
		if err := checkFileName(name); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
	for _, name := range []string{"", "../x", "charts/../x", "charts/a/b.svg", "other/x.svg", "charts/.x", "charts/", "/charts/x", `charts\x`} {
		if err := checkFileName(name); err == nil {
			t.Errorf("%q accepted", name)
		}
	}
}

func TestCheckPageName(t *testing.T) {
	for _, name := range []string{"option-a", "anas-deconcentree", "index.html", "a.b"} {
		if err := checkPageName(name); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
	for _, name := range []string{"", ".", "..", "../x", "a/../b", "a/b", `a\b`, "c:x", ".hidden", "a\x00b", "x..y"} {
		if err := checkPageName(name); err == nil {
			t.Errorf("%q accepted", name)
		}
	}
}

// TestDeterministic builds, renders and writes twice, from two loads: the
// bytes must be the same.
func TestDeterministic(t *testing.T) {
	for _, lang := range []string{"fr", "en"} {
		first := renderFixture(t, lang)
		second := renderFixture(t, lang)
		if len(first) != len(second) {
			t.Fatalf("%s: %d then %d files", lang, len(first), len(second))
		}
		for i := range first {
			if first[i].Name != second[i].Name || !bytes.Equal(first[i].Data, second[i].Data) {
				t.Errorf("%s: %s differs between two runs", lang, first[i].Name)
			}
		}
	}
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	a, b := t.TempDir(), t.TempDir()
	pa, err := Write(a, r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, p := range pa {
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, _ := os.ReadFile(filepath.Join(b, rel))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two writes", rel)
		}
	}
}

func TestRenderOptions(t *testing.T) {
	set, diags := loadFixture(t)
	r, err := Build(set, diags, "fr")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Render(r, Options{NoHTML: true, NoMarkdown: true}); err == nil {
		t.Error("nothing to render gave no error")
	}
	files, err := Render(r, Options{NoMarkdown: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".html") {
			t.Errorf("NoMarkdown rendered %s", f.Name)
		}
	}
	md := fileNamed(t, renderFixture(t, "fr"), "index.md")
	html := fileNamed(t, files, "index.html")
	if !strings.Contains(md, "](option-centrale.md)") || !strings.Contains(html, `href="option-centrale.html"`) {
		t.Error("links between pages should point at pages of the same format")
	}
}
