package chart

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Laying out many charts at once (a report). Prefetch queues DOT texts and
// has them laid out in the background while the caller goes on (a report
// renders its text meanwhile); SVG then takes a queued chart's drawing, or
// lays it out itself when nobody has started it yet. Graphviz runs as one
// WebAssembly instance per process (render.go), so a process lays out one
// chart at a time: when layout workers are allowed (UseWorkers, which the
// orgdesign command calls) and enough charts are not in the SVG cache, the
// same program is started again as worker processes that take charts from
// the same queue, one core each. A worker runs the same Graphviz build on the
// same DOT text, so the bytes are the same whoever lays a chart out (tested),
// and a worker that fails or dies only hands its chart back to the process.

// WorkersEnv is the environment variable that caps the number of layout
// worker processes: "0" lays every chart out in the process itself. Unset,
// the cap is one less than the number of cores, at most maxWorkers.
const WorkersEnv = "ORGDESIGN_LAYOUT_WORKERS"

// workerEnv marks a process started as a layout worker (IsWorker).
const workerEnv = "ORGDESIGN_LAYOUT_WORKER"

const (
	maxWorkers = 4
	// chartsPerWorker is how many charts missing from the cache each worker
	// process must have to lay out for it to be started: starting one costs
	// about as much as laying out a small chart (go-graphviz loads its
	// WebAssembly again), so a report of which one or two charts changed is
	// laid out in the process alone.
	chartsPerWorker = 3
	// maxFrame bounds a message between a process and its workers.
	maxFrame = 256 << 20
	// warmIdle is how long a worker started by Warm waits for charts.
	warmIdle = 3 * time.Second
)

// job is one DOT text to lay out. state moves from queued to running to
// done once; svg and err are set before done is closed.
type job struct {
	dot   []byte
	key   string
	state int
	refs  int // the Prefetch calls that hold it
	done  chan struct{}
	svg   []byte
	err   error
}

const (
	queued = iota
	running
	finished
)

var pool struct {
	mu      sync.Mutex
	more    *sync.Cond      // signalled when jobs are queued
	jobs    map[string]*job // by DOT hash, until every Prefetch that holds one releases it
	queue   []*job          // the queued ones, the largest DOT first
	local   bool            // the in-process goroutine is taking jobs
	workers int             // worker processes running
	allowed int             // how many may run (UseWorkers)
	exe     string          // the program to start as a worker, and its argument 0
	argv0   string
}

// workerJobs counts the charts worker processes have laid out.
var workerJobs atomic.Int64

// UseWorkers allows layout worker processes: the running program, started
// again with the same argument 0 and the environment marker IsWorker
// reports, must then serve layouts (ServeLayouts) before doing anything else.
// The number of workers is capped by WorkersEnv, or by the number of cores.
func UseWorkers() {
	n := min(runtime.NumCPU()-1, maxWorkers)
	if v, ok := os.LookupEnv(WorkersEnv); ok {
		if k, err := strconv.Atoi(v); err == nil && k >= 0 {
			n = min(k, 64)
		}
	}
	exe, err := os.Executable()
	if err != nil || len(os.Args) == 0 {
		return
	}
	pool.mu.Lock()
	defer pool.mu.Unlock()
	pool.allowed, pool.exe, pool.argv0 = n, exe, os.Args[0]
}

// Warm starts one layout worker now, when workers are allowed, none is
// running and the SVG cache is off or empty (every chart will be laid out),
// so that it is ready when the charts are known: a command that will lay
// charts out calls it before reading its inputs, and the worker's start (a
// process, go-graphviz loading its WebAssembly) overlaps that. The worker
// waits for charts a few seconds, then stops. With charts in the cache no
// worker is started before they are known: most are hits (a report
// regenerated after an edit), and a worker started for nothing would slow
// the run down (measured: 0.24 s → 0.28 s on 2 cores).
func Warm() {
	if !cacheEmpty() {
		return
	}
	pool.mu.Lock()
	defer pool.mu.Unlock()
	if pool.workers == 0 && pool.allowed > 0 {
		pool.workers++
		go runWorker(pool.exe, pool.argv0, warmIdle)
	}
}

// IsWorker reports whether this process was started as a layout worker.
func IsWorker() bool { return os.Getenv(workerEnv) == "1" }

// Prefetch queues the DOT texts that the SVG cache does not hold and starts
// laying them out in the background; SVG takes their drawings. release
// forgets what was queued and not taken (call it once every chart is drawn,
// or given up).
func Prefetch(dots [][]byte) (release func()) {
	// The cache is read outside the lock, for the texts not known yet.
	keys := make([]string, len(dots))
	hits := make([][]byte, len(dots))
	pool.mu.Lock()
	var unknown []int
	for i, dot := range dots {
		keys[i] = Hash(dot)
		if pool.jobs[keys[i]] == nil {
			unknown = append(unknown, i)
		}
	}
	pool.mu.Unlock()
	for _, i := range unknown {
		hits[i], _ = cached(dots[i])
	}

	held := make([]*job, 0, len(dots))
	pool.mu.Lock()
	defer pool.mu.Unlock()
	if pool.jobs == nil {
		pool.jobs = map[string]*job{}
	}
	for i, dot := range dots {
		j := pool.jobs[keys[i]]
		if j == nil {
			j = &job{dot: dot, key: keys[i], done: make(chan struct{})}
			if hits[i] != nil {
				j.state, j.svg = finished, hits[i]
				close(j.done)
			} else {
				pool.queue = append(pool.queue, j)
			}
			pool.jobs[keys[i]] = j
		}
		j.refs++
		held = append(held, j)
	}
	slices.SortStableFunc(pool.queue, func(a, b *job) int { return len(b.dot) - len(a.dot) })
	startLocked()
	for pool.workers < pool.allowed && (pool.workers+1)*chartsPerWorker <= len(pool.queue) {
		pool.workers++
		go runWorker(pool.exe, pool.argv0, 0)
	}
	if pool.more != nil {
		pool.more.Broadcast()
	}
	return func() {
		pool.mu.Lock()
		defer pool.mu.Unlock()
		for _, j := range held {
			if j.refs--; j.refs == 0 {
				delete(pool.jobs, j.key)
				if j.state == queued {
					pool.queue = slices.DeleteFunc(pool.queue, func(q *job) bool { return q == j })
				}
			}
		}
		held = nil
	}
}

// startLocked starts the in-process goroutine when jobs wait.
func startLocked() {
	if !pool.local && len(pool.queue) > 0 {
		pool.local = true
		go runLocal()
	}
}

// nextLocked takes the first queued job, if any, and marks it running.
func nextLocked() *job {
	if len(pool.queue) == 0 {
		return nil
	}
	j := pool.queue[0]
	pool.queue = pool.queue[1:]
	j.state = running
	return j
}

// finish records a job's outcome.
func (j *job) finish(svg []byte, err error) {
	j.svg, j.err = svg, err
	pool.mu.Lock()
	j.state = finished
	pool.mu.Unlock()
	close(j.done)
}

// runLocal lays queued jobs out in this process until none is left.
func runLocal() {
	for {
		pool.mu.Lock()
		j := nextLocked()
		if j == nil {
			pool.local = false
			pool.mu.Unlock()
			return
		}
		pool.mu.Unlock()
		j.finish(layout(j.dot))
	}
}

// take returns the drawing of a prefetched DOT text: it waits for a job a
// goroutine or a worker has started, and runs a queued one itself. ok is
// false when the text was not prefetched.
func take(dot []byte) (svg []byte, ok bool, err error) {
	pool.mu.Lock()
	j := pool.jobs[Hash(dot)]
	if j == nil {
		pool.mu.Unlock()
		return nil, false, nil
	}
	if j.state == queued {
		pool.queue = slices.DeleteFunc(pool.queue, func(q *job) bool { return q == j })
		j.state = running
		pool.mu.Unlock()
		j.finish(layout(j.dot))
		return j.svg, true, j.err
	}
	pool.mu.Unlock()
	<-j.done
	return j.svg, true, j.err
}

// runWorker starts a worker process and feeds it queued jobs until none has
// come for idle; a worker that cannot start, or fails, hands its job back to
// the process and no other worker is started.
func runWorker(exe, argv0 string, idle time.Duration) {
	w, err := startWorker(exe, argv0)
	var j *job
	defer func() {
		pool.mu.Lock()
		pool.workers--
		if err != nil {
			pool.allowed = 0
			if j != nil { // back to the front of the queue, for the process
				j.state = queued
				pool.queue = append([]*job{j}, pool.queue...)
				startLocked()
			}
		}
		pool.mu.Unlock()
		if w != nil {
			w.stop()
		}
	}()
	if err != nil {
		return
	}
	for {
		pool.mu.Lock()
		j = waitLocked(idle)
		pool.mu.Unlock()
		if j == nil {
			return
		}
		var svg []byte
		var failed error
		if svg, failed, err = w.layout(j.dot); err != nil {
			return
		}
		if failed == nil {
			store(j.dot, svg)
		}
		workerJobs.Add(1)
		j.finish(svg, failed)
		j = nil
	}
}

// waitLocked takes the first queued job, waiting up to idle for one.
func waitLocked(idle time.Duration) *job {
	deadline := time.Now().Add(idle)
	for len(pool.queue) == 0 && time.Now().Before(deadline) {
		if pool.more == nil {
			pool.more = sync.NewCond(&pool.mu)
		}
		t := time.AfterFunc(time.Until(deadline), func() {
			pool.mu.Lock()
			pool.more.Broadcast()
			pool.mu.Unlock()
		})
		pool.more.Wait()
		t.Stop()
	}
	return nextLocked()
}

// worker is a running worker process.
type worker struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

func startWorker(exe, argv0 string) (*worker, error) {
	cmd := exec.Command(exe)
	cmd.Args = []string{argv0}
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &worker{cmd: cmd, in: in, out: bufio.NewReader(out)}
	// The worker must be the same renderer: a program replaced on disk
	// since this one started would draw other bytes.
	if _, failed, err := w.layout([]byte(Handshake)); err != nil || failed != nil {
		w.stop()
		return nil, errors.Join(err, failed)
	}
	return w, nil
}

// Handshake is the first message a layout worker reads: the renderer it
// must be (its SVG cache format and versions).
const Handshake = cacheFormat + "\x00" + renderer

// layout sends one DOT text and reads the answer: the SVG, or the error
// Graphviz gave (failed); err is set when the worker itself failed.
func (w *worker) layout(dot []byte) (svg []byte, failed, err error) {
	if err := writeFrame(w.in, 0, dot); err != nil {
		return nil, nil, err
	}
	status, data, err := readFrame(w.out)
	if err != nil {
		return nil, nil, err
	}
	if status != 0 {
		return nil, errors.New(string(data)), nil
	}
	return data, nil, nil
}

// stop closes the worker's input, which ends it, and waits for it.
func (w *worker) stop() {
	_ = w.in.Close()
	_ = w.cmd.Wait()
}

// ServeLayouts is a layout worker's whole work: it checks that the first
// message names its renderer (Handshake), then reads DOT texts from r and
// writes each one's SVG (or Graphviz's error) to w, in order, until r ends.
// The SVG cache is left to the process that started it.
func ServeLayouts(r io.Reader, w io.Writer) error {
	in, out := bufio.NewReader(r), bufio.NewWriter(w)
	_, first, err := readFrame(in)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	if string(first) != Handshake {
		_ = writeFrame(out, 1, []byte("layout worker: another renderer"))
		_ = out.Flush()
		return fmt.Errorf("layout worker: asked for %q, this is %q", first, Handshake)
	}
	if err := writeFrame(out, 0, nil); err != nil {
		return err
	}
	if err := out.Flush(); err != nil {
		return err
	}
	for {
		_, dot, err := readFrame(in)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		var status byte
		svg, err := renderSVG(dot)
		if err != nil {
			status, svg = 1, []byte(err.Error())
		}
		if err := writeFrame(out, status, svg); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	}
}

// writeFrame writes a message: a status byte, the length on four bytes, the
// data.
func writeFrame(w io.Writer, status byte, data []byte) error {
	if len(data) > maxFrame {
		return fmt.Errorf("layout worker: a message of %d bytes", len(data))
	}
	var head [5]byte
	head[0] = status
	binary.BigEndian.PutUint32(head[1:], uint32(len(data)))
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	_, err := w.Write(data)
	return err
}

// readFrame reads a message writeFrame wrote; io.EOF when the stream ends
// before one starts.
func readFrame(r io.Reader) (status byte, data []byte, err error) {
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("layout worker: a message cut short")
		}
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(head[1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("layout worker: a message of %d bytes", n)
	}
	data = make([]byte, n)
	if _, err := io.ReadFull(r, data); err != nil {
		return 0, nil, fmt.Errorf("layout worker: a message cut short: %w", err)
	}
	return head[0], data, nil
}
