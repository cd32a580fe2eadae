// Package atomic writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, is synced, then renamed.
package atomic

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// File is one file to write: a name inside the target folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// WriteFile writes data to name atomically, creating its folder if missing:
// a new file gets mode 0644, a replaced one keeps its permissions (a scenario
// only its owner may read stays so). Any name is accepted, a hidden one
// (.scenario.yaml) included; on any failure the previous file, if any, is
// left as it was.
func WriteFile(name string, data []byte) error {
	return WriteFileLike(name, data, "")
}

// WriteFileLike is WriteFile, but a new file takes the permissions of the
// file like (when it exists): a copy of a private file is private too.
func WriteFileLike(name string, data []byte, like string) error {
	dir, base := filepath.Split(name)
	if base == "" || base == "." || base == ".." {
		return fmt.Errorf("refusing to write %q: not a file name", name)
	}
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	perm := fs.FileMode(0o644)
	if like != "" {
		if st, err := os.Stat(like); err == nil {
			perm = st.Mode().Perm()
		}
	}
	if st, err := os.Stat(name); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder: cannot write a file there", name)
		}
		perm = st.Mode().Perm()
	}
	tmp, err := stage(dir, File{Name: base, Data: data})
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp, perm); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(dir)
	return nil
}

// WriteFiles writes several files into dir (created if missing). Every file is
// staged (temporary file, fsync) before the first rename, so a failure while
// staging leaves every old file as it was and no temporary file behind; should
// a rename still fail, the paths already replaced come back with the error.
// Names must be plain file names inside dir.
func WriteFiles(dir string, files []File) ([]string, error) {
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || strings.HasPrefix(f.Name, ".") {
			return nil, fmt.Errorf("refusing to write %q: not a plain file name inside %s", f.Name, dir)
		}
	}
	return WriteTree(dir, files)
}

// WriteTree is WriteFiles for names that may go into subfolders of dir:
// slash-separated paths whose every element is a plain name (not empty, not
// starting with a dot, so never ".."). The subfolders are created, then every
// file is staged in its own folder before the first rename: all or nothing, as
// WriteFiles.
func WriteTree(dir string, files []File) ([]string, error) {
	for _, f := range files {
		if !treeName(f.Name) {
			return nil, fmt.Errorf("refusing to write %q: not a path of plain names inside %s", f.Name, dir)
		}
	}
	for _, f := range files { // a folder in the way would fail its rename halfway
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a folder: cannot write a file there", p)
		}
	}
	var dirs []string
	for _, f := range files {
		d := filepath.Join(dir, filepath.FromSlash(path.Dir(f.Name)))
		if !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	temps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		t, err := stage(filepath.Dir(p), File{Name: filepath.Base(p), Data: f.Data})
		if err != nil {
			cleanup()
			return nil, err
		}
		temps = append(temps, t)
	}
	paths := make([]string, 0, len(files))
	for i, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.Rename(temps[i], p); err != nil {
			temps = temps[i:]
			cleanup()
			return paths, err
		}
		paths = append(paths, p)
	}
	for _, d := range dirs {
		syncDir(d)
	}
	return paths, nil
}

// treeName reports whether name is a slash-separated path of plain names.
func treeName(name string) bool {
	if name == "" {
		return false
	}
	for _, e := range strings.Split(name, "/") {
		if e == "" || strings.HasPrefix(e, ".") || strings.ContainsAny(e, `\:`) || e != filepath.Base(e) {
			return false
		}
	}
	return true
}

// stage writes a file's bytes to a synced temporary file beside its name.
func stage(dir string, f File) (string, error) {
	tmp, err := os.CreateTemp(dir, "."+f.Name+".tmp-*")
	if err != nil {
		return "", err
	}
	name := tmp.Name()
	_, err = tmp.Write(f.Data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

// syncDir makes the renames durable where the system allows syncing a folder.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync() // not supported on every system; the files themselves are synced
	d.Close()
}
