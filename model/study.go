package model

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Set is what a command works on: a study with its scenarios, or scenarios alone.
type Set struct {
	Study     *Study
	StudyFile string
	Scenarios []*Resolved // the options and the baseline, in study order; contexts excluded
	Baseline  *Resolved

	// broken counts the study's scenario files that could not be read or
	// parsed: the study's references to their ids are not reported then,
	// as they would only echo the file's own errors.
	broken int
}

// StudyScenarioIDs are the ids of the scenarios a study names: those of the
// scenario files it lists (paths relative to its file studyFile, each read
// for its header; an unreadable one is skipped), then those its scores
// name, each once, in that order. It resolves nothing: it tells what a
// study was written for without loading its options.
func (l *Loader) StudyScenarioIDs(studyFile string, st *Study) []string {
	var ids []string
	add := func(id string) {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, ref := range st.Header.Scenarios {
		if f, _, err := l.File(relative(studyFile, ref.File)); err == nil && f != nil && f.Kind == KindScenario {
			add(f.Scenario.Header.ID)
		}
	}
	for _, sc := range st.Scores {
		add(sc.Scenario)
	}
	return ids
}

// LoadSet reads the named files: a study pulls in its scenarios, scenario files
// are resolved, shared contexts are checked through the scenarios that extend
// them, territory files are checked on their own.
func (l *Loader) LoadSet(names []string) (*Set, Diagnostics, error) {
	c := &diags{}
	set := &Set{}
	done := map[string]bool{}
	addScenario := func(name string) (*Resolved, error) {
		if done[name] {
			for _, r := range set.Scenarios {
				if r.File == name {
					return r, nil
				}
			}
			return nil, nil
		}
		done[name] = true
		r, ds, err := l.Scenario(name)
		c.list = append(c.list, ds...)
		if err != nil {
			return nil, err
		}
		if r != nil && !r.Header.Partial {
			set.Scenarios = append(set.Scenarios, r)
		}
		return r, nil
	}
	for _, name := range names {
		f, ds, err := l.File(name)
		if err != nil {
			return nil, nil, err
		}
		if f == nil {
			c.list = append(c.list, ds...)
			continue
		}
		switch f.Kind {
		case KindStudy:
			c.list = append(c.list, ds...)
			if set.Study != nil {
				c.add(Pos{File: name, Line: 1, Col: 1}, Warning, "several-studies", "validate them separately", "a study (%s) is already loaded: this one is checked but not used", set.StudyFile)
				c.say("several-studies", set.StudyFile)
			}
			for _, ref := range f.Study.Header.Scenarios {
				target := relative(name, ref.File)
				r, err := addScenario(target)
				var ioe *IOError
				if err != nil && asIOError(err, &ioe) {
					c.add(ref.PosOf("file"), Error, "file-not-found", "paths are relative to the study file", "scenario file %q: %v", ref.File, ioe.Err)
					set.broken++
					continue
				}
				if r == nil {
					set.broken++
				}
				if r != nil && ref.Baseline && set.Study == nil {
					set.Baseline = r
				}
			}
			if set.Study == nil {
				set.Study, set.StudyFile = f.Study, name
			}
		case KindScenario:
			if f.Scenario.Header.Partial {
				c.list = append(c.list, ds...)
				continue
			}
			if _, err := addScenario(name); err != nil {
				return nil, nil, err
			}
		case KindTerritory:
			tc := &diags{list: slices.Clone(ds)}
			checkTerritory(f.Territory, tc)
			c.list = append(c.list, tc.list...)
		case KindCountry:
			cc := &diags{list: slices.Clone(ds)}
			checkCountry(f.Country, cc)
			c.list = append(c.list, cc.list...)
		case KindInstrument:
			ic := &diags{list: slices.Clone(ds)}
			checkInstrument(f.Instrument, ic)
			c.list = append(c.list, ic.list...)
		}
	}
	if set.Study != nil {
		checkStudy(set, c)
	}
	return set, c.list.Sort(), nil
}

func asIOError(err error, target **IOError) bool {
	e, ok := err.(*IOError)
	if ok {
		*target = e
	}
	return ok
}

// checkStudy validates the study file against itself and its scenarios.
func checkStudy(set *Set, c *diags) {
	s := set.Study
	h := &s.Header
	requireText(c, &h.Meta, "id", h.ID, "the study")
	requireText(c, &h.Meta, "title", h.Title, "the study")
	checkIDFormat(c, &h.Meta, h.ID)
	checkDate(c, &h.Meta, "date", h.Date, "the study")
	checkEnum(c, &h.Meta, "status", h.Status, StudyStatuses, "the study")
	if h.Meta.Has("horizon") && (h.Horizon < 1 || h.Horizon > 50) {
		c.add(h.PosOf("horizon"), Error, "out-of-range", "the number of years the costs are laid out over, e.g. horizon: 5", "the study's horizon %d is outside 1–50 years", h.Horizon)
	}
	if r := h.DiscountRate; r != nil && (*r < 0 || *r >= 1) {
		c.add(h.PosOf("discountRate"), Error, "out-of-range", "a fraction: 0.05 for 5 % a year", "the study's discount rate %v is not a fraction from 0 to 1", *r)
	}
	if len(h.Scenarios) == 0 {
		c.add(h.PosOf("scenarios"), Error, "missing-field", "list the scenario files: scenarios: [{ file: option-a.yaml }]", "the study lists no scenarios")
	}
	baselines := 0
	for _, ref := range h.Scenarios {
		if ref.Baseline {
			baselines++
			if baselines > 1 {
				c.errorf(ref.PosOf("baseline"), "several-baselines", "only one scenario can be the baseline")
			}
		}
	}
	ids := map[string]Pos{}
	add := func(m *Meta, id, kind string) {
		if id == "" {
			c.errorf(m.Pos, "missing-field", "a %s needs `id`", kind)
			return
		}
		checkIDFormat(c, m, id)
		if first, dup := ids[id]; dup {
			c.add(m.PosOf("id"), Error, "duplicate-id", "first declared at "+first.String(), "id %q is declared twice in the study", id)
			return
		}
		ids[id] = m.PosOf("id")
	}
	for _, src := range s.Sources {
		add(&src.Meta, src.ID, "source")
		checkSource(c, src)
	}
	for _, f := range s.Findings {
		what := "finding " + quote(f.ID)
		add(&f.Meta, f.ID, "finding")
		requireText(c, &f.Meta, "title", f.Title, what)
		checkEnum(c, &f.Meta, "stage", f.Stage, StagesAndFunctions(), what)
		checkEnum(c, &f.Meta, "severity", f.Severity, Severities, what)
		if f.Source == "" {
			c.add(f.Pos, Warning, "missing-source", "cite where the finding comes from", "%s has no source", what)
			c.say("finding-without-source", f.ID)
		}
	}
	groups := map[string]bool{}
	stakeholders := map[string]bool{}
	for _, st := range s.Stakeholders {
		what := "stakeholder " + quote(st.ID)
		add(&st.Meta, st.ID, "stakeholder")
		requireText(c, &st.Meta, "name", st.Name, what)
		checkEnum(c, &st.Meta, "interest", st.Interest, Ratings, what)
		checkEnum(c, &st.Meta, "influence", st.Influence, Ratings, what)
		stakeholders[st.ID] = true
		if st.Group != "" {
			groups[st.Group] = true
		}
	}
	for _, co := range s.Consultations {
		what := "consultation " + quote(co.ID)
		add(&co.Meta, co.ID, "consultation")
		checkDate(c, &co.Meta, "date", co.Date, what)
		checkEnum(c, &co.Meta, "format", co.Format, ConsultFormats, what)
		for i, p := range co.Participants {
			if !stakeholders[p] {
				c.add(co.ItemAt("participants", i), Error, "unknown-reference", suggest(p, keysOf(stakeholders)), "%s: participant %q is not a declared stakeholder", what, p)
			}
		}
	}
	criteria := map[string]*Criterion{}
	for _, cr := range s.Criteria {
		what := "criterion " + quote(cr.ID)
		add(&cr.Meta, cr.ID, "criterion")
		requireText(c, &cr.Meta, "title", cr.Title, what)
		checkEnum(c, &cr.Meta, "metric", cr.Metric, Metrics, what)
		checkEnum(c, &cr.Meta, "direction", cr.Direction, Directions, what)
		switch {
		case cr.Metric != "" && cr.Scored:
			c.errorf(cr.PosOf("scored"), "conflicting-fields", "%s is either computed (`metric`) or scored in workshops (`scored: true`), not both", what)
		case cr.Metric == "" && !cr.Scored:
			c.add(cr.Pos, Error, "missing-field", "add `metric:` (e.g. payroll) or `scored: true`", "%s needs a metric or `scored: true`", what)
		}
		checkScale(c, cr, what)
		for _, g := range keysOf(cr.Weights) {
			if cr.Weights[g] < 0 {
				c.errorf(cr.PosOf("weights"), "negative-value", "%s: the weight of %q cannot be negative", what, g)
			}
			if len(groups) > 0 && !groups[g] && g != "all" {
				// A weight's group would otherwise add a group to the combined mean.
				c.add(cr.PosOf("weights"), Error, "unknown-reference", "", "%s: no stakeholder is in group %q", what, g)
				c.oneOfTo(g, keysOf(groups))
			}
		}
		criteria[cr.ID] = cr
	}
	scenarioIDs := map[string]bool{}
	for _, r := range set.Scenarios {
		scenarioIDs[r.Header.ID] = true
	}
	for _, sc := range s.Scores {
		what := fmt.Sprintf("score of %q on %q", sc.Scenario, sc.Criterion)
		if cr, ok := criteria[sc.Criterion]; !ok {
			c.add(sc.PosOf("criterion"), Error, "unknown-reference", suggest(sc.Criterion, keysOf(criteria)), "%s: criterion %q is not declared", what, sc.Criterion)
		} else if !cr.Scored {
			c.errorf(sc.PosOf("criterion"), "conflicting-fields", "%s: criterion %q is computed, not scored", what, sc.Criterion)
		}
		if !scenarioIDs[sc.Scenario] && set.broken == 0 {
			c.add(sc.PosOf("scenario"), Error, "unknown-reference", suggest(sc.Scenario, keysOf(scenarioIDs)), "%s: scenario %q is not one of the study's", what, sc.Scenario)
		}
		if sc.Value < 1 || sc.Value > 5 {
			c.errorf(sc.PosOf("value"), "out-of-range", "%s: scores go from 1 to 5", what)
		}
		if sc.Group != "" && len(groups) > 0 && !groups[sc.Group] {
			// A score's group would otherwise add a group to the combined mean.
			c.add(sc.PosOf("group"), Error, "unknown-reference", "", "%s: no stakeholder is in group %q", what, sc.Group)
			c.oneOfTo(sc.Group, keysOf(groups))
		}
	}
	for _, d := range s.Decisions {
		add(&d.Meta, d.ID, "decision")
		requireText(c, &d.Meta, "title", d.Title, "decision "+quote(d.ID))
	}
}

// checkScale checks a criterion's fixed value scale: computed criteria only,
// two different ends, and a direction that agrees with them.
func checkScale(c *diags, cr *Criterion, what string) {
	sc := cr.Scale
	if sc == nil {
		return
	}
	if cr.Scored {
		c.add(cr.PosOf("scale"), Error, "conflicting-fields", "scores are normalised on their fixed 1–5 scale: remove `scale`",
			"%s is scored in workshops: it cannot declare a scale", what)
		return
	}
	for _, key := range []string{"worst", "best"} {
		if !sc.Meta.Has(key) {
			c.add(sc.Pos, Error, "missing-field", "e.g. scale: { worst: 300, best: 0 } where less is better", "%s: the scale needs `%s`", what, key)
			return
		}
	}
	if sc.Worst == sc.Best {
		c.errorf(sc.PosOf("best"), "out-of-range", "%s: the scale's worst and best values are the same (%v)", what, sc.Best)
		return
	}
	implied := "max"
	if sc.Worst > sc.Best {
		implied = "min"
	}
	if cr.Direction != "" && cr.Direction != implied {
		c.add(cr.PosOf("direction"), Error, "conflicting-fields", "remove `direction`: the scale says it",
			"%s: direction %q contradicts its scale (worst %v, best %v means %s)", what, cr.Direction, sc.Worst, sc.Best, implied)
	}
}

// ExpandPaths turns files and folders into the list of YAML files they hold,
// folders walked in name order.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, &IOError{Name: p, Err: unwrapPathError(err)}
		}
		if !st.IsDir() {
			out = append(out, filepath.ToSlash(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")) {
				out = append(out, filepath.ToSlash(path))
			}
			return nil
		})
		if err != nil {
			return nil, &IOError{Name: p, Err: unwrapPathError(err)}
		}
	}
	return out, nil
}
