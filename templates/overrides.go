package templates

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Overrides are templates of the user's, by the name of the embedded file
// they replace ("scenario.md.tmpl", "page.html.tmpl"), read by ReadOverrides.
// They are parsed after the embedded files, with the same functions, so a file
// replaces the template of its name and every {{define}} it holds.
type Overrides map[string]string

// maxOverride caps the size of one template file read from disk.
const maxOverride = 1 << 20

// Names returns the names of the embedded template files, sorted: the names
// an override may take.
func Names() []string {
	var out []string
	for _, dir := range []string{"md", "html"} {
		entries, _ := files.ReadDir(dir) // embedded: cannot fail
		for _, e := range entries {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	return out
}

// ReadOverrides reads the .tmpl files directly inside dir; other files and
// subfolders are ignored. A file that is a symbolic link or not a regular
// file, one larger than 1 MiB, and a name that is none of Names() are errors,
// all reported together.
func ReadOverrides(dir string) (Overrides, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("templates: %s is not a folder", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	known := Names()
	out := Overrides{}
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".tmpl") || e.IsDir() {
			continue
		}
		p := filepath.Join(dir, name)
		if !slices.Contains(known, name) {
			errs = append(errs, fmt.Errorf("%s: no embedded template has this name (known: %s)", p, strings.Join(known, ", ")))
			continue
		}
		text, err := readRegular(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out[name] = text
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// readRegular reads a regular file that is not a symbolic link: checked with
// Lstat, then again on the open file, so a link swapped in between is caught.
func readRegular(p string) (string, error) {
	st, err := os.Lstat(p)
	if err != nil {
		return "", err
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		return "", fmt.Errorf("%s is a symbolic link: copy the template into the folder", p)
	}
	if !st.Mode().IsRegular() {
		return "", fmt.Errorf("%s is not a regular file", p)
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fst, err := f.Stat()
	if err != nil {
		return "", err
	}
	if !os.SameFile(st, fst) {
		return "", fmt.Errorf("%s changed while it was read", p)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxOverride+1))
	if err != nil {
		return "", err
	}
	if len(data) > maxOverride {
		return "", fmt.Errorf("%s is larger than 1 MiB", p)
	}
	return string(data), nil
}

// names returns the overrides' names under an embedded folder, sorted.
func (o Overrides) names(dir string) []string {
	var out []string
	for name := range o {
		if _, err := files.Open(path.Join(dir, name)); err == nil {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
