//go:build !linux

package atomic

// exchange is not available here: the caller renames in two steps.
func exchange(a, b string) (ok bool, err error) { return false, nil }
