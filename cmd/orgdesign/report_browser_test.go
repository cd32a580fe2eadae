package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestReportInBrowser opens the default study's pack in headless Chromium,
// as the committee reads it: the index and a scenario page load without a
// console error or exception, every chart has a size, every link inside the
// page finds its target; a screenshot of each one's first screen is kept in a temporary folder.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser test takes several seconds")
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Skip("chromium is not installed (apt-get install chromium): the HTML pack is not checked in a browser")
	}
	dir := filepath.Join(t.TempDir(), "pack")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"report", "-o", dir, "--format", "html"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr.String())
	}

	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	var mu sync.Mutex
	var problems []string
	err := chromedp.Listen(bctx, func(ev any) {
		var p string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.TrimSpace(string(a.Value)+" "+a.Description))
				}
				p = "console." + string(ev.Type) + ": " + strings.Join(args, " ")
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			p = fmt.Sprintf("exception: %s %s:%d", d.Text, d.URL, d.LineNumber+1)
			if d.Exception != nil {
				p += " " + d.Exception.Description
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				p = "browser log: " + ev.Entry.Text + " " + ev.Entry.URL
			}
		}
		if p != "" {
			mu.Lock()
			problems = append(problems, p)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("starting %s: %v", chromium, err)
	}

	shots := t.TempDir()
	for _, page := range []string{"index.html", "anas-hybride.html"} {
		t.Run(page, func(t *testing.T) {
			u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, page))}
			if err := chromedp.Do(bctx, chromedp.Navigate(u.String())); err != nil {
				t.Fatal(err)
			}
			charts, err := chromedp.Run(bctx, chromedp.Evaluate[[]chartBox](`Array.from(document.querySelectorAll('svg')).
				filter(s => !s.parentElement.closest('svg')).map(s => {
					const r = s.getBoundingClientRect();
					const f = s.closest('[aria-label]');
					return {label: f ? f.getAttribute('aria-label') : s.outerHTML.slice(0, 80), width: r.width, height: r.height};
				})`))
			if err != nil {
				t.Fatal(err)
			}
			links, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('a[href^="#"]'), a => a.getAttribute('href'))`))
			if err != nil {
				t.Fatal(err)
			}
			broken, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('a[href^="#"]'), a => a.getAttribute('href')).filter(h => {
					let id = h.slice(1);
					try { id = decodeURIComponent(id); } catch (e) { return true; }
					return id === '' || document.getElementById(id) === null;
				})`))
			if err != nil {
				t.Fatal(err)
			}
			// The first screen, as the reader sees it: a full-page capture of
			// a long scenario page exceeds what Chromium renders in one surface.
			shot, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(shot, []byte("\x89PNG")) {
				t.Errorf("the screenshot is not a PNG image (%d bytes)", len(shot))
			}
			if page != "index.html" && len(charts) == 0 {
				t.Error("no chart on the scenario page")
			}
			for _, c := range charts {
				if c.Width <= 0 || c.Height <= 0 {
					t.Errorf("chart %q is %gx%g", c.Label, c.Width, c.Height)
				}
			}
			if len(links) == 0 {
				t.Error("no internal link (the table of contents is missing)")
			}
			for _, h := range broken {
				t.Errorf("link %s leads nowhere", h)
			}
			name := filepath.Join(shots, strings.TrimSuffix(page, ".html")+".png")
			if err := os.WriteFile(name, shot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d charts, %d internal links; screenshot %s (%d bytes)", len(charts), len(links), name, len(shot))
		})
	}
	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Error(p)
	}
}

// chartBox is a chart's label and its size on the page.
type chartBox struct {
	Label  string  `json:"label"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}
