package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/orgdesign/orgdesign/model"
)

// serving is a `report --serve` running in process on a scenario made by
// `orgdesign init` in a temporary folder.
type serving struct {
	t        *testing.T
	dir, out string
	base     string // http://127.0.0.1:PORT
	events   *bufio.Reader
	stop     func() error
}

func startServing(t *testing.T, args ...string) *serving {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"init", filepath.Join(dir, "pilote")}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr.String())
	}
	s := &serving{t: t, dir: dir, out: filepath.Join(dir, "pack")}
	addr := make(chan string, 1)
	o := &reportOptions{globalOptions: &globalOptions{maxSize: model.DefaultMaxSize}, listening: func(a string) { addr <- a }}
	cmd := reportCmd(o)
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
	cmd.SetArgs(append([]string{dir, "-o", s.out, "--format", "html,md", "--serve", "--addr", "127.0.0.1:0"}, args...))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	select {
	case a := <-addr:
		s.base = "http://" + a
	case err := <-done:
		cancel()
		t.Fatalf("--serve ended before listening: %v", err)
	case <-time.After(time.Minute):
		cancel()
		t.Fatal("--serve did not listen within a minute")
	}
	stopped := false
	s.stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(time.Minute):
			t.Fatal("--serve did not stop within a minute of its context's end")
			return nil
		}
	}
	t.Cleanup(func() { _ = s.stop() })

	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.base+eventsPath, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events: Content-Type %q", ct)
	}
	s.events = bufio.NewReader(resp.Body)
	if v := s.nextEvent(); v != "1" {
		t.Fatalf("first event %q, want the first version, 1", v)
	}
	return s
}

// nextEvent waits for the next version the server announces.
func (s *serving) nextEvent() string {
	s.t.Helper()
	got := make(chan string, 1)
	go func() {
		for {
			line, err := s.events.ReadString('\n')
			if err != nil {
				got <- "error: " + err.Error()
				return
			}
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "data: "); ok {
				got <- v
				return
			}
		}
	}()
	select {
	case v := <-got:
		return v
	case <-time.After(time.Minute):
		s.t.Fatal("no event within a minute")
		return ""
	}
}

func (s *serving) get(path string, header ...string) (*http.Response, string) {
	s.t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.base+path, nil)
	if err != nil {
		s.t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatal(err)
	}
	return resp, string(b)
}

// edit replaces old by new in the scenario the way an editor saves: a
// temporary file renamed over it.
func (s *serving) edit(old, new string) {
	s.t.Helper()
	name := filepath.Join(s.dir, "pilote.yaml")
	b, err := os.ReadFile(name)
	if err != nil {
		s.t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		s.t.Fatalf("%q is not in the scenario", old)
	}
	tmp := filepath.Join(s.dir, ".pilote.yaml.tmp")
	if err := os.WriteFile(tmp, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		s.t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		s.t.Fatal(err)
	}
}

var nonceRE = regexp.MustCompile(`<script nonce="([^"]+)">`)

// TestServe follows a workshop: the report is written and served, the
// consultant saves a change (the pages are told, the new page is served and
// written), then a mistake (the pages show it positioned, the folder keeps
// the last good report), then the fix.
func TestServe(t *testing.T) {
	s := startServing(t)
	const title = "Nouveau scénario d'organisation"

	resp, page := s.get("/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, title) {
		t.Fatalf("GET /: %s, the scenario's title missing: %.200q", resp.Status, page)
	}
	m := nonceRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("the served index has no reload script")
	}
	nonce := m[1]
	if !strings.Contains(page, `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-`+nonce+`'; connect-src 'self'"`) {
		t.Error("the page's own Content-Security-Policy does not allow the reload script")
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "'nonce-"+nonce+"'") {
		t.Errorf("Content-Security-Policy header %q does not allow the script", csp)
	}
	_, again := s.get("/index.html")
	if m := nonceRE.FindStringSubmatch(again); m == nil || m[1] == nonce {
		t.Errorf("the second response has no reload script or shares the first's nonce: %v", m)
	}
	disk, err := os.ReadFile(filepath.Join(s.out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(disk, []byte("<script")) || bytes.Contains(disk, []byte("nonce")) {
		t.Error("the index written to disk carries the reload script")
	}

	s.edit("title: Nouveau scénario d'organisation", "title: Pilote révisé en atelier")
	if v := s.nextEvent(); v != "2" {
		t.Fatalf("after a change: event %q, want 2", v)
	}
	if _, page := s.get("/pilote.html"); !strings.Contains(page, "Pilote révisé en atelier") || strings.Contains(page, "orgdesign-serve-problem") {
		t.Errorf("the served page does not show the change or shows a problem: %.300q", page)
	}
	written, err := os.ReadFile(filepath.Join(s.out, "pilote.md"))
	if err != nil || !bytes.Contains(written, []byte("Pilote révisé en atelier")) {
		t.Fatalf("the change is not written to the folder (%v)", err)
	}

	s.edit("  currency: MAD", "  currency: [MAD")
	if v := s.nextEvent(); v != "3" {
		t.Fatalf("after a mistake: event %q, want 3", v)
	}
	_, page = s.get("/pilote.html")
	if !strings.Contains(page, `id="orgdesign-serve-problem"`) || !regexp.MustCompile(`pilote\.yaml:\d+:\d+: error: `).MatchString(page) {
		t.Errorf("the served page does not show the positioned error: %.600q", page)
	}
	if !strings.Contains(page, "Pilote révisé en atelier") {
		t.Error("the last good page is not served below the error")
	}
	if now, _ := os.ReadFile(filepath.Join(s.out, "pilote.md")); !bytes.Equal(now, written) {
		t.Error("a failed regeneration changed the folder")
	}

	s.edit("  currency: [MAD", "  currency: MAD")
	if v := s.nextEvent(); v != "4" {
		t.Fatalf("after the fix: event %q, want 4", v)
	}
	if _, page := s.get("/pilote.html"); strings.Contains(page, "orgdesign-serve-problem") {
		t.Error("the error is still shown after the fix")
	}
	if err := s.stop(); err != nil {
		t.Errorf("stopping: %v, want a clean end (exit 0)", err)
	}
}

// TestServeRefuses checks what the server will not do: answer for another
// host name (DNS rebinding), accept a write, list a folder or serve a file
// outside the output folder, even through a link.
func TestServeRefuses(t *testing.T) {
	s := startServing(t)
	outside := filepath.Join(s.dir, "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(s.out, "lien.txt")); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path   string
		header []string
		want   int
	}{
		{"/index.html", []string{"Host", "attacker.example:8484"}, http.StatusForbidden},
		{"/index.html", []string{"Host", "localhost"}, http.StatusOK},
		{"/charts/", nil, http.StatusNotFound},
		{"/../secret.txt", nil, http.StatusNotFound},
		{"/%2e%2e/secret.txt", nil, http.StatusNotFound},
		{"/lien.txt", nil, http.StatusNotFound},
		{"/absent.html", nil, http.StatusNotFound},
	} {
		resp, body := s.get(c.path, c.header...)
		if resp.StatusCode != c.want || strings.Contains(body, "secret") {
			t.Errorf("GET %s %v: %s, want %d", c.path, c.header, resp.Status, c.want)
		}
	}
	resp, err := http.Post(s.base+"/index.html", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s, want 405", resp.Status)
	}
	resp, md := s.get("/pilote.md")
	if ct := resp.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" || !strings.HasPrefix(md, "#") {
		t.Errorf("pilote.md served as %q", ct)
	}
}

func TestCheckLoopback(t *testing.T) {
	for addr, ok := range map[string]bool{
		"127.0.0.1:8484":  true,
		"127.0.0.2:0":     true,
		"[::1]:8484":      true,
		"localhost:80":    true,
		"LocalHost:80":    true,
		"0.0.0.0:8484":    false,
		":8484":           false,
		"192.168.1.5:80":  false,
		"example.org:80":  false,
		"127.0.0.1":       false,
		"127.0.0.1:http":  false,
		"127.0.0.1:70000": false,
	} {
		if err := checkLoopback(addr); (err == nil) != ok {
			t.Errorf("checkLoopback(%q) = %v", addr, err)
		}
	}
}

// TestServeIgnoresItsOwnWrites: the report's temporary folders and files,
// editors' hidden files and the output folder do not start a regeneration;
// YAML files, templates and new input folders do.
func TestServeIgnoresItsOwnWrites(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "etude")
	for _, d := range []string{filepath.Join(in, "nouveau"), filepath.Join(dir, "pack"), filepath.Join(dir, ".pack.new-123")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	ws := newWatchSet(nil, filepath.Join(dir, "pack"), []string{in}, "", io.Discard)
	for _, c := range []struct {
		name string
		op   fsnotify.Op
		want bool
	}{
		{filepath.Join(in, "a.yaml"), fsnotify.Write, true},
		{filepath.Join(in, "a.yml"), fsnotify.Rename, true},
		{filepath.Join(in, "a.yaml"), fsnotify.Chmod, false},
		{filepath.Join(in, ".a.yaml.swp"), fsnotify.Create, false},
		{filepath.Join(in, ".a.yaml"), fsnotify.Create, false},
		{filepath.Join(in, "nouveau"), fsnotify.Create, true},
		{filepath.Join(in, "notes.txt"), fsnotify.Write, false},
		{filepath.Join(in, "page.tmpl"), fsnotify.Write, false},
		{filepath.Join(dir, ".pack.new-123"), fsnotify.Create, false},
		{filepath.Join(dir, "pack"), fsnotify.Create, false},
		{filepath.Join(dir, "pack", "x.yaml"), fsnotify.Create, false},
	} {
		if got := ws.relevant(fsnotify.Event{Name: c.name, Op: c.op}); got != c.want {
			t.Errorf("%s %s: relevant %v", c.op, c.name, got)
		}
	}
	ws.tmplDir = in
	if !ws.relevant(fsnotify.Event{Name: filepath.Join(in, "page.tmpl"), Op: fsnotify.Write}) {
		t.Error("a template change is ignored with --templates")
	}
}

// TestServeFlags: --serve and --check exclude each other, --addr needs
// --serve and must be a loopback address.
func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "--serve", "--check"}, "--serve and --check"},
		{[]string{"report", "--addr", "127.0.0.1:9000", "--check"}, "--addr needs --serve"},
		{[]string{"report", "--serve", "--addr", "0.0.0.0:9000"}, "this machine only"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Main(c.args, strings.NewReader(""), &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}
