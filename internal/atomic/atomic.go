// Package atomic writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same folder, is synced, then renamed.
package atomic

import (
	"os"
	"path/filepath"
)

// WriteFile writes data to name atomically, creating or replacing it with
// mode 0644; on any failure the previous file, if any, is left as it was.
func WriteFile(name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
