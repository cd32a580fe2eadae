package risk

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/orgdesign/orgdesign/model"
)

// Calibration says what the levels mean in money: the annual probability of
// each likelihood level and the cost range of each impact level, in the
// scenario's currency.
type Calibration struct {
	Likelihood   [5]float64   `json:"likelihood"` // annual probability of levels 1 to 5
	Impact       [5]CostRange `json:"impact"`     // cost of levels 1 to 5 when the risk occurs
	Currency     string       `json:"currency,omitempty"`
	Illustrative bool         `json:"illustrative"` // some values are the built-in defaults
	Sources      Sources      `json:"sources"`
}

// CostRange is the cost of an occurrence: drawn between Low and High.
type CostRange struct {
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Sources say where each half of a calibration comes from: "file",
// "scenario" (its calibration-* assumptions) or "illustrative" (the defaults).
type Sources struct {
	Likelihood string `json:"likelihood"`
	Impact     string `json:"impact"`
}

// The built-in calibration, illustrative only: probabilities of a rare to an
// almost certain event in a year, and cost ranges a decade apart.
var (
	defaultLikelihood = [5]float64{0.05, 0.15, 0.35, 0.65, 0.9}
	defaultImpact     = [5]CostRange{{1e4, 1e5}, {1e5, 1e6}, {1e6, 1e7}, {1e7, 5e7}, {5e7, 2.5e8}}
)

// DefaultCalibration is the built-in, illustrative calibration.
func DefaultCalibration() Calibration {
	return Calibration{Likelihood: defaultLikelihood, Impact: defaultImpact, Illustrative: true,
		Sources: Sources{Likelihood: "illustrative", Impact: "illustrative"}}
}

// CalibrationFile is a calibration file as read: either half may be absent.
type CalibrationFile struct {
	Name        string
	Currency    string
	CurrencyPos model.Pos
	Likelihood  *[5]float64
	Impact      *[5]CostRange
}

// maxCalibrationSize caps a calibration file before parsing: it holds a dozen numbers.
const maxCalibrationSize = 1 << 20

// ParseCalibration reads a calibration file:
//
//	calibration:
//	  currency: MAD        # optional; must then be the scenario's
//	  likelihood:          # annual probability of each likelihood level
//	    1: 0.05
//	    2: 0.15
//	    3: 0.35
//	    4: 0.65
//	    5: 0.9
//	  impact:              # cost range of each impact level, in the scenario's currency
//	    1: { low: 10000, high: 100000 }
//	    ...
//
// Either half may be left out (the scenario's assumptions or the defaults
// fill it); a half that is there names all five levels. Every problem is a
// positioned diagnostic; the file is nil when there is any error.
func ParseCalibration(name string, data []byte) (*CalibrationFile, model.Diagnostics) {
	p := &calParser{name: name}
	top := model.Pos{File: name, Line: 1, Col: 1}
	switch {
	case len(data) > maxCalibrationSize:
		p.errorf(top, "too-large", "the file is over %d bytes: a calibration file holds a dozen numbers", maxCalibrationSize)
	case !utf8.Valid(data):
		p.errorf(top, "invalid-utf8", "the file is not valid UTF-8")
	}
	if len(p.diags) > 0 {
		return nil, p.diags
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		at, msg := syntaxError(name, data, err)
		p.errorf(at, "yaml-syntax", "%s", msg)
		return nil, p.diags
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		p.diags = append(p.diags, model.Diagnostic{Pos: top, Severity: model.Error, Code: "empty-file", Message: "the file is empty",
			Hint: "start with `calibration:`"})
		return nil, p.diags
	}
	f := &CalibrationFile{Name: name}
	root := p.mapping(doc.Content[0], "the file")
	if root == nil {
		return nil, p.diags
	}
	body := p.fields(root, "the file", []string{"calibration"})["calibration"]
	if body == nil {
		if len(p.diags) == 0 {
			p.diags = append(p.diags, model.Diagnostic{Pos: p.pos(root), Severity: model.Error, Code: "missing-field",
				Message: "no `calibration:` section", Hint: "start with `calibration:`"})
		}
		return nil, p.diags
	}
	if p.mapping(body, "calibration") == nil {
		return nil, p.diags
	}
	fs := p.fields(body, "calibration", []string{"currency", "likelihood", "impact"})
	if n := fs["currency"]; n != nil {
		if n.Kind != yaml.ScalarNode || n.Value == "" {
			p.errorf(p.pos(n), "type-mismatch", "calibration: currency must be a currency code such as MAD")
		} else {
			f.Currency, f.CurrencyPos = n.Value, p.pos(n)
		}
	}
	var likelihoodNodes [5]*yaml.Node
	if n := fs["likelihood"]; n != nil {
		var probs [5]float64
		ok := true
		p.levels(n, "likelihood", func(level int, v *yaml.Node) {
			likelihoodNodes[level-1] = v
			x, good := p.number(v, fmt.Sprintf("likelihood %d", level))
			switch {
			case !good:
				ok = false
			case x < 0 || x > 1:
				p.errorf(p.pos(v), "out-of-range", "likelihood %d: %s is not a probability (0 to 1)", level, v.Value)
				ok = false
			default:
				probs[level-1] = x
			}
		})
		if ok && len(p.diags) == 0 {
			f.Likelihood = &probs
		}
	}
	if n := fs["impact"]; n != nil {
		var costs [5]CostRange
		ok := true
		p.levels(n, "impact", func(level int, v *yaml.Node) {
			what := fmt.Sprintf("impact %d", level)
			if p.mapping(v, what) == nil {
				ok = false
				return
			}
			rf := p.fields(v, what, []string{"low", "high"})
			for _, k := range []string{"low", "high"} {
				if rf[k] == nil {
					p.errorf(p.pos(v), "missing-field", "%s needs `%s` (a cost range has low and high)", what, k)
					ok = false
				}
			}
			if !ok {
				return
			}
			lo, g1 := p.number(rf["low"], what+" low")
			hi, g2 := p.number(rf["high"], what+" high")
			switch {
			case !g1 || !g2:
				ok = false
			case lo < 0:
				p.errorf(p.pos(rf["low"]), "out-of-range", "%s: low %s is negative", what, rf["low"].Value)
				ok = false
			case hi < lo:
				p.errorf(p.pos(rf["high"]), "out-of-range", "%s: high %s is below low %s", what, rf["high"].Value, rf["low"].Value)
				ok = false
			default:
				costs[level-1] = CostRange{lo, hi}
			}
		})
		if ok && len(p.diags) == 0 {
			f.Impact = &costs
		}
	}
	if len(p.diags) == 0 && f.Likelihood != nil {
		checkMonotonic(f.Likelihood, func(level int, msg string) {
			p.errorf(p.pos(likelihoodNodes[level-1]), "out-of-range", "likelihood %d: %s", level, msg)
		})
	}
	if len(p.diags) > 0 {
		return nil, p.diags.Sort()
	}
	return f, nil
}

// checkMonotonic reports a likelihood level less probable than the one below it.
func checkMonotonic(p *[5]float64, report func(level int, msg string)) {
	for i := 1; i < 5; i++ {
		if p[i] < p[i-1] {
			report(i+1, fmt.Sprintf("probability %s is below level %d's %s: the levels must not become less likely",
				fmtFloat(p[i]), i, fmtFloat(p[i-1])))
			return
		}
	}
}

// calParser reads the calibration file's YAML nodes with positions.
type calParser struct {
	name  string
	diags model.Diagnostics
}

func (p *calParser) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: p.name, Line: n.Line, Col: n.Column}
}

func (p *calParser) errorf(at model.Pos, code, format string, args ...any) {
	p.diags = append(p.diags, model.Diagnostic{Pos: at, Severity: model.Error, Code: code, Message: fmt.Sprintf(format, args...)})
}

// mapping returns n when it is a mapping, reporting otherwise; aliases are refused.
func (p *calParser) mapping(n *yaml.Node, what string) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		p.errorf(p.pos(n), "alias", "%s: aliases are not allowed in a calibration file", what)
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(p.pos(n), "type-mismatch", "%s must be a mapping", what)
		return nil
	}
	return n
}

// fields returns a mapping's values by key, reporting unknown and repeated keys.
func (p *calParser) fields(n *yaml.Node, what string, known []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case !slices.Contains(known, k.Value):
			d := model.Diagnostic{Pos: p.pos(k), Severity: model.Error, Code: "unknown-field",
				Message: fmt.Sprintf("unknown field %q in %s", k.Value, what), Hint: "known fields: " + strings.Join(known, ", ")}
			d.SuggestNearest(k.Value, known)
			p.diags = append(p.diags, d)
		case out[k.Value] != nil:
			p.errorf(p.pos(k), "duplicate-key", "%s: %q is given twice", what, k.Value)
		case v.Kind == yaml.AliasNode:
			p.errorf(p.pos(v), "alias", "%s: aliases are not allowed in a calibration file", what)
		default:
			out[k.Value] = v
		}
	}
	return out
}

// levels reads a mapping keyed by the levels 1 to 5, all of them.
func (p *calParser) levels(n *yaml.Node, what string, each func(level int, v *yaml.Node)) {
	if p.mapping(n, what) == nil {
		return
	}
	var seen [6]bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		level, err := strconv.Atoi(k.Value)
		switch {
		case err != nil || level < 1 || level > 5:
			p.diags = append(p.diags, model.Diagnostic{Pos: p.pos(k), Severity: model.Error, Code: "out-of-range",
				Message: fmt.Sprintf("%s: %q is not a level", what, k.Value), Hint: "levels go from 1 to 5"})
		case seen[level]:
			p.errorf(p.pos(k), "duplicate-key", "%s: level %d is given twice", what, level)
		case v.Kind == yaml.AliasNode:
			p.errorf(p.pos(v), "alias", "%s: aliases are not allowed in a calibration file", what)
		default:
			seen[level] = true
			each(level, v)
		}
	}
	var missing []string
	for l := 1; l <= 5; l++ {
		if !seen[l] {
			missing = append(missing, itoa(l))
		}
	}
	if len(missing) > 0 {
		p.errorf(p.pos(n), "missing-field", "%s: level(s) %s missing: give all five levels", what, strings.Join(missing, ", "))
	}
}

// number reads a scalar number.
func (p *calParser) number(n *yaml.Node, what string) (float64, bool) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, true
		}
	}
	p.errorf(p.pos(n), "type-mismatch", "%s must be a number, not %q", what, n.Value)
	return 0, false
}

// syntaxError turns a yaml.v3 error (which gives a line, never a column)
// into a message and the first non-blank character of that line, as the
// loader does for the other files.
func syntaxError(name string, data []byte, err error) (model.Pos, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = strings.TrimSpace(strings.Replace(msg, m[0], "", 1))
	}
	col := 1
	if lines := strings.Split(string(data), "\n"); line >= 1 && line <= len(lines) {
		col = len(lines[line-1]) - len(strings.TrimLeft(lines[line-1], " ")) + 1
	}
	return model.Pos{File: name, Line: line, Col: col}, msg
}

var lineRE = regexp.MustCompile(`line (\d+):`)

// The ids of the assumptions that calibrate a scenario.
const (
	likelihoodAssumption = "calibration-likelihood-" // + level
	impactAssumption     = "calibration-impact-"     // + level + "-low" or "-high"
)

// Calibrate puts together the calibration of a scenario: each half from the
// file when it has it, else from the scenario's assumptions
// (calibration-likelihood-1 … -5 with the probability as value;
// calibration-impact-1-low, calibration-impact-1-high … with the cost as
// value), else the illustrative defaults. file may be nil.
func Calibrate(r *model.Resolved, file *CalibrationFile) (Calibration, model.Diagnostics) {
	c := DefaultCalibration()
	c.Currency = r.Header.Currency
	var diags model.Diagnostics
	byID := map[string]*model.Assumption{}
	for _, as := range r.Assumptions {
		if strings.HasPrefix(as.ID, "calibration-") {
			byID[as.ID] = as
		}
	}
	value := func(id string) (float64, *model.Assumption, bool) {
		as := byID[id]
		if as == nil {
			return 0, nil, false
		}
		if as.Value == nil {
			diags = append(diags, model.Diagnostic{Pos: as.Pos, Severity: model.Error, Code: "missing-field",
				Message: fmt.Sprintf("assumption %q needs a `value`", id), Hint: "the calibration assumptions carry their figure in `value`"})
			return 0, as, false
		}
		return *as.Value, as, true
	}
	// all reads a half from the assumptions: all of its ids or none.
	all := func(ids []string, set func(i int, v float64, as *model.Assumption)) bool {
		var found, missing []string
		for _, id := range ids {
			if byID[id] != nil {
				found = append(found, id)
			} else {
				missing = append(missing, id)
			}
		}
		if len(found) == 0 {
			return false
		}
		if len(missing) > 0 {
			diags = append(diags, model.Diagnostic{Pos: byID[found[0]].Pos, Severity: model.Error, Code: "missing-field",
				Message: fmt.Sprintf("calibration assumptions: %s declared but not %s", strings.Join(found, ", "), strings.Join(missing, ", ")),
				Hint:    "declare all of them or none"})
			return false
		}
		n := len(diags)
		for i, id := range ids {
			if v, as, ok := value(id); ok {
				set(i, v, as)
			}
		}
		return len(diags) == n
	}
	var likelihoodIDs, impactIDs []string
	for l := 1; l <= 5; l++ {
		likelihoodIDs = append(likelihoodIDs, likelihoodAssumption+itoa(l))
		impactIDs = append(impactIDs, impactAssumption+itoa(l)+"-low", impactAssumption+itoa(l)+"-high")
	}
	var probs [5]float64
	if all(likelihoodIDs, func(i int, v float64, as *model.Assumption) {
		if v < 0 || v > 1 {
			diags = append(diags, outOfRange(as, fmt.Sprintf("assumption %q: %s is not a probability (0 to 1)", as.ID, fmtFloat(v))))
		}
		probs[i] = v
	}) {
		n := len(diags)
		checkMonotonic(&probs, func(level int, msg string) {
			diags = append(diags, outOfRange(byID[likelihoodIDs[level-1]], "assumption \""+likelihoodIDs[level-1]+"\": "+msg))
		})
		if len(diags) == n {
			c.Likelihood, c.Sources.Likelihood = probs, "scenario"
		}
	}
	var costs [5]CostRange
	if all(impactIDs, func(i int, v float64, as *model.Assumption) {
		if v < 0 {
			diags = append(diags, outOfRange(as, fmt.Sprintf("assumption %q: cost %s is negative", as.ID, fmtFloat(v))))
		}
		if i%2 == 0 {
			costs[i/2].Low = v
		} else {
			costs[i/2].High = v
			if v < costs[i/2].Low {
				diags = append(diags, outOfRange(as, fmt.Sprintf("assumption %q: %s is below the low cost %s", as.ID, fmtFloat(v), fmtFloat(costs[i/2].Low))))
			}
		}
	}) {
		c.Impact, c.Sources.Impact = costs, "scenario"
	}
	if file != nil {
		if file.Likelihood != nil {
			c.Likelihood, c.Sources.Likelihood = *file.Likelihood, "file"
		}
		if file.Impact != nil {
			c.Impact, c.Sources.Impact = *file.Impact, "file"
		}
		if file.Currency != "" && r.Header.Currency != "" && file.Currency != r.Header.Currency {
			diags = append(diags, model.Diagnostic{Pos: file.CurrencyPos, Severity: model.Error, Code: "currency-mismatch",
				Message: fmt.Sprintf("the calibration is in %s but scenario %q counts in %s", file.Currency, r.Header.ID, r.Header.Currency),
				Hint:    "convert the costs, or use one calibration file per currency"})
		}
	}
	c.Illustrative = c.Sources.Likelihood == "illustrative" || c.Sources.Impact == "illustrative"
	return c, diags.Sort()
}

func outOfRange(as *model.Assumption, msg string) model.Diagnostic {
	return model.Diagnostic{Pos: as.PosOf("value"), Severity: model.Error, Code: "out-of-range", Message: msg}
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
