package tui

import (
	"fmt"
	"io/fs"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/orgdesign/orgdesign/analysis"
	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// Source says where the editor reads the files the edited one depends on
// (what it extends, its territory): the user's files and the embedded ones.
type Source struct {
	Files      model.Files // the user's files, by slash-separated name (model.OSFiles{})
	Builtin    model.Files // embedded territories, looked up by name
	BuiltinDir string
	MaxSize    int64
}

// overlay serves the edited file from memory and every other file from a
// snapshot taken the first time it is read, so a recompute never races a
// file being rewritten on disk and the disk is read once per file.
type overlay struct {
	name string
	data []byte
	disk *diskCache
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if name == o.name {
		return o.data, nil
	}
	return o.disk.read(name)
}

// diskCache remembers the bytes of the files the edited one depends on.
// Commands run concurrently, so it is guarded by a mutex.
type diskCache struct {
	files model.Files
	mu    sync.Mutex
	data  map[string][]byte
	errs  map[string]error
}

func newDiskCache(files model.Files) *diskCache {
	return &diskCache{files: files, data: map[string][]byte{}, errs: map[string]error{}}
}

func (c *diskCache) read(name string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.data[name]; ok {
		return b, nil
	}
	if err, ok := c.errs[name]; ok {
		return nil, err
	}
	if c.files == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	b, err := c.files.ReadFile(name)
	if err != nil {
		c.errs[name] = err
		return nil, err
	}
	c.data[name] = b
	return b, nil
}

// forget drops the snapshot so the next recompute reads the disk again.
func (c *diskCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data = map[string][]byte{}
	c.errs = map[string]error{}
}

// result is everything the editor shows that is computed from the text:
// the edited file as parsed, the resolved scenario, its diagnostics and
// figures. It is built in a command and never changed afterwards.
type result struct {
	gen      int                    // the edit generation it was computed for
	name     string                 // the edited file
	own      *model.File            // the edited file alone (nil when it does not parse)
	files    map[string]*model.File // every file the scenario was built from, by name
	resolved *model.Resolved        // nil when the file is not a scenario or does not parse
	diags    model.Diagnostics
	analysis *analysis.Analysis // nil when the scenario has errors
	risks    *risk.Assessment   // nil when the scenario has errors
	failure  string             // an analysis that failed: shown, never fatal
	// kept is the last result that had every figure (good), when this one
	// has not: its figures are shown, marked stale. Set by Update when the
	// result arrives, never changed afterwards.
	kept  *result
	ioErr error // a file the scenario needs could not be read
}

// resultMsg carries a recompute back to Update.
type resultMsg struct{ res *result }

// compute parses the edited bytes, resolves them with the files they depend
// on, and computes diagnostics, headcount, payroll and risk levels (the
// findings' texts in lang). It is pure with respect to the model: it runs in
// a command.
func compute(gen int, name string, data []byte, src Source, disk *diskCache, lang string) *result {
	res := &result{gen: gen, name: name, files: map[string]*model.File{}}
	l := &model.Loader{Files: overlay{name: name, data: data, disk: disk},
		Builtin: src.Builtin, BuiltinDir: src.BuiltinDir, MaxSize: src.MaxSize}
	own, diags, err := l.File(name)
	if err != nil {
		res.ioErr = err
		return res
	}
	res.own = own
	if own == nil || own.Kind != model.KindScenario {
		res.diags = diags
		return res
	}
	r, diags, err := l.Scenario(name)
	res.diags = diags
	if err != nil {
		res.ioErr = err
		return res
	}
	res.resolved = r
	if r == nil {
		return res
	}
	for _, f := range r.Files {
		// The loader keeps every file it parsed, embedded territories included.
		if pf, _, err := l.File(f); err == nil && pf != nil {
			res.files[f] = pf
		}
	}
	if diags.HasErrors() {
		return res
	}
	func() {
		defer func() {
			if p := recover(); p != nil {
				res.analysis, res.risks = nil, nil
				res.failure = fmt.Sprint(p)
			}
		}()
		res.analysis = analysis.Analyze(r, analysis.Options{})
		res.risks, _ = risk.Assess(r, res.analysis, risk.Options{Lang: lang})
	}()
	return res
}

// computeCmd runs compute in a command, so typing never waits for it.
func computeCmd(gen int, name string, data []byte, src Source, disk *diskCache, lang string) tea.Cmd {
	return func() tea.Msg {
		return resultMsg{res: compute(gen, name, data, src, disk, lang)}
	}
}
