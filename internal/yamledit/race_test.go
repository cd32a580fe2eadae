//go:build race

package yamledit

// raceEnabled shortens the random edit runs under the race detector, which
// slows yaml.v3 tenfold; the package starts no goroutine.
const raceEnabled = true
