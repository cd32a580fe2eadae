package templates

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	texttemplate "text/template"
)

func TestNames(t *testing.T) {
	names := Names()
	for _, want := range []string{IndexMarkdown, ScenarioMarkdown, Page, "common.md.tmpl"} {
		if !slices.Contains(names, want) {
			t.Errorf("Names() lacks %s: %q", want, names)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("not sorted: %q", names)
	}
}

func TestReadOverrides(t *testing.T) {
	write := func(t *testing.T, dir, name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	write(t, dir, IndexMarkdown, "# {{.Title}}\n")
	write(t, dir, "notes.txt", "ignored")
	write(t, dir, "sub/"+ScenarioMarkdown, "ignored: in a subfolder")
	if err := os.Mkdir(filepath.Join(dir, "folder.tmpl"), 0o755); err != nil {
		t.Fatal(err)
	}
	ov, err := ReadOverrides(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ov) != 1 || ov[IndexMarkdown] != "# {{.Title}}\n" {
		t.Errorf("overrides %q", ov)
	}

	for name, c := range map[string]struct {
		setup func(t *testing.T, dir string)
		want  []string
	}{
		"unknown name": {
			setup: func(t *testing.T, dir string) { write(t, dir, "sommaire.tmpl", "x") },
			want:  []string{"sommaire.tmpl: no embedded template has this name (known: analysis.md.tmpl, ", "page.html.tmpl", "scenario.md.tmpl)"},
		},
		"symbolic link": {
			setup: func(t *testing.T, dir string) {
				write(t, dir, "elsewhere.txt", "x")
				if err := os.Symlink("elsewhere.txt", filepath.Join(dir, Page)); err != nil {
					t.Fatal(err)
				}
			},
			want: []string{Page + " is a symbolic link"},
		},
		"too large": {
			setup: func(t *testing.T, dir string) { write(t, dir, ScenarioMarkdown, strings.Repeat("x", maxOverride+1)) },
			want:  []string{ScenarioMarkdown + " is larger than 1 MiB"},
		},
		"every problem at once": {
			setup: func(t *testing.T, dir string) {
				write(t, dir, "a.tmpl", "x")
				write(t, dir, "b.tmpl", "x")
			},
			want: []string{"a.tmpl: no embedded", "b.tmpl: no embedded"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			c.setup(t, dir)
			_, err := ReadOverrides(dir)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	if _, err := ReadOverrides(filepath.Join(dir, "notes.txt")); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("a file as the folder: %v", err)
	}
	if _, err := ReadOverrides(filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing folder accepted")
	}
}

// TestOverridesReplaceByName parses an override of a whole page and one of a
// {{define}}d section: each replaces the embedded one, the rest stays.
func TestOverridesReplaceByName(t *testing.T) {
	stub := func(string) string { return "" }
	funcs := texttemplate.FuncMap{"esc": stub, "t": stub, "markdown": stub, "markdownCell": stub, "cite": stub, "chart": stub, "quote": stub}
	md, err := Markdown(funcs, Overrides{IndexMarkdown: "new index {{esc .}}", "risks.md.tmpl": `{{define "risks"}}new risks{{end}}`})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := md.ExecuteTemplate(&b, IndexMarkdown, "x"); err != nil || b.String() != "new index " {
		t.Errorf("index: %q, %v", b.String(), err)
	}
	b.Reset()
	if err := md.ExecuteTemplate(&b, Risks, nil); err != nil || b.String() != "new risks" {
		t.Errorf("risks: %q, %v", b.String(), err)
	}
	if md.Lookup(ScenarioMarkdown) == nil {
		t.Error("the scenario page is gone")
	}
	if _, err := Markdown(funcs, Overrides{IndexMarkdown: "{{nosuchfunc}}"}); err == nil || !strings.Contains(err.Error(), "--templates") {
		t.Errorf("an unknown function: %v", err)
	}
}
