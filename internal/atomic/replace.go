package atomic

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// beforeSwap, when set by a test, runs once the new folder is complete and
// before it replaces the old one; an error it returns fails the replacement
// there, as a failing disk would.
var beforeSwap func(tmp string) error

// ReplaceTree makes dir hold files and, beside them, every file of the old dir
// whose slash-separated name owned rejects: the files the caller does not own
// are kept, those it owns but no longer writes are gone. The new folder is
// built beside dir (same parent, so the renames stay on one file system):
// the files written and synced, the kept ones copied with their modes and
// times; then dir is renamed to a backup name, the new folder renamed to dir,
// and the backup removed. Any failure before the swap removes the new folder
// and leaves dir exactly as it was. Names follow WriteTree's rules; the paths
// of the files written come back in their order.
//
// dir may be a symbolic link to a folder: the folder it points to is replaced.
// It may not be the working directory or hold it, since renaming it would pull
// the folder from under the running process.
func ReplaceTree(dir string, files []File, owned func(name string) bool) ([]string, error) {
	for _, f := range files {
		if !treeName(f.Name) {
			return nil, fmt.Errorf("refusing to write %q: not a path of plain names inside %s", f.Name, dir)
		}
	}
	target, exists, err := replaceTarget(dir)
	if err != nil {
		return nil, err
	}
	for _, f := range files { // a folder in the way is reported by its name
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if st, err := os.Lstat(p); err == nil && st.IsDir() {
			return nil, fmt.Errorf("%s is a folder: cannot write a file there", p)
		}
	}
	parent, base := filepath.Split(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	tmp, err := os.MkdirTemp(parent, "."+base+".new-*")
	if err != nil {
		return nil, err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	mode := fs.FileMode(0o755)
	if exists {
		st, err := os.Stat(target)
		if err != nil {
			return nil, err
		}
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return nil, err
	}
	written := map[string]bool{}
	for _, f := range files {
		written[f.Name] = true
		p := filepath.Join(tmp, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := writeSynced(p, f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	if exists {
		if err := copyForeign(target, tmp, written, owned); err != nil {
			return nil, err
		}
	}
	if err := syncTree(tmp); err != nil {
		return nil, err
	}
	if beforeSwap != nil {
		if err := beforeSwap(tmp); err != nil {
			return nil, err
		}
	}
	if err := swap(target, tmp, exists); err != nil {
		return nil, err
	}
	done = true
	syncDir(parent)
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = filepath.Join(dir, filepath.FromSlash(f.Name))
	}
	return paths, nil
}

// staleAge is how old a hidden folder left beside the target by a killed
// run must be before a later run removes it: a run that takes longer than
// this is not expected, so a younger one may be another run's, still going.
const staleAge = time.Hour

// removeStale removes the hidden folders (.BASE.new-*, .BASE.old-*) that a
// run killed before its end left beside the target, once they are old.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !(strings.HasPrefix(n, "."+base+".new-") || strings.HasPrefix(n, "."+base+".old-")) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			_ = os.RemoveAll(filepath.Join(parent, n))
		}
	}
}

// replaceTarget resolves the folder ReplaceTree replaces: dir itself, or the
// folder a symbolic link dir points to; exists is false when there is none.
func replaceTarget(dir string) (target string, exists bool, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false, err
	}
	st, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		target = abs
	case err != nil:
		return "", false, err
	case st.Mode()&fs.ModeSymlink != 0:
		if target, err = filepath.EvalSymlinks(abs); err != nil {
			return "", false, fmt.Errorf("%s: %w", dir, err)
		}
		if st, err = os.Stat(target); err != nil {
			return "", false, err
		}
		exists = true
	default:
		target, exists = abs, true
	}
	if exists && !st.IsDir() {
		return "", false, fmt.Errorf("%s is not a folder", dir)
	}
	if filepath.Dir(target) == target {
		return "", false, fmt.Errorf("%s is the root of the file system: name a folder inside it", dir)
	}
	if wd, err := os.Getwd(); err == nil && exists {
		if real, err := filepath.EvalSymlinks(wd); err == nil {
			wd = real
		}
		if wd == target || strings.HasPrefix(wd, target+string(filepath.Separator)) {
			return "", false, fmt.Errorf("%s is or holds the current folder: name a folder of its own (the report replaces it whole)", dir)
		}
	}
	return target, exists, nil
}

// copyForeign copies into dst every entry of src that is not owned and not
// about to be written: regular files with their mode and times, symbolic
// links as links, folders as folders.
func copyForeign(src, dst string, written map[string]bool, owned func(string) bool) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == src {
			return nil
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		to := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			if written[name] {
				return fmt.Errorf("%s is a folder: cannot write a file there", p)
			}
			if empty, err := isEmpty(p); err != nil || !empty {
				return err // made when something inside is kept
			}
			return mkdirs(src, dst, rel)
		case owned(name) || written[name]:
			return nil
		}
		if err := mkdirs(src, dst, filepath.Dir(rel)); err != nil {
			return err
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return err
			}
			return os.Symlink(link, to)
		case d.Type().IsRegular():
			if err := copyFile(p, to, info); err != nil {
				return err
			}
			return os.Chtimes(to, info.ModTime(), info.ModTime())
		}
		return fmt.Errorf("%s: cannot keep a %s in the report folder", p, info.Mode().Type())
	})
}

// isEmpty reports whether a folder has no entries.
func isEmpty(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	defer f.Close()
	_, err = f.Readdirnames(1)
	if errors.Is(err, io.EOF) {
		return true, nil
	}
	return false, err
}

// mkdirs makes the folder rel of dst and its missing parents, each with the
// mode of the same folder in src, so that a kept file's folders are kept and a
// folder that only held the report's files is not.
func mkdirs(src, dst, rel string) error {
	if rel == "." {
		return nil
	}
	to := filepath.Join(dst, rel)
	if st, err := os.Lstat(to); err == nil {
		if !st.IsDir() {
			return fmt.Errorf("cannot keep the folder %s: a file is written there", filepath.Join(src, rel))
		}
		return nil
	}
	if err := mkdirs(src, dst, filepath.Dir(rel)); err != nil {
		return err
	}
	st, err := os.Stat(filepath.Join(src, rel))
	if err != nil {
		return err
	}
	if err := os.Mkdir(to, st.Mode().Perm()); err != nil {
		return err
	}
	return os.Chmod(to, st.Mode().Perm())
}

// copyFile copies a regular file's bytes and permissions, synced.
func copyFile(from, to string, info fs.FileInfo) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(to, info.Mode().Perm()) // the umask may have narrowed it
	}
	return err
}

// writeSynced creates a file with data and syncs it.
func writeSynced(name string, data []byte, perm fs.FileMode) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, perm)
	}
	return err
}

// syncTree syncs every folder of the new tree so its entries are durable
// before the swap makes it visible.
func syncTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			syncDir(p)
		}
		return err
	})
}

// swap puts the new folder tmp in target's place. Where the system can
// exchange two names in one step (exchange), target is at every instant the
// old folder or the new one, even if the process is killed; elsewhere target
// goes to a backup name first and comes back should the second rename fail.
func swap(target, tmp string, exists bool) error {
	if !exists {
		return os.Rename(tmp, target)
	}
	if ok, err := exchange(target, tmp); ok {
		if err != nil {
			return err
		}
		// tmp now names the old folder.
		if err := os.RemoveAll(tmp); err != nil {
			return fmt.Errorf("the report is written, but the previous folder %s could not be removed: %w", filepath.Base(tmp), err)
		}
		return nil
	}
	parent, base := filepath.Split(target)
	backup, err := os.MkdirTemp(parent, "."+base+".old-*")
	if err != nil {
		return err
	}
	// rename(2) only replaces an empty folder on some systems: free the name.
	if err := os.Remove(backup); err != nil {
		return err
	}
	if err := os.Rename(target, backup); err != nil {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		if rerr := os.Rename(backup, target); rerr != nil {
			return fmt.Errorf("%w; the previous folder is kept as %s (%v)", err, backup, rerr)
		}
		return err
	}
	if err := os.RemoveAll(backup); err != nil {
		return fmt.Errorf("the report is written, but the previous folder %s could not be removed: %w", filepath.Base(backup), err)
	}
	return nil
}
