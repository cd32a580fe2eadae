package atomic

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the names a and b in one step (renameat2 RENAME_EXCHANGE).
// ok is false when the file system or the kernel cannot (Linux before 3.15,
// some network file systems): the caller falls back to two renames.
func exchange(a, b string) (ok bool, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return false, nil
	}
	if err != nil {
		return true, &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return true, nil
}
