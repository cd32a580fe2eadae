package report

import (
	"cmp"
	"strings"

	"github.com/orgdesign/orgdesign/benchmarks"
)

// buildContrast words how the peers tell the options apart
// (benchmarks.Contrasts): a table, one row per option, and the notes that
// read it (its reference, the nearest peer every option shares and why,
// the options no country tells apart, the scenario's own country left out).
func buildContrast(cr *CompareReport, c *benchmarks.Contrast, l *Language, names map[string]string) {
	if c == nil {
		return
	}
	name := func(id string) string { return cmp.Or(names[id], strings.ToUpper(id)) }
	peer := func(p benchmarks.Peer) string { return name(p.Country) + " (" + l.Percent(p.Score) + ")" }
	join := func(parts []string) string { return or(strings.Join(parts, l.Label("listSeparator"))) }
	feature := func(field, value string) string {
		return fieldLabel(l, field) + l.Label("colon") + " " + frameValue(l, field, value)
	}
	cr.Peers = Table{Head: []string{l.word("peersOption"), l.word("peersNearest"), l.word("peersNext"), l.word("peersDiffers"),
		l.word("peersNearer"), l.word("peersFarther")}}
	for _, o := range c.Options {
		nearest := "—"
		if o.Nearest != nil {
			nearest = peer(*o.Nearest)
		}
		var next, differs, nearer, farther []string
		for _, p := range o.Next {
			next = append(next, peer(p))
		}
		for _, d := range o.Differs {
			differs = append(differs, feature(d.Field, d.Value)+" ("+l.wordf("peersReference", "{value}", frameValue(l, d.Field, d.Reference))+")")
		}
		if len(differs) == 0 {
			differs = []string{l.word("peersNone")}
		}
		for _, id := range o.Nearer {
			nearer = append(nearer, name(id))
		}
		for _, id := range o.Farther {
			farther = append(farther, name(id))
		}
		cr.Peers.Rows = append(cr.Peers.Rows, []string{o.Scenario, nearest, join(next), join(differs), join(nearer), join(farther)})
	}
	if c.Baseline != "" {
		cr.PeersNotes = append(cr.PeersNotes, l.wordf("peersAgainstBaseline", "{baseline}", c.Baseline))
	} else {
		cr.PeersNotes = append(cr.PeersNotes, l.word("peersAgainstOthers"))
	}
	if c.Same != "" {
		var shared []string
		for _, f := range c.Shared {
			field, value := benchmarks.Field(f)
			shared = append(shared, feature(field, value))
		}
		if len(shared) > 0 {
			cr.PeersNotes = append(cr.PeersNotes, l.wordf("peersSame", "{country}", name(c.Same), "{features}", strings.Join(shared, l.Label("listSeparator"))))
		} else {
			cr.PeersNotes = append(cr.PeersNotes, l.wordf("peersSameNothing", "{country}", name(c.Same)))
		}
	}
	for _, group := range c.Alike {
		cr.PeersNotes = append(cr.PeersNotes, l.wordf("peersAlike", "{options}", strings.Join(group, ", ")))
	}
	if c.Own != "" {
		cr.PeersNotes = append(cr.PeersNotes, l.wordf("peersOwn", "{country}", name(c.Own)))
	}
}
