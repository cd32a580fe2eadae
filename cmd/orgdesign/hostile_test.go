package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// run calls the CLI in process; a panic fails the test by itself.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	if code < 0 || code > 2 {
		t.Fatalf("%v: exit code %d", args, code)
	}
	if code != 0 && errb.Len() == 0 && out.Len() == 0 {
		t.Fatalf("%v: exit %d without a message", args, code)
	}
	return code, out.String(), errb.String()
}

// snapshot lists a folder's files and their bytes.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := os.ReadFile(p)
		fmt.Fprintf(&b, "%s %x\n", p, data)
		return nil
	})
	return b.String()
}

// TestHostileFiles: every command ends with 0, 1 or 2 and a message on the
// hostile corpus, and a failing report or chart leaves its output folder as
// it was. (The editor's model is fuzzed on its own: it needs a terminal.)
func TestHostileFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*.yaml")
	if len(files) < 7 {
		t.Fatalf("hostile corpus: %d files", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			run(t, "validate", f)
			run(t, "validate", "--format", "json", f)
			for _, format := range []string{"text", "json", "markdown"} {
				run(t, "analyze", "--format", format, f)
				run(t, "risk", "--format", format, f)
				run(t, "benchmark", "--format", format, f)
				run(t, "compare", "--format", format, f)
				run(t, "diff", "--format", format, f, "../../scenarios/anas-hybride.yaml")
			}
			run(t, "risk", "--simulate", "200", "--seed", "3", f)
			run(t, "diff", f, f)
			charts := filepath.Join(t.TempDir(), "charts")
			if err := os.MkdirAll(charts, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(charts, "x-org.svg"), []byte("previous chart"), 0o644); err != nil {
				t.Fatal(err)
			}
			chartsBefore := snapshot(t, charts)
			for _, format := range []string{"dot", "svg"} {
				if code, _, _ := run(t, "chart", "--view", "all", "--format", format, "-o", charts, f); code != 0 && snapshot(t, charts) != chartsBefore {
					t.Errorf("a failing chart --format %s changed its output folder", format)
				}
			}
			run(t, "chart", "--view", "all", "--check", "-o", charts, f)
			out := filepath.Join(t.TempDir(), "out")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("previous report"), 0o644); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, out)
			if code, _, _ := run(t, "report", "-o", out, f); code != 0 && snapshot(t, out) != before {
				t.Errorf("a failing report changed its output folder")
			}
		})
	}
}

// TestInjectionStaysText: names with HTML, Markdown, DOT and terminal control
// sequences stay text in every output.
func TestInjectionStaysText(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := run(t, "report", "-o", out, "testdata/hostile/names.yaml"); code != 0 {
		t.Fatalf("report failed: %s", stderr)
	}
	html, _ := os.ReadFile(filepath.Join(out, "injection.html"))
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold</b>", `href="javascript:`, "onerror=alert(1)>"} {
		if bytes.Contains(html, []byte(bad)) {
			t.Errorf("HTML holds %q as markup", bad)
		}
	}
	if !bytes.Contains(html, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Errorf("the title's text is lost, not escaped")
	}
	md, _ := os.ReadFile(filepath.Join(out, "injection.md"))
	if bytes.Contains(md, []byte("<script>")) || bytes.Contains(md, []byte("](javascript:")) {
		t.Errorf("Markdown holds raw markup")
	}
	_, text, _ := run(t, "analyze", "testdata/hostile/names.yaml")
	if strings.ContainsRune(text, '\x1b') {
		t.Errorf("terminal output holds an escape sequence")
	}
	charts := t.TempDir()
	if code, _, stderr := run(t, "chart", "--view", "org", "-o", charts, "testdata/hostile/names.yaml"); code != 0 {
		t.Fatalf("chart failed: %s", stderr)
	}
	svg, _ := os.ReadFile(filepath.Join(charts, "injection-org.svg"))
	if bytes.Contains(svg, []byte("<script")) || bytes.Contains(svg, []byte("<img")) || !bytes.Contains(svg, []byte("الإدارة")) {
		t.Errorf("the org chart lost or injected a name")
	}
}

// TestMutatedDefaults: byte flips and truncations of the default scenarios
// never crash the loader or the analyses.
func TestMutatedDefaults(t *testing.T) {
	src, _ := filepath.Glob("../../scenarios/*.yaml")
	rng := rand.New(rand.NewPCG(59, 23))
	dir := t.TempDir()
	for _, s := range src {
		b, _ := os.ReadFile(s)
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(s)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range src {
		name := filepath.Base(s)
		orig, _ := os.ReadFile(s)
		for i := range 12 {
			mutated := append([]byte(nil), orig...)
			if i%3 == 0 {
				mutated = mutated[:rng.IntN(len(mutated))]
			} else {
				for range 1 + rng.IntN(4) {
					mutated[rng.IntN(len(mutated))] ^= byte(1 + rng.IntN(255))
				}
			}
			target := filepath.Join(dir, name)
			if err := os.WriteFile(target, mutated, 0o644); err != nil {
				t.Fatal(err)
			}
			run(t, "validate", dir)
			run(t, "analyze", filepath.Join(dir, "etude.yaml"))
		}
		if err := os.WriteFile(filepath.Join(dir, name), orig, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLargeInputs: inputs far over the limits are refused before parsing,
// generated here rather than committed.
func TestLargeInputs(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	var b bytes.Buffer
	b.WriteString("scenario: { id: big, title: Big }\nassumptions:\n")
	for i := 0; b.Len() < 50<<20; i++ {
		fmt.Fprintf(&b, "  - { id: h-%d, text: \"Une hypothèse de remplissage, numéro %d\" }\n", i, i)
	}
	if err := os.WriteFile(big, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "validate", big)
	if code != 1 || !strings.Contains(out, "[too-large]") {
		t.Errorf("50 MB file: exit %d, %s", code, out)
	}
	deep := filepath.Join(dir, "deep.yaml")
	if err := os.WriteFile(deep, []byte("scenario: "+strings.Repeat("[", 9999)+strings.Repeat("]", 9999)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "validate", deep); code != 1 || !strings.Contains(out, "[too-deep]") {
		t.Errorf("9,999 levels: exit %d, %s", code, out)
	}
}

// TestInjectionStaysTextInDOCX: through pandoc, the hostile names are text
// runs of the Word document (markup and Markdown alike) and links to
// javascript: are not links.
func TestInjectionStaysTextInDOCX(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed (apt-get install pandoc): DOCX output is not checked")
	}
	out := t.TempDir()
	if code, _, stderr := run(t, "report", "-o", out, "--format", "docx", "testdata/hostile/names.yaml"); code != 0 {
		t.Fatalf("report --format docx failed: %s", stderr)
	}
	zr, err := zip.OpenReader(filepath.Join(out, "orgdesign-report.docx"))
	if err != nil {
		t.Fatalf("the DOCX is not a zip archive: %v", err)
	}
	defer zr.Close()
	parts := map[string]string{}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			parts[f.Name] = string(b)
		}
	}
	doc := parts["word/document.xml"]
	if doc == "" {
		t.Fatal("no word/document.xml")
	}
	// Markdown in a name (*gras*, _it_, `code`) stays literal text, in one run.
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt; *gras* _it_ `code`", "الإدارة", "Heading1"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	for name, xml := range parts {
		if strings.Contains(xml, "javascript:") && strings.Contains(xml, "Target=") {
			t.Errorf("%s links to javascript:", name)
		}
	}
}

// TestControlCharactersInFileNames: a file name holding an escape sequence
// (a title change, here) is shown with U+FFFD in diagnostics and errors.
func TestControlCharactersInFileNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\x1b]0;pwned\a.yaml")
	if err := os.WriteFile(name, []byte("scenario: { id: x }\n"), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	code, out, _ := run(t, "validate", dir)
	if code != 1 || !strings.Contains(out, "a\uFFFD]0;pwned\uFFFD.yaml:1:") {
		t.Errorf("validate: exit %d, %q", code, out)
	}
	_, _, errs := run(t, "report", "-o", filepath.Join(dir, "out"), name+"-missing")
	if strings.ContainsAny(out+errs, "\x1b\a") || !strings.Contains(errs, "\uFFFD") {
		t.Errorf("a control character reached the terminal: %q %q", out, errs)
	}
}
