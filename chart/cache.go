package chart

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/orgdesign/orgdesign/internal/atomic"
)

// The SVG cache: what Graphviz drew from a DOT text is kept on disk under the
// hash of that text and of the renderer, so a chart that did not change is
// not laid out again (a report regenerated in a workshop, `report --check`).
// Entries live in os.UserCacheDir()/orgdesign/svg/<sha256>.svg, one per
// layout, each a valid SVG ending with a comment that holds the hash of what
// precedes it: an entry that is truncated, altered or unreadable is a miss,
// drawn again and rewritten. The environment variable ORGDESIGN_CACHE set to
// "off" turns the cache off; set to a folder's absolute path, it puts the
// cache there. Test binaries use no cache unless ORGDESIGN_CACHE names a
// folder, so no test writes into the user's cache.

// CacheEnv is the environment variable that turns the SVG cache off ("off")
// or moves it (a folder's absolute path).
const CacheEnv = "ORGDESIGN_CACHE"

// renderer names what turns DOT into SVG, and how render.go calls it: every
// cache key includes it, so upgrading go-graphviz (and the Graphviz and
// wazero it brings) or changing the layout engine or the output format draws
// every chart again. TestRendererMatchesGoMod keeps the versions in step
// with go.mod; a change to renderSVG must change this text.
const renderer = "github.com/goccy/go-graphviz v0.2.10 (Graphviz 12.1.2), dot layout, SVG; github.com/tetratelabs/wazero v1.10.1"

// cacheFormat changes whenever the layout of an entry or of the key does.
const cacheFormat = "orgdesign-svg-cache 1"

const (
	entrySuffix = " -->\n"
	entryPrefix = "<!-- orgdesign:cache-sha256="
	// touchAfter is how stale an entry's modification time may get before a
	// hit refreshes it; trimAfter how long an unused entry is kept; trimEvery
	// how often the folder is swept.
	touchAfter = time.Hour
	trimAfter  = 30 * 24 * time.Hour
	trimEvery  = 24 * time.Hour
)

// cacheDir returns the cache folder, or "" when there is none.
func cacheDir() string {
	switch v := os.Getenv(CacheEnv); {
	case v == "off":
		return ""
	case v != "":
		if !filepath.IsAbs(v) {
			return ""
		}
		return filepath.Join(v, "svg")
	case testing.Testing():
		return ""
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "orgdesign", "svg")
}

// cacheKey is the name of the entry for a DOT text.
func cacheKey(dot []byte) string {
	h := sha256.New()
	h.Write([]byte(cacheFormat + "\x00" + renderer + "\x00"))
	h.Write(dot)
	return hex.EncodeToString(h.Sum(nil)) + ".svg"
}

// layout returns what Graphviz draws from the DOT text, from the cache when
// an intact entry is there; a fresh drawing is stored for next time. A cache
// that cannot be read or written only costs the layout.
func layout(dot []byte) ([]byte, error) {
	if svg, ok := cached(dot); ok {
		return svg, nil
	}
	svg, err := renderSVG(dot)
	if err != nil {
		return nil, err
	}
	store(dot, svg)
	return svg, nil
}

// cached returns the drawing of the DOT text the cache holds, if any.
func cached(dot []byte) ([]byte, bool) {
	dir := cacheDir()
	if dir == "" {
		return nil, false
	}
	return readEntry(filepath.Join(dir, cacheKey(dot)))
}

// store keeps the drawing of the DOT text in the cache, when there is one.
func store(dot, svg []byte) {
	dir := cacheDir()
	if dir == "" {
		return
	}
	if atomic.WriteFile(filepath.Join(dir, cacheKey(dot)), entry(svg)) == nil {
		trim(dir)
	}
}

// cacheEmpty reports whether the SVG cache is off or holds no entry.
func cacheEmpty() bool {
	dir := cacheDir()
	if dir == "" {
		return true
	}
	f, err := os.Open(dir)
	if err != nil {
		return true
	}
	defer f.Close()
	names, _ := f.Readdirnames(2) // the sweep's mark and an entry, or two entries
	for _, n := range names {
		if strings.HasSuffix(n, ".svg") {
			return false
		}
	}
	return true
}

// entry is a cache entry: the SVG, then the comment with its hash.
func entry(svg []byte) []byte {
	sum := sha256.Sum256(svg)
	out := make([]byte, 0, len(svg)+len(entryPrefix)+64+len(entrySuffix))
	out = append(out, svg...)
	out = append(out, entryPrefix...)
	out = append(out, hex.EncodeToString(sum[:])...)
	return append(out, entrySuffix...)
}

// readEntry returns the SVG of an intact entry, refreshing its modification
// time when it is old (trim removes entries left unused).
func readEntry(name string) ([]byte, bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	tail := len(entryPrefix) + 64 + len(entrySuffix)
	if len(data) < tail {
		return nil, false
	}
	svg, foot := data[:len(data)-tail], data[len(data)-tail:]
	if !bytes.HasPrefix(foot, []byte(entryPrefix)) || !bytes.HasSuffix(foot, []byte(entrySuffix)) {
		return nil, false
	}
	want, err := hex.DecodeString(string(foot[len(entryPrefix) : len(entryPrefix)+64]))
	if sum := sha256.Sum256(svg); err != nil || !bytes.Equal(sum[:], want) {
		return nil, false
	}
	if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > touchAfter {
		now := time.Now()
		_ = os.Chtimes(name, now, now)
	}
	return svg, true
}

// trim removes the entries unused for trimAfter, at most once per trimEvery
// (the modification time of the file "trimmed" says when it last ran).
func trim(dir string) {
	mark := filepath.Join(dir, "trimmed")
	if st, err := os.Stat(mark); err == nil && time.Since(st.ModTime()) < trimEvery {
		return
	} else if errors.Is(err, fs.ErrNotExist) {
		// A new cache: nothing to trim yet, only the mark to set.
		_ = os.WriteFile(mark, nil, 0o644)
		return
	}
	now := time.Now()
	if err := os.WriteFile(mark, nil, 0o644); err != nil {
		return
	}
	_ = os.Chtimes(mark, now, now)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Name() == "trimmed" || !e.Type().IsRegular() { // entries, and temporary files a crash left
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > trimAfter {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
