package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/cobra"

	"github.com/orgdesign/orgdesign/report"
)

// report --serve: the pack is written to the output folder as without it,
// then served on a loopback address while the inputs are watched. A change
// regenerates it (a burst of changes once); the pages open in a browser
// reload themselves when it is done. When the inputs have errors the folder
// keeps the last good report and every page shows the errors above it.
//
// The pages on disk stay as report writes them (--check still holds): only
// the served copy carries the reload script, allowed by a nonce added to the
// page's Content-Security-Policy.

// eventsPath is the server-sent event stream a served page listens to.
const eventsPath = "/_orgdesign/events"

// serveDebounce is how long the inputs must stay quiet before a regeneration:
// an editor's save is often several events (temporary file, rename, chmod).
const serveDebounce = 150 * time.Millisecond

// packCSP is the Content-Security-Policy of the report's pages (as in their
// own meta element) and of the other files served: nothing but inline
// styles and data: images.
const packCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// checkLoopback refuses an address that is not on this machine: the report
// is for the room the consultant's screen is in, not for the network.
func checkLoopback(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q: give host:port, e.g. 127.0.0.1:8484", addr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("--addr %q: the port is a number from 0 to 65535", addr)
	}
	if loopbackName(host) {
		return nil
	}
	return fmt.Errorf("--addr %q: the report is served on this machine only: use 127.0.0.1, ::1 or localhost", addr)
}

// loopbackHost tells whether a request's Host header names this machine, so
// that a web page elsewhere cannot read the report through a DNS name
// rebound to 127.0.0.1.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	return loopbackName(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
}

// loopbackName tells whether a host (no port, no brackets) is localhost or
// a loopback IP address.
func loopbackName(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// livePack serves the output folder and tells the pages when it changed.
type livePack struct {
	dir  string
	lang *report.Language

	mu      sync.Mutex
	version uint64        // one more at every regeneration, good or not
	problem string        // why the last regeneration failed; "" when it did not
	changed chan struct{} // closed and replaced at every regeneration
}

// newLivePack serves dir, its banners in lang; version 0 until the first
// regeneration.
func newLivePack(dir string, lang *report.Language) *livePack {
	return &livePack{dir: dir, lang: lang, changed: make(chan struct{})}
}

// done records a regeneration: problem is empty when it succeeded.
func (p *livePack) done(problem string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.version++
	p.problem = problem
	close(p.changed)
	p.changed = make(chan struct{})
}

// state tells the version, the last problem and the channel closed at the
// next regeneration.
func (p *livePack) state() (uint64, string, chan struct{}) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.version, p.problem, p.changed
}

// ServeHTTP answers a loopback GET or HEAD: the event stream, or a file of
// the output folder, an HTML page with the reload script and any banner.
func (p *livePack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !loopbackHost(r.Host) {
		http.Error(w, "orgdesign serves the report to this machine only", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "read only", http.StatusMethodNotAllowed)
		return
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	if r.URL.Path == eventsPath {
		p.events(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	version, problem, _ := p.state()
	data, err := p.read(name)
	if err != nil {
		if name == "index.html" && problem != "" { // no report yet: the errors alone
			p.writePage(w, r, []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>orgdesign</title></head><body></body></html>"), version, problem)
			return
		}
		h.Set("Content-Security-Policy", "default-src 'none'")
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(name, ".html") {
		p.writePage(w, r, data, version, problem)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	switch {
	case path.Ext(name) == ".md":
		ctype = "text/plain; charset=utf-8"
	case ctype == "":
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Security-Policy", packCSP)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// read reads a regular file of the output folder: os.Root keeps the name
// inside it, symbolic links that leave it included.
func (p *livePack) read(name string) ([]byte, error) {
	root, err := os.OpenRoot(p.dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return io.ReadAll(f)
}

// cspMeta finds the page's own Content-Security-Policy.
var cspMeta = regexp.MustCompile(`(?i)(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")`)

// writePage sends an HTML page with the reload script and, when the last
// regeneration failed, its errors above the page.
func (p *livePack) writePage(w http.ResponseWriter, r *http.Request, page []byte, version uint64, problem string) {
	nonce := newNonce()
	allow := "; script-src 'nonce-" + nonce + "'; connect-src 'self'"
	page = cspMeta.ReplaceAll(page, []byte("${1}${2}"+allow+"${3}"))
	script := fmt.Sprintf(`<script nonce="%s">(function(){var v=%q,s=new EventSource(%q);s.onmessage=function(e){if(e.data!==v){s.close();location.reload()}}})();</script>`,
		nonce, strconv.FormatUint(version, 10), eventsPath)
	page = insertBefore(page, "</body>", script)
	if problem != "" {
		banner := `<div role="alert" id="orgdesign-serve-problem" style="position:sticky;top:0;z-index:1000;background:#fdecea;color:#5f1410;border-bottom:3px solid #b3261e;padding:.75em 1em;font:15px/1.4 system-ui,sans-serif"><strong>` +
			html.EscapeString(p.lang.Label("serveStale")) + `</strong><pre style="white-space:pre-wrap;margin:.5em 0 0;font:13px/1.4 ui-monospace,monospace">` +
			html.EscapeString(problem) + `</pre></div>`
		page = insertAfterBodyTag(page, banner)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", packCSP+allow)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(page))
}

// newNonce is a fresh random script nonce, one per response.
func newNonce() string {
	var b [18]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// insertBefore puts s before the last occurrence of tag, or at the end.
func insertBefore(page []byte, tag, s string) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte(tag))
	if i < 0 {
		i = len(page)
	}
	return slices.Insert(page, i, []byte(s)...)
}

// insertAfterBodyTag puts s just inside <body ...>, or at the start.
func insertAfterBodyTag(page []byte, s string) []byte {
	i := bytes.Index(bytes.ToLower(page), []byte("<body"))
	if i >= 0 {
		if j := bytes.IndexByte(page[i:], '>'); j >= 0 {
			return slices.Insert(page, i+j+1, []byte(s)...)
		}
	}
	return slices.Insert(page, 0, []byte(s)...)
}

// events streams the pack's version: once at once, then at every change.
func (p *livePack) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Content-Security-Policy", "default-src 'none'")
	for {
		version, _, changed := p.state()
		if _, err := fmt.Fprintf(w, "data: %d\n\n", version); err != nil {
			return
		}
		fl.Flush()
		select {
		case <-changed:
		case <-r.Context().Done():
			return
		}
	}
}

// watchSet keeps the folders that hold the inputs watched.
type watchSet struct {
	w        *fsnotify.Watcher
	watched  map[string]bool
	outAbs   string
	inputs   []string // the user's arguments: folders are watched with their subfolders
	inDirs   []string // the absolute paths of the folders among them
	tmplDir  string
	problems io.Writer
}

// update watches the folders of args (with their subfolders), of the files
// the last load read and of the templates.
func (s *watchSet) update(read []string) {
	var dirs []string
	for _, a := range s.inputs {
		info, err := os.Stat(a)
		switch {
		case err != nil:
			dirs = append(dirs, filepath.Dir(a))
		case info.IsDir():
			_ = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if d.IsDir() {
					if p != a && strings.HasPrefix(d.Name(), ".") || s.isOutput(p) {
						return filepath.SkipDir
					}
					dirs = append(dirs, p)
				}
				return nil
			})
		default:
			dirs = append(dirs, filepath.Dir(a))
		}
	}
	for _, name := range read {
		dirs = append(dirs, filepath.Dir(filepath.FromSlash(name)))
	}
	if s.tmplDir != "" {
		dirs = append(dirs, s.tmplDir)
	}
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil || s.watched[abs] || s.isOutput(abs) {
			continue
		}
		if info, err := os.Stat(abs); err != nil || !info.IsDir() {
			continue // a folder that does not exist yet: its parent's input tells
		}
		if err := s.w.Add(abs); err != nil {
			fmt.Fprintf(s.problems, "orgdesign: cannot watch %s: %v\n", d, err)
			continue
		}
		s.watched[abs] = true
	}
}

// isOutput tells whether p is the output folder or inside it.
func (s *watchSet) isOutput(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	return abs == s.outAbs || strings.HasPrefix(abs, s.outAbs+string(filepath.Separator))
}

// relevant tells whether an event may change the report: a YAML file, a
// template, or a new folder inside a folder given as input. Hidden names are
// left out: editors' swap files and the temporary files and folders of
// atomic writes, the report's own among them.
func (s *watchSet) relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod || strings.HasPrefix(filepath.Base(ev.Name), ".") || s.isOutput(ev.Name) {
		return false
	}
	switch strings.ToLower(filepath.Ext(ev.Name)) {
	case ".yaml", ".yml":
		return true
	case ".tmpl":
		return s.tmplDir != ""
	}
	if !ev.Has(fsnotify.Create) {
		return false
	}
	if info, err := os.Stat(ev.Name); err != nil || !info.IsDir() {
		return false
	}
	abs, err := filepath.Abs(ev.Name)
	if err != nil {
		return false
	}
	for _, dir := range s.inDirs {
		if strings.HasPrefix(abs, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// newWatchSet watches nothing yet; update adds the folders.
func newWatchSet(w *fsnotify.Watcher, outAbs string, inputs []string, tmplDir string, problems io.Writer) *watchSet {
	s := &watchSet{w: w, watched: map[string]bool{}, outAbs: outAbs, inputs: inputs, tmplDir: tmplDir, problems: problems}
	for _, a := range inputs {
		if info, err := os.Stat(a); err == nil && info.IsDir() {
			if dir, err := filepath.Abs(a); err == nil {
				s.inDirs = append(s.inDirs, dir)
			}
		}
	}
	return s
}

// runServe writes the report, serves it and regenerates it on change until the
// command's context ends or the process is interrupted.
func (o *reportOptions) runServe(cmd *cobra.Command, args []string, formats map[string]bool) error {
	if err := checkLoopback(o.addr); err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	lang, err := report.NewLanguage(o.lang)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	outAbs, err := filepath.Abs(o.out)
	if err != nil {
		return &exitError{code: exitUsage, msg: err.Error()}
	}
	stderr := cmd.ErrOrStderr()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return &exitError{code: exitUsage, msg: fmt.Sprintf("cannot serve on %s: %v (choose another port with --addr 127.0.0.1:PORT)", o.addr, errors.Unwrap(err))}
	}
	defer ln.Close()
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return &exitError{code: exitUsage, msg: "cannot watch the inputs: " + err.Error()}
	}
	defer watcher.Close()
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	pack := newLivePack(o.out, lang)
	ws := newWatchSet(watcher, outAbs, args, o.templates, stderr)
	regenerate := func() {
		start := time.Now()
		var diags bytes.Buffer
		files, read, err := o.build(io.MultiWriter(stderr, &diags), args, formats, nil)
		if err == nil {
			_, err = o.write(files, formats)
		}
		ws.update(read)
		if err != nil {
			msg := err.Error()
			fmt.Fprintf(stderr, "orgdesign: %s\n", lang.Label("serveStale"))
			if msg != "" {
				fmt.Fprintln(stderr, "orgdesign:", terminalLines(msg))
			}
			pack.done(strings.TrimSpace(strings.TrimSpace(diags.String()) + "\n" + msg))
			return
		}
		fmt.Fprintf(stderr, "%s %s (%s)\n", time.Now().Format("15:04:05"), lang.Label("serveRegenerated"), time.Since(start).Round(time.Millisecond))
		pack.done("")
	}
	regenerate()

	srv := &http.Server{
		Handler:           pack,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintln(cmd.OutOrStdout(), url)
	if len(ws.watched) == 0 {
		fmt.Fprintln(stderr, "orgdesign: nothing to watch (the embedded study): give your files or folders to regenerate the report when they change")
	}
	fmt.Fprintf(stderr, "orgdesign: serving %s on %s: Ctrl+C stops\n", o.out, url)
	if o.listening != nil {
		o.listening(ln.Addr().String())
	}

	var debounce <-chan time.Time
	var loopErr error
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err := <-served:
			loopErr = &exitError{code: exitUsage, msg: "the server stopped: " + err.Error()}
			break loop
		case ev, ok := <-watcher.Events:
			if !ok {
				break loop
			}
			if ws.relevant(ev) {
				debounce = time.After(serveDebounce)
			}
		case err, ok := <-watcher.Errors:
			if ok {
				fmt.Fprintln(stderr, "orgdesign: watching the inputs:", err)
			}
		case <-debounce:
			debounce = nil
			regenerate()
		}
	}
	stop()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && loopErr == nil {
		loopErr = &exitError{code: exitUsage, msg: "stopping the server: " + err.Error()}
	}
	return loopErr
}
