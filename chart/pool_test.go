package chart

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/orgdesign/orgdesign/internal/synth"
	"github.com/orgdesign/orgdesign/model"
)

// crashEnv makes a test layout worker die after that many charts.
const crashEnv = "ORGDESIGN_TEST_WORKER_CRASH"

// TestMain lets the test binary serve as its own layout worker, as the
// orgdesign program does (cmd/orgdesign/main.go).
func TestMain(m *testing.M) {
	if IsWorker() {
		var in io.Reader = os.Stdin
		if n := os.Getenv(crashEnv); n != "" {
			var k int
			fmt.Sscan(n, &k)
			in = &dieAfter{r: os.Stdin, frames: k}
		}
		if err := ServeLayouts(in, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// dieAfter ends the process when the worker asks for the next message after
// frames of them.
type dieAfter struct {
	r      io.Reader
	frames int
	reads  int
}

func (d *dieAfter) Read(p []byte) (int, error) {
	// ServeLayouts reads through a bufio.Reader: every read past the first
	// message's worth of reads is the next request. Counting frames exactly
	// is not needed: the worker dies part way.
	d.reads++
	if d.reads > 2*d.frames {
		os.Exit(3)
	}
	return d.r.Read(p)
}

// useTestWorkers allows n layout workers, the test binary itself.
func useTestWorkers(t *testing.T, n int) {
	t.Helper()
	t.Setenv(WorkersEnv, fmt.Sprint(n))
	UseWorkers()
	t.Cleanup(func() {
		pool.mu.Lock()
		pool.allowed = 0
		pool.mu.Unlock()
	})
}

// nationalDOTs returns the DOT of every chart of the synthetic national
// scenario.
func nationalDOTs(t *testing.T) [][]byte {
	t.Helper()
	l := &model.Loader{Files: synthFiles(synth.Files(synth.National)), MaxSize: 256 << 20}
	r, ds, err := l.Scenario("scenario.yaml")
	if err != nil || ds.HasErrors() {
		t.Fatal(err, ds)
	}
	var dots [][]byte
	for _, c := range build(t, r, "fr") {
		dots = append(dots, c.DOT)
	}
	return dots
}

// waitIdle waits until no worker process runs and nothing is queued.
func waitIdle(t *testing.T) {
	t.Helper()
	for range 500 {
		pool.mu.Lock()
		idle := pool.workers == 0 && len(pool.queue) == 0 && !pool.local
		pool.mu.Unlock()
		if idle {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("layouts still running after 5 s")
}

// TestWorkersGiveTheSameBytes lays the national charts out in the process
// alone, then with two worker processes only (the process's own goroutine
// held back): the SVG is the same byte for byte, the workers laid every
// chart out, and once released nothing is kept.
func TestWorkersGiveTheSameBytes(t *testing.T) {
	dots := nationalDOTs(t)
	want := svgs(t, dots)

	useTestWorkers(t, 2)
	pool.mu.Lock()
	pool.local = true // as if the process's goroutine were busy
	pool.mu.Unlock()
	before := workerJobs.Load()
	release := Prefetch(dots)
	pool.mu.Lock()
	started := pool.workers
	pool.mu.Unlock()
	if started != 2 {
		t.Errorf("%d workers started for %d charts, want 2", started, len(dots))
	}
	for range 1000 {
		if workerJobs.Load()-before == int64(len(dots)) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	pool.mu.Lock()
	pool.local = false
	pool.mu.Unlock()
	if n := workerJobs.Load() - before; n != int64(len(dots)) {
		t.Errorf("the workers laid out %d charts of %d in 10 s", n, len(dots))
	}
	got := svgs(t, dots)
	for i := range dots {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("chart %d differs when laid out by a worker", i)
		}
	}
	release()
	waitIdle(t)
	if n := keptJobs(); n != 0 {
		t.Errorf("%d layouts kept after release", n)
	}
}

// keptJobs is the number of layouts the pool holds.
func keptJobs() int {
	pool.mu.Lock()
	defer pool.mu.Unlock()
	return len(pool.jobs)
}

// TestWorkerThatDiesHandsBack: a worker that dies in its handshake, or part
// way through its first chart, hands that chart back to the front of the
// queue (none is left running); every chart is still drawn, the same, and no
// other worker starts. The process's goroutine is held back until the worker
// died, so the worker is the one that takes the first chart.
func TestWorkerThatDiesHandsBack(t *testing.T) {
	dots := nationalDOTs(t)
	want := svgs(t, dots)
	for _, crash := range []string{"0", "1"} {
		t.Run("after "+crash, func(t *testing.T) {
			t.Setenv(crashEnv, crash)
			useTestWorkers(t, 1)
			pool.mu.Lock()
			pool.local = true // as if the process's goroutine were busy
			pool.mu.Unlock()
			release := Prefetch(dots)
			defer release()
			for range 1000 {
				pool.mu.Lock()
				gone := pool.workers == 0
				pool.mu.Unlock()
				if gone {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			pool.mu.Lock()
			allowed, workers, queued, busy := pool.allowed, pool.workers, len(pool.queue), 0
			for _, j := range pool.jobs {
				if j.state == running {
					busy++
				}
			}
			pool.local = false
			pool.mu.Unlock()
			if workers != 0 || allowed != 0 {
				t.Fatalf("%d workers running, %d allowed after one died; want 0, 0", workers, allowed)
			}
			if busy != 0 || queued != len(dots) {
				t.Fatalf("after the worker died: %d charts running, %d queued; want 0, %d", busy, queued, len(dots))
			}
			got := svgs(t, dots)
			for i := range dots {
				if !bytes.Equal(got[i], want[i]) {
					t.Errorf("chart %d differs after the worker died", i)
				}
			}
			waitIdle(t)
		})
	}
}

// TestPrefetchErrors: a DOT text Graphviz refuses gives an error prefetched,
// laid out by a worker or not, as drawn directly (Graphviz counts lines
// across the texts a process parses, so the line it names may differ), and
// the other charts are drawn.
func TestPrefetchErrors(t *testing.T) {
	bad := []byte("digraph { a -> }")
	_, direct := SVG(bad)
	if direct == nil {
		t.Fatal("Graphviz took a broken DOT text")
	}
	useTestWorkers(t, 1)
	dots := [][]byte{bad, []byte("digraph { b }"), []byte("digraph { c }"), []byte("digraph { d }")}
	release := Prefetch(dots)
	defer release()
	_, err := SVG(bad)
	if err == nil || !strings.HasPrefix(err.Error(), "parsing DOT: syntax error") {
		t.Errorf("prefetched error %q, want one like %q", err, direct)
	}
	for _, d := range dots[1:] {
		if _, err := SVG(d); err != nil {
			t.Errorf("%s: %v", d, err)
		}
	}
}

// TestReleaseForgetsQueued: releasing before the charts are drawn takes them
// off the queue; a chart prefetched twice is kept until both release it.
func TestReleaseForgetsQueued(t *testing.T) {
	waitIdle(t)
	a, b := []byte("digraph { a1 }"), []byte("digraph { b1 }")
	r1 := Prefetch([][]byte{a, b})
	r2 := Prefetch([][]byte{a})
	r1()
	pool.mu.Lock()
	_, kept := pool.jobs[Hash(a)]
	_, gone := pool.jobs[Hash(b)]
	pool.mu.Unlock()
	if !kept || gone {
		t.Errorf("after the first release: a kept %v (want true), b kept %v (want false)", kept, gone)
	}
	r2()
	waitIdle(t)
	if n := keptJobs(); n != 0 {
		t.Errorf("%d layouts kept after both releases", n)
	}
}

// TestFrames: a message cut short or too long is an error, not a hang or a
// huge allocation.
func TestFrames(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFrame(&buf, 1, []byte("svg")); err != nil {
		t.Fatal(err)
	}
	status, data, err := readFrame(bytes.NewReader(buf.Bytes()))
	if err != nil || status != 1 || string(data) != "svg" {
		t.Errorf("read back %d %q %v", status, data, err)
	}
	if _, _, err := readFrame(bytes.NewReader(buf.Bytes()[:6])); err == nil || !strings.Contains(err.Error(), "cut short") {
		t.Errorf("a message cut short: %v", err)
	}
	if _, _, err := readFrame(bytes.NewReader(nil)); !errors.Is(err, io.EOF) {
		t.Errorf("an empty stream: %v, want EOF", err)
	}
	huge := []byte{0, 0xff, 0xff, 0xff, 0xff}
	if _, _, err := readFrame(bytes.NewReader(huge)); err == nil || !strings.Contains(err.Error(), "bytes") {
		t.Errorf("a message of 4 GiB: %v", err)
	}
	var out bytes.Buffer
	if err := ServeLayouts(bytes.NewReader(huge), &out); err == nil {
		t.Error("a worker took a message of 4 GiB")
	}
}

// TestPrefetchCacheHits: charts the SVG cache holds are not queued and start
// no worker; SVG gives the same bytes.
func TestPrefetchCacheHits(t *testing.T) {
	waitIdle(t)
	t.Setenv(CacheEnv, t.TempDir())
	dots := cacheCharts(t)
	want := svgs(t, dots) // fills the cache
	useTestWorkers(t, 2)
	release := Prefetch(dots)
	defer release()
	pool.mu.Lock()
	queued, workers := len(pool.queue), pool.workers
	pool.mu.Unlock()
	if queued != 0 || workers != 0 {
		t.Errorf("%d charts queued and %d workers started for charts in the cache", queued, workers)
	}
	for i, got := range svgs(t, dots) {
		if !bytes.Equal(got, want[i]) {
			t.Errorf("chart %d differs from the cache", i)
		}
	}
}
