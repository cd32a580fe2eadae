// Package atomic writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, is synced, then renamed.
package atomic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// File is one file to write: a name inside the target folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// WriteFile writes data to name atomically, creating or replacing it with
// mode 0644; on any failure the previous file, if any, is left as it was.
func WriteFile(name string, data []byte) error {
	_, err := WriteFiles(filepath.Dir(name), []File{{Name: filepath.Base(name), Data: data}})
	return err
}

// WriteFiles writes several files into dir (created if missing). Every file is
// staged (temporary file, fsync) before the first rename, so a failure while
// staging leaves every old file as it was and no temporary file behind; should
// a rename still fail, the paths already replaced come back with the error.
// Names must stay inside dir.
func WriteFiles(dir string, files []File) ([]string, error) {
	for _, f := range files {
		if f.Name == "" || f.Name != filepath.Base(f.Name) || strings.HasPrefix(f.Name, ".") {
			return nil, fmt.Errorf("refusing to write %q: not a plain file name inside %s", f.Name, dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for _, f := range files { // a folder in the way would fail its rename halfway
		if st, err := os.Lstat(filepath.Join(dir, f.Name)); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a folder: cannot write a file there", filepath.Join(dir, f.Name))
		}
	}
	temps := make([]string, 0, len(files))
	cleanup := func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}
	for _, f := range files {
		t, err := stage(dir, f)
		if err != nil {
			cleanup()
			return nil, err
		}
		temps = append(temps, t)
	}
	paths := make([]string, 0, len(files))
	for i, f := range files {
		p := filepath.Join(dir, f.Name)
		if err := os.Rename(temps[i], p); err != nil {
			temps = temps[i:]
			cleanup()
			return paths, err
		}
		paths = append(paths, p)
	}
	syncDir(dir)
	return paths, nil
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
