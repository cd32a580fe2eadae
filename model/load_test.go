package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHostileInputs(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for i := 'b'; i <= 'j'; i++ {
		bomb += fmt.Sprintf("%c: &%c [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = string(i)
	}
	bomb = "x:\n  " + strings.ReplaceAll(bomb, "\n", "\n  ") + "\nscenario:\n  id: s\n  title: t\nremove: *" + prev + "\n"
	cases := []struct {
		name string
		data string
		max  int64
		want string // the first diagnostic
	}{
		{"too large", strings.Repeat("#", 2000), 1000, "f.yaml:1:1: error: the file is 2.0 KiB, over the 1000 bytes limit [too-large]"},
		{"invalid utf-8", "scenario:\n  id: s\n  title: \"caf\xe9\"\n", 0, "f.yaml:3:14: error: the file is not valid UTF-8 [invalid-utf8]"},
		{"binary", "scenario:\x00\x01", 0, "f.yaml:1:1: error: the file contains NUL bytes: it is not a YAML text file [binary-file]"},
		{"empty", "", 0, "f.yaml:1:1: error: the file is empty [empty-file]"},
		{"not a mapping", "- a\n- b\n", 0, "f.yaml:1:1: error: the file must be a mapping of sections, not a list [unknown-kind]"},
		{"unknown kind", "scenarios:\n  id: x\n", 0, "f.yaml:1:1: error: not an orgdesign file: no `scenario:`, `territory:`, `study:` or `country:` section [unknown-kind]"},
		{"deep nesting", "scenario: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", 0, "f.yaml:1:75: error: the file nests deeper than 64 levels [too-deep]"},
		{"alias bomb", bomb, 0, "f.yaml:1:1: error: unknown section \"x\" [unknown-field]"},
		{"tabs", "scenario:\n\tid: x\n", 0, "f.yaml:2:1: error: found character that cannot start any token [yaml-syntax]"},
		{"empty list item", "scenario: { id: s, title: t }\nunits:\n  -\n", 0, "f.yaml:3:4: error: unit 1 of \"units\" is empty [empty-item]"},
		{"duplicate key", "scenario:\n  id: a\n  id: b\n", 0, "f.yaml:3:3: error: \"id\" is written twice in \"scenario\" [duplicate-key]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := Parse("f.yaml", []byte(tc.data), tc.max)
			if len(ds) == 0 || !ds.HasErrors() {
				t.Fatalf("no error for %s", tc.name)
			}
			if got := ds[0].String(); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s…", got, tc.want)
			}
		})
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	src := "scenario:\n  id: s\n  title: Titre\nunits:\n  - { id: dg, name: DG, kind: executive, staff: [ { profile: p, count: 2 } ] }\n"
	_, plain := Parse("f.yaml", []byte(src), 0)
	crlf := "\xef\xbb\xbf" + strings.ReplaceAll(src, "\n", "\r\n")
	f, ds := Parse("f.yaml", []byte(crlf), 0)
	if len(ds) != 0 || len(plain) != 0 {
		t.Fatalf("diagnostics: %v / %v", ds, plain)
	}
	if f.Scenario.Header.Title != "Titre" || f.Scenario.Units[0].Staff[0].Count != 2 {
		t.Errorf("content lost: %+v", f.Scenario.Header)
	}
	if p := f.Scenario.Units[0].PosOf("kind"); p.Line != 5 || p.Col != 31 {
		t.Errorf("position with BOM and CRLF = %v, want line 5 col 31", p)
	}
}

// FuzzLoad: whatever the bytes, loading never panics and every failure is a
// positioned diagnostic.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../scenarios/*.yaml")
	seeds = append(seeds, "testdata/resolve/option.yaml", "testdata/resolve/common.yaml")
	for _, name := range seeds {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(base))
	f.Add([]byte(territory))
	f.Add([]byte("scenario: &a { id: s, title: *a }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		files := mapFiles{"s.yaml": string(data), "t.yaml": territory}
		l := &Loader{Files: files}
		_, ds, err := l.Scenario("s.yaml")
		if err != nil {
			t.Fatalf("I/O error on an in-memory file: %v", err)
		}
		for _, d := range ds {
			if d.File == "" || d.Line < 1 || d.Col < 1 || d.Code == "" || d.Message == "" {
				t.Fatalf("diagnostic without a position, code or message: %#v", d)
			}
		}
		// As a study, the bytes may name scenario files that do not exist: an
		// I/O error is then the right answer, never a panic.
		_, _, _ = (&Loader{Files: files}).LoadSet([]string{"s.yaml"})
	})
}

// checkAll fails on a diagnostic without a position, a code or a message.
func checkAll(t *testing.T, ds Diagnostics) {
	t.Helper()
	for _, d := range ds {
		if d.File == "" || d.Line < 1 || d.Col < 1 || d.Code == "" || d.Message == "" {
			t.Fatalf("diagnostic without a position, code or message: %#v", d)
		}
	}
}

func seedFiles(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		names, _ := filepath.Glob(p)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// FuzzLoadTerritory: any bytes as the territory of a valid scenario with
// replicated units: never a panic, every failure a positioned diagnostic.
func FuzzLoadTerritory(f *testing.F) {
	seedFiles(f, "../scenarios/morocco.yaml", "testdata/resolve/pays.yaml")
	f.Add([]byte(territory))
	f.Fuzz(func(t *testing.T, data []byte) {
		files := mapFiles{"s.yaml": base, "t.yaml": string(data)}
		_, ds, err := (&Loader{Files: files}).Scenario("s.yaml")
		if err != nil {
			t.Fatal(err)
		}
		checkAll(t, ds)
	})
}

// FuzzLoadCountry: any bytes as a country or instrument file.
func FuzzLoadCountry(f *testing.F) {
	seedFiles(f, "../benchmarks/*.yaml", "../benchmarks/instruments/*.yaml", "testdata/country/*.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		l := &Loader{Files: mapFiles{"c.yaml": string(data)}}
		_, ds, err := l.Country("c.yaml")
		if err != nil {
			t.Fatal(err)
		}
		checkAll(t, ds)
		_, ds, _ = l.Instrument("c.yaml")
		checkAll(t, ds)
	})
}
