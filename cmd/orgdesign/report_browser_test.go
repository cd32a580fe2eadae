package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestReportInBrowser opens the default study's pack in headless Chromium,
// as the committee reads it: the index and a scenario page load without a
// console error or exception, every chart has a size, every link inside the
// page finds its target; a screenshot of each one's first screen is kept in a temporary folder.
func TestReportInBrowser(t *testing.T) {
	bctx, problems := browser(t)
	dir := filepath.Join(t.TempDir(), "pack")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"report", "-o", dir, "--format", "html"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr.String())
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
			// Nothing wider than the window at 1280 pixels: the elements
			// that stick out are named.
			wide, err := chromedp.Run(bctx, chromedp.Evaluate[[]string](`(() => {
					const w = document.documentElement.clientWidth;
					if (document.documentElement.scrollWidth <= w) return [];
					return Array.from(document.querySelectorAll('main > *, main table, main pre, main .chart')).
						filter(e => e.getBoundingClientRect().right > w + 1).
						slice(0, 5).map(e => e.tagName + ' ' + Math.round(e.getBoundingClientRect().width) + 'px: ' + e.textContent.slice(0, 60));
				})()`))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range wide {
				t.Errorf("wider than the window: %s", e)
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
	// The synthesis (from the first section heading to the next) fits two
	// printed A4 pages: laid out for print on the width of an A4 page
	// inside its margins (178 mm, 673 px), it is at most twice the height
	// of one (259 mm, 979 px).
	t.Run("synthesis on two A4 pages", func(t *testing.T) {
		u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "index.html"))}
		err := chromedp.Do(bctx,
			chromedp.EmulateViewport(673, 979),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}),
			chromedp.Navigate(u.String()))
		if err != nil {
			t.Fatal(err)
		}
		height, err := chromedp.Run(bctx, chromedp.Evaluate[float64](`(() => {
				const hs = document.querySelectorAll('main h2');
				return hs[1].getBoundingClientRect().top - hs[0].getBoundingClientRect().top;
			})()`))
		if err != nil {
			t.Fatal(err)
		}
		if pages := height / 979; pages > 2 {
			t.Errorf("the synthesis takes %.1f printed pages, more than two", pages)
		} else {
			t.Logf("the synthesis takes %.1f printed pages", pages)
		}
	})
	for _, p := range problems() {
		t.Error(p)
	}
}

// TestServeInBrowser opens a page of `report --serve` in Chromium: the
// reload script runs under the page's Content-Security-Policy without a
// console error, and a change saved to the scenario reloads the page.
func TestServeInBrowser(t *testing.T) {
	bctx, problems := browser(t)
	s := startServing(t)
	if err := chromedp.Do(bctx, chromedp.Navigate(s.base+"/pilote.html")); err != nil {
		t.Fatal(err)
	}
	// No need to wait for the page's event stream: it is told the version at
	// once, and a page older than the pack reloads.
	var lastErr error
	shows := func(text string) bool { // false while the page reloads
		ok, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`!!document.body && document.body.innerText.includes(`+strconv.Quote(text)+`)`))
		if err != nil {
			lastErr = err
		}
		return ok
	}
	if !shows("Nouveau scénario d'organisation") {
		t.Fatalf("the served page does not show the scenario (%v)", lastErr)
	}
	s.edit("title: Nouveau scénario d'organisation", "title: Pilote révisé en atelier")
	deadline := time.Now().Add(time.Minute)
	for !shows("Pilote révisé en atelier") {
		if p := problems(); len(p) > 0 {
			t.Fatalf("the page did not reload: %s", strings.Join(p, "; "))
		}
		if time.Now().After(deadline) {
			t.Fatalf("the page did not reload with the change within a minute (last error: %v)", lastErr)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, p := range problems() {
		t.Error(p)
	}
}

// browser starts headless Chromium, or skips the test with the reason; it
// returns its context and a function that lists the console errors,
// exceptions and browser log errors seen so far.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
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
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
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
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)

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

	return bctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(problems)
	}
}

// chartBox is a chart's label and its size on the page.
type chartBox struct {
	Label  string  `json:"label"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
}

// TestReportPDF prints the index through Chromium: a PDF of several A4
// pages (the sections start on a new page).
func TestReportPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: printing takes several seconds")
	}
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("chromium is not installed (apt-get install chromium): the PDF is not checked")
	}
	dir := filepath.Join(t.TempDir(), "pack")
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"report", "-o", dir, "--format", "html,pdf"}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("report --format html,pdf: exit %d: %s", code, stderr.String())
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "orgdesign-report.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", pdf)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
	// A4 is 595 × 842 points.
	if !regexp.MustCompile(`/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]`).Match(pdf) {
		t.Error("the pages are not A4")
	}
	if pages < 5 {
		t.Errorf("%d pages: the sections do not start on their own page", pages)
	}
	t.Logf("%d pages, %d bytes", pages, len(pdf))
}
