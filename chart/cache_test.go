package chart

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// TestRendererMatchesGoMod keeps the renderer named in every cache key in
// step with the versions go.mod requires: an upgrade must draw every chart
// again, not serve the old drawings.
func TestRendererMatchesGoMod(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"github.com/goccy/go-graphviz", "github.com/tetratelabs/wazero"} {
		m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(path) + ` (v\S+)`).FindSubmatch(mod)
		if m == nil {
			t.Fatalf("go.mod does not require %s", path)
		}
		if want := path + " " + string(m[1]); !bytes.Contains([]byte(renderer), []byte(want)) {
			t.Errorf("renderer = %q: go.mod requires %s; update the constant (and the Graphviz version go-graphviz embeds)", renderer, want)
		}
	}
}

// cacheCharts returns the DOT of every chart of the fixture study.
func cacheCharts(t *testing.T) [][]byte {
	t.Helper()
	var dots [][]byte
	for _, c := range build(t, load(t, "testdata/study/option.yaml"), "fr") {
		dots = append(dots, c.DOT)
	}
	return dots
}

// svgs draws every DOT text with chart.SVG.
func svgs(t *testing.T, dots [][]byte) [][]byte {
	t.Helper()
	out := make([][]byte, len(dots))
	for i, d := range dots {
		svg, err := SVG(d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = svg
	}
	return out
}

// TestCacheGivesTheSameBytes draws the fixture's charts without the cache,
// then with an empty cache (every chart laid out and stored), then from the
// cache: the SVG is the same byte for byte, and the third pass reads what
// the second stored.
func TestCacheGivesTheSameBytes(t *testing.T) {
	dots := cacheCharts(t)
	t.Setenv(CacheEnv, "off")
	want := svgs(t, dots)

	dir := t.TempDir()
	t.Setenv(CacheEnv, dir)
	for pass, name := range []string{"empty cache", "full cache"} {
		got := svgs(t, dots)
		for i := range dots {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("%s: chart %d differs from the one drawn without the cache", name, i)
			}
		}
		entries, _ := filepath.Glob(filepath.Join(dir, "svg", "*.svg"))
		if len(entries) != len(dots) {
			t.Errorf("pass %d: %d entries for %d charts", pass+1, len(entries), len(dots))
		}
	}

	// A hit is served from the entry, not laid out again: an entry replaced
	// by another intact one is what comes back.
	name := filepath.Join(dir, "svg", cacheKey(dots[0]))
	other := []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>` + "\n")
	if err := os.WriteFile(name, entry(other), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := layout(dots[0]); err != nil || !bytes.Equal(got, other) {
		t.Errorf("layout after the entry was replaced = %q, %v; want the entry's SVG", got, err)
	}
}

// TestCacheIgnoresBadEntries: an entry that is truncated, altered, empty,
// without its hash, or not a file at all is a miss; the chart is drawn again,
// the same bytes come back, and a file entry is rewritten intact.
func TestCacheIgnoresBadEntries(t *testing.T) {
	dot := cacheCharts(t)[0]
	t.Setenv(CacheEnv, "off")
	raw, err := layout(dot)
	if err != nil {
		t.Fatal(err)
	}
	good := entry(raw)
	altered := bytes.Clone(good)
	altered[len(altered)/2] ^= 1
	cases := map[string][]byte{
		"truncated":  good[:len(good)/2],
		"altered":    altered,
		"empty":      {},
		"no hash":    raw,
		"wrong hash": append(bytes.Clone(raw), entry([]byte("x"))[1:]...),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv(CacheEnv, dir)
			file := filepath.Join(dir, "svg", cacheKey(dot))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := layout(dot)
			if err != nil || !bytes.Equal(got, raw) {
				t.Fatalf("layout = %d bytes, %v; want the %d bytes Graphviz draws", len(got), err, len(raw))
			}
			if now, _ := os.ReadFile(file); !bytes.Equal(now, good) {
				t.Errorf("the entry was not rewritten intact (%d bytes, want %d)", len(now), len(good))
			}
		})
	}
	t.Run("folder in the way", func(t *testing.T) {
		dir := t.TempDir()
		t.Setenv(CacheEnv, dir)
		if err := os.MkdirAll(filepath.Join(dir, "svg", cacheKey(dot)), 0o755); err != nil {
			t.Fatal(err)
		}
		if got, err := layout(dot); err != nil || !bytes.Equal(got, raw) {
			t.Errorf("layout = %d bytes, %v; want the %d bytes Graphviz draws", len(got), err, len(raw))
		}
	})
}

// TestCacheFolder: off, a relative path and a test binary without the
// variable use no cache; an absolute path is used as it is.
func TestCacheFolder(t *testing.T) {
	abs := t.TempDir()
	for value, want := range map[string]string{
		"off":         "",
		"":            "", // a test binary: never the user's cache
		"rel/cache":   "",
		abs:           filepath.Join(abs, "svg"),
		abs + "/sub/": filepath.Join(abs, "sub", "svg"),
	} {
		t.Setenv(CacheEnv, value)
		if got := cacheDir(); got != want {
			t.Errorf("%s=%q: cache folder %q, want %q", CacheEnv, value, got, want)
		}
	}
	t.Setenv(CacheEnv, "off")
	t.Chdir(t.TempDir())
	t.Setenv(CacheEnv, "rel")
	if _, err := SVG([]byte("digraph { a }")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("rel"); !os.IsNotExist(err) {
		t.Errorf("a relative %s made a folder: %v", CacheEnv, err)
	}
}

// TestCacheTrim: a sweep removes the entries unused for trimAfter and keeps
// the others; it runs again only trimEvery later.
func TestCacheTrim(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-trimAfter - time.Hour)
	write := func(name string, mtime time.Time) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dir, name))
		return err == nil
	}
	write("old.svg", old)
	write(".old.svg.tmp-1", old)
	write("new.svg", time.Now())

	trim(dir) // a new cache: only the mark is set
	if !exists("trimmed") || !exists("old.svg") {
		t.Fatalf("first call: mark %v, old entry kept %v", exists("trimmed"), exists("old.svg"))
	}
	trim(dir) // swept less than trimEvery ago
	if !exists("old.svg") {
		t.Fatal("swept again within trimEvery")
	}
	write("trimmed", time.Now().Add(-trimEvery-time.Hour))
	trim(dir)
	if exists("old.svg") || exists(".old.svg.tmp-1") || !exists("new.svg") || !exists("trimmed") {
		t.Errorf("after the sweep: old %v, old temporary %v, new %v, mark %v; want false, false, true, true",
			exists("old.svg"), exists(".old.svg.tmp-1"), exists("new.svg"), exists("trimmed"))
	}
	write("old.svg", old)
	trim(dir) // the sweep reset the mark
	if !exists("old.svg") {
		t.Error("swept again right after a sweep")
	}
}

// TestCacheRefreshesOldEntries: a hit on an entry older than touchAfter sets
// its modification time to now, so trim keeps what is still used.
func TestCacheRefreshesOldEntries(t *testing.T) {
	dot := []byte("digraph { a -> b }")
	dir := t.TempDir()
	t.Setenv(CacheEnv, dir)
	if _, err := layout(dot); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "svg", cacheKey(dot))
	old := time.Now().Add(-2 * touchAfter)
	if err := os.Chtimes(file, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := layout(dot); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(file); err != nil || time.Since(st.ModTime()) > touchAfter {
		t.Errorf("entry not refreshed by a hit: %v", err)
	}
}
