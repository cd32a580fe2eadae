package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// base is a small valid scenario; each case edits one line of it.
const base = `scenario:
  id: s
  title: S
  territory: t.yaml
  year: 2027
institution: { legalForm: autonomous-agency, supervision: mef }
phases:
  - { id: ph-1, title: Un, start: 2027-01 }
actors:
  - { id: mef, name: Finances, kind: ministry }
bodies:
  - { id: ca, name: Conseil, kind: board, chair: mef, members: [mef] }
profiles:
  - { id: agent, title: Agent, annualCost: 100 }
units:
  - { id: dg, name: DG, kind: executive, reportsTo: ca, staff: [ { profile: agent, count: 2 } ] }
  - { id: dr, name: "DR {territory}", kind: delegation, tier: regional, reportsTo: dg, per: region,
      staff: [ { profile: agent, onePer: 1000, of: households } ] }
  - { id: ap, name: "AP {territory}", kind: office, tier: provincial, reportsTo: dr, per: province }
chain:
  - { stage: payment, accountable: dg, responsible: [dr] }
demand: { households: 3000, distribution: population }
systems:
  - { id: si, name: SI, owner: dg }
  - { id: rsu, name: RSU, owner: mef }
interfaces:
  - { id: i1, from: rsu, to: si, mode: api, agreement: signed }
risks:
  - { id: r1, title: R, category: operational, owner: dg, likelihood: 3, impact: 4,
      mitigations: [ { id: m1, title: M, reduces: impact, by: 1 } ] }
`

const territory = `territory:
  id: t
  name: T
  levels: [region, province]
  sources: [ { id: src, title: Census } ]
units:
  - { id: nord, name: Nord, level: region, population: 200, source: src }
  - { id: sud, name: Sud, level: region, population: 100, source: src }
  - { id: n1, name: N1, level: province, parent: nord, population: 200, source: src }
  - { id: s1, name: S1, level: province, parent: sud, population: 100, source: src }
`

func loadScenario(t *testing.T, files mapFiles) (*Resolved, Diagnostics) {
	t.Helper()
	l := &Loader{Files: files}
	r, ds, err := l.Scenario("s.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return r, ds
}

func TestBaseIsValid(t *testing.T) {
	r, ds := loadScenario(t, mapFiles{"s.yaml": base, "t.yaml": territory})
	if len(ds) != 0 {
		t.Fatalf("unexpected diagnostics:\n%v", ds)
	}
	if got := len(r.Instances); got != 5 {
		t.Errorf("instances = %d, want 5 (dg, 2 dr, 2 ap)", got)
	}
	// 3000 households split 2:1 by population: dr-nord 2000 → 2 agents, dr-sud 1000 → 1.
	if got := r.Headcount(); got != 5 {
		t.Errorf("headcount = %d, want 5", got)
	}
}

func TestDiagnostics(t *testing.T) {
	cases := []struct {
		name      string
		old, new  string // a replacement in base ("" = none)
		territory string // replaces the territory file when set
		want      string // every diagnostic, one per line, with hints
		old2      string // a second replacement, when one edit is not enough
		new2      string
	}{
		{"unknown field with hint", "reportsTo: ca,", "reportTo: ca,", "",
			"s.yaml:16:42: error: unknown field \"reportTo\" in unit \"dg\" [unknown-field]\n    hint: did you mean `reportsTo`?\n", "", ""},
		{"unknown stage", "stage: payment", "stage: paiement", "",
			"s.yaml:21:14: error: chain entry: \"paiement\" is not a known stage [unknown-value]\n    hint: did you mean `payment`?\n", "", ""},
		{"unknown reference", "reportsTo: dg, per", "reportsTo: dgx, per", "",
			"s.yaml:17:84: error: unit \"dr\" reportsTo: \"dgx\" is not declared [unknown-reference]\n    hint: did you mean `dg`?\n", "", ""},
		{"duplicate id across kinds", "{ id: si, name: SI", "{ id: mef, name: SI", "",
			"s.yaml:24:11: error: id \"mef\" is already used by actor \"mef\" [duplicate-id]\n    hint: first declared at s.yaml:10:11\ns.yaml:27:30: error: interface \"i1\" to: \"si\" is not declared [unknown-reference]\n    hint: did you mean `rsu`?\n", "", ""},
		{"agency is reserved", "{ id: mef, name: Finances", "{ id: agency, name: Finances", "",
			"s.yaml:6:59: error: institution supervision: \"mef\" is not declared [unknown-reference]\ns.yaml:10:11: error: actor id \"agency\" is reserved [reserved-id]\n    hint: `agency` names the agency as a whole; use it in references without declaring it\ns.yaml:12:50: error: body \"ca\" chair: \"mef\" is not declared [unknown-reference]\ns.yaml:12:65: error: body \"ca\" member: \"mef\" is not declared [unknown-reference]\ns.yaml:25:34: error: system \"rsu\" owner: \"mef\" is not declared [unknown-reference]\n", "", ""},
		{"reporting cycle", "reportsTo: ca, staff", "reportsTo: ap, staff", "",
			"s.yaml:16:53: error: unit \"dg\" is national but reports to \"ap\", which has 2 instances (one per province) [no-instance-to-attach]\n    hint: give this unit `per` or `at`, or report to a national unit\ns.yaml:17:84: error: reporting lines loop: dg → ap → dr → dg [reporting-cycle]\n", "", ""},
		{"likelihood out of range", "likelihood: 3", "likelihood: 7", "",
			"s.yaml:29:71: error: risk \"r1\": likelihood 7 is outside 1–5 [out-of-range]\n    hint: levels go from 1 (rare, minor) to 5 (almost certain, severe)\n", "", ""},
		{"negative count", "count: 2", "count: -2", "",
			"s.yaml:16:91: error: staff line 1 of unit \"dg\": `count` cannot be negative [negative-value]\n", "", ""},
		{"missing required field", "{ id: mef, name: Finances, kind: ministry }", "{ id: mef, kind: ministry }", "",
			"s.yaml:10:5: error: actor \"mef\" needs `name` [missing-field]\n", "", ""},
		{"per names a missing level", "per: province", "per: commune", "",
			"s.yaml:19:91: error: unit \"ap\": territory \"t\" has no level \"commune\" [unknown-territory-level]\n    hint: one of: region, province\n", "", ""},
		{"at names a missing unit", "per: province", "at: n2", "",
			"s.yaml:19:90: error: unit \"ap\": territory \"t\" has no unit \"n2\" [unknown-territory-unit]\n    hint: did you mean `n1`?\n", "", ""},
		{"no instance to attach to", "reportsTo: dg, per: region", "reportsTo: dg, per: province", "",
			"s.yaml:19:82: error: unit \"ap\" reports to \"dr\", but no instance of \"dr\" contains Nord (nord) [no-instance-to-attach]\n    hint: a replicated unit reports to the instance of its superior whose territory contains its own\n", "reportsTo: dr, per: province", "reportsTo: dr, per: region"},
		{"wrong type", "annualCost: 100", "annualCost: 1 000", "",
			"s.yaml:14:44: error: \"annualCost\" of profile \"agent\" must be a number, not \"1 000\" [type-mismatch]\n    hint: write numbers without thousands separators, with a dot for decimals: 3900000 or 3.9\n", "", ""},
		{"closed list", "kind: ministry", "kind: ministere", "",
			"s.yaml:10:38: error: actor \"mef\": \"ministere\" is not a known kind [unknown-value]\n    hint: did you mean `ministry`?\n", "", ""},
		{"staff line with both count and norm", "count: 2", "count: 2, onePer: 10", "",
			"s.yaml:16:102: error: staff line 1 of unit \"dg\" has both `count` and `onePer`: a line is a fixed count or a norm [invalid-staff-line]\n", "", ""},
		{"bad date", "start: 2027-01", "start: 2027-13", "",
			"s.yaml:8:35: error: phase \"ph-1\": \"2027-13\" is not a date [invalid-date]\n    hint: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2027-01\n", "", ""},
		{"instance id collides with a declared id", "{ id: si, name: SI", "{ id: dr-nord, name: SI", "",
			"s.yaml:17:93: error: instance \"dr-nord\" of unit \"dr\" (in Nord) has the id of system \"dr-nord\" [duplicate-id]\n    hint: rename one of them; declared at s.yaml:24:11\ns.yaml:27:30: error: interface \"i1\" to: \"si\" is not declared [unknown-reference]\n    hint: did you mean `rsu`?\n", "", ""},
		{"several roots", "reportsTo: dr, per", "per", "",
			"s.yaml:19:5: warning: unit \"ap\" has no superior, like \"dg\": the structure has several roots [multiple-roots]\n    hint: give it `reportsTo`\n", "reportsTo: ca, staff", "staff"},
		{"territory figure without source", "", "", strings.Replace(territory, "population: 100, source: src }\n  - { id: n1", "population: 100 }\n  - { id: n1", 1),
			"t.yaml:8:5: error: territory unit \"sud\" has figures but no source [missing-source]\n    hint: add `source:` naming an entry of the territory's sources\n", "", ""},
		{"yaml syntax", "title: S\n", "title: S: T\n", "",
			"s.yaml:3:3: error: mapping values are not allowed in this context [yaml-syntax]\n    hint: quote a value that contains `: `\n", "", ""},
		{"finding accepted twice", "mitigations: [ { id: m1", "finding: critical-system-si,\n      mitigations: [ { id: m1", "",
			"s.yaml:31:16: error: risk \"r1\" accepts finding \"critical-system-si\", already accepted by risk \"r2\" [duplicate-id]\n",
			"risks:\n", "risks:\n  - { id: r2, title: R2, category: operational, owner: dg, likelihood: 2, impact: 2, finding: critical-system-si }\n"},
		{"finding accepted and dismissed", "mitigations: [ { id: m1", "finding: critical-system-si,\n      mitigations: [ { id: m1", "",
			"s.yaml:29:16: error: finding \"critical-system-si\" is dismissed and accepted by risk \"r1\" [conflicting-fields]\n    hint: accept it (a register risk with `finding:`) or dismiss it, not both\n",
			"risks:\n", "dismissed:\n  - { finding: critical-system-si, reason: Un plan de secours existe. }\nrisks:\n"},
		{"dismissal without reason", "risks:\n", "dismissed:\n  - { finding: critical-system-si }\nrisks:\n", "",
			"s.yaml:29:5: error: dismissed finding \"critical-system-si\" needs `reason` [missing-field]\n", "", ""},
		{"finding that is no id", "mitigations: [ { id: m1", "finding: Critical system,\n      mitigations: [ { id: m1", "",
			"s.yaml:30:16: error: risk \"r1\": finding \"Critical system\" is not a finding id [invalid-id]\n    hint: a finding's id is its rule's code and its subject, as `orgdesign risk` lists it, e.g. critical-system-si-asd\n", "", ""},
		{"continuity without fallback", "{ id: si, name: SI, owner: dg }", "{ id: si, name: SI, owner: dg, continuity: { recoveryHours: -4 } }", "",
			"s.yaml:24:48: error: system \"si\" continuity needs `fallback` [missing-field]\ns.yaml:24:65: error: system \"si\" continuity: `recoveryHours` cannot be negative [negative-value]\n", "", ""},
		{"negative mitigation annual cost", "reduces: impact, by: 1 }", "reduces: impact, by: 1, annual: -5 }", "",
			"s.yaml:30:74: error: mitigation \"m1\": `annual` cannot be negative [negative-value]\n", "", ""},
		{"negative benefits", "households: 3000,", "households: 3000, benefitsPerYear: -1,", "",
			"s.yaml:22:46: error: demand: `benefitsPerYear` cannot be negative [negative-value]\n", "", ""},
		{"territory country not a code", "", "", strings.Replace(territory, "name: T\n", "name: T\n  country: Maroc\n", 1),
			"t.yaml:4:12: error: the territory's country \"Maroc\" is not a two-letter code [invalid-value]\n    hint: the ISO 3166-1 alpha-2 code in capitals, e.g. MA, JO, SN\n", "", ""},
		{"channel points negative", "chain:\n", "channels:\n  - { id: csc, name: CSC, kind: partner-counter, operator: mef, per: province, points: -3 }\nchain:\n", "",
			"s.yaml:21:88: error: channel \"csc\": `points` cannot be negative [negative-value]\n", "", ""},
		{"channel points on a digital channel", "chain:\n", "channels:\n  - { id: csc, name: CSC, kind: partner-counter, operator: mef, per: province, points: 1500 }\n  - { id: web, name: Web, kind: digital, points: 2 }\nchain:\n", "",
			"s.yaml:22:50: warning: channel \"web\" is a digital channel: `points` counts places households come to in person and is ignored [ignored-field]\n    hint: remove `points`, or give the channel an in-person kind such as partner-counter or mobile-unit\n", "", ""},
		{"territory not found", "territory: t.yaml", "territory: nowhere", "",
			"s.yaml:4:14: error: territory \"nowhere\" not found [territory-not-found]\n    hint: name an embedded territory (e.g. morocco) or a territory file relative to this one\ns.yaml:17:93: error: unit \"dr\" uses `per` but the scenario names no territory [no-territory]\n    hint: add `territory:` to the scenario header\ns.yaml:19:91: error: unit \"ap\" uses `per` but the scenario names no territory [no-territory]\n    hint: add `territory:` to the scenario header\n", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := base
			if tc.old != "" {
				if !strings.Contains(src, tc.old) {
					t.Fatalf("base does not contain %q", tc.old)
				}
				src = strings.Replace(src, tc.old, tc.new, 1)
			}
			if tc.old2 != "" {
				src = strings.Replace(src, tc.old2, tc.new2, 1)
			}
			terr := territory
			if tc.territory != "" {
				terr = tc.territory
			}
			_, ds := loadScenario(t, mapFiles{"s.yaml": src, "t.yaml": terr})
			var b strings.Builder
			if err := WriteText(&b, ds); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tc.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestWarningsHaveWords: a written report shows warnings (errors stop it),
// in its own language: every warning the package adds must give its words
// (diags.say) right after it, for templates/i18n's diagnosticMessage
// (report.TestWarningsInTheReportsLanguage checks the sentences).
func TestWarningsHaveWords(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			if !strings.Contains(l, ", Warning, \"") {
				continue
			}
			n++
			next := strings.Join(lines[i+1:min(i+4, len(lines))], "\n")
			if !strings.Contains(next, "c.say(") {
				t.Errorf("%s:%d: a warning without c.say after it", f, i+1)
			}
		}
	}
	if n < 6 {
		t.Errorf("%d warnings found in the sources, want at least 6: has the way they are added changed?", n)
	}
}
