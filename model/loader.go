package model

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Files reads files by slash-separated name.
type Files interface {
	ReadFile(name string) ([]byte, error)
}

// OSFiles reads files from the operating system; names are paths as the user wrote them.
type OSFiles struct{}

// ReadFile reads the named file.
func (OSFiles) ReadFile(name string) ([]byte, error) { return os.ReadFile(filepath.FromSlash(name)) }

// PrefixFS serves an fs.FS under a display prefix, so embedded files are named
// as they stand in the repository (scenarios/etude.yaml).
type PrefixFS struct {
	FS     fs.FS
	Prefix string // ends with a slash
}

// ReadFile reads name, which must start with the prefix.
func (p PrefixFS) ReadFile(name string) ([]byte, error) {
	rest, ok := strings.CutPrefix(path.Clean(name), strings.TrimSuffix(p.Prefix, "/")+"/")
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return fs.ReadFile(p.FS, rest)
}

// Loader reads, parses and resolves files, each file once.
type Loader struct {
	Files      Files  // where the user's files are read
	Builtin    Files  // where embedded territories are looked up by name
	BuiltinDir string // the builtin territories' folder, e.g. "scenarios"
	MaxSize    int64
	Criteria   map[string]bool // the instruments' criteria an assessment may rate; nil: not checked

	parsed      map[string]*parsedFile
	territories map[string]*Territory
	userNames   []string // the names read from Files, in the order first read
}

type parsedFile struct {
	file  *File
	diags Diagnostics
	err   error
}

// IOError is a file that could not be read at all (exit code 2, not a finding).
type IOError struct {
	Name string
	Err  error
}

func (e *IOError) Error() string { return e.Name + ": " + e.Err.Error() }

// read parses the named file once, from Files or, when builtin, from Builtin.
func (l *Loader) read(name string, builtin bool) *parsedFile {
	if l.parsed == nil {
		l.parsed = map[string]*parsedFile{}
		l.territories = map[string]*Territory{}
	}
	if p, ok := l.parsed[name]; ok {
		return p
	}
	files := l.Files
	if builtin {
		files = l.Builtin
	} else {
		l.userNames = append(l.userNames, name)
	}
	p := &parsedFile{}
	data, err := files.ReadFile(name)
	if err != nil {
		p.err = &IOError{Name: name, Err: unwrapPathError(err)}
	} else {
		p.file, p.diags = Parse(name, data, l.MaxSize)
	}
	l.parsed[name] = p
	return p
}

// Read names the files the loader read from Files or looked for there, in
// the order first asked for: the inputs, the files they extend, the
// territories they name (a territory file looked for beside a scenario
// before the embedded one is named even when it does not exist). What
// changes in these files can change what the loader returns.
func (l *Loader) Read() []string { return slices.Clone(l.userNames) }

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// File parses one file. err is an I/O error; problems in the file are diagnostics.
func (l *Loader) File(name string) (*File, Diagnostics, error) {
	p := l.read(name, false)
	return p.file, p.diags, p.err
}

// relative resolves ref against the folder of the file that names it.
func relative(from, ref string) string {
	ref = filepath.ToSlash(ref)
	if path.IsAbs(ref) || filepath.IsAbs(filepath.FromSlash(ref)) {
		return ref
	}
	return path.Join(path.Dir(filepath.ToSlash(from)), ref)
}
