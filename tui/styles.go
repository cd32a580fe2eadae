package tui

import (
	"charm.land/lipgloss/v2"

	"github.com/orgdesign/orgdesign/model"
	"github.com/orgdesign/orgdesign/risk"
)

// styles are the editor's looks. Without colour (NO_COLOR), emphasis is
// carried by bold, reverse video and underline only, so nothing is lost:
// the levels and severities are also written out.
type styles struct {
	title, tabOn, tabOff, selected, selectedDim, header, dim, inherited,
	err, warn, ok, key, modified, box, paneOn, plain lipgloss.Style
	// by risk level, low to critical, and by diagnostic severity
	levels [5]lipgloss.Style
	info   lipgloss.Style
}

func newStyles(noColor bool) styles {
	s := lipgloss.NewStyle
	if noColor {
		return styles{
			title:       s().Bold(true),
			tabOn:       s().Bold(true).Reverse(true),
			tabOff:      s(),
			selected:    s().Reverse(true),
			selectedDim: s().Underline(true),
			header:      s().Bold(true),
			dim:         s(),
			inherited:   s().Italic(true),
			err:         s().Bold(true),
			warn:        s(),
			ok:          s(),
			key:         s().Bold(true),
			modified:    s().Bold(true),
			box:         s().Border(lipgloss.NormalBorder()).Padding(0, 1),
			paneOn:      s().Bold(true).Underline(true),
			levels:      [5]lipgloss.Style{s(), s(), s(), s().Bold(true), s().Bold(true)},
			info:        s(),
		}
	}
	return styles{
		title:       s().Bold(true).Foreground(lipgloss.Color("12")),
		tabOn:       s().Bold(true).Reverse(true),
		tabOff:      s().Foreground(lipgloss.Color("245")),
		selected:    s().Reverse(true),
		selectedDim: s().Underline(true).Bold(true),
		header:      s().Bold(true).Foreground(lipgloss.Color("12")),
		dim:         s().Foreground(lipgloss.Color("245")),
		inherited:   s().Italic(true).Foreground(lipgloss.Color("245")),
		err:         s().Bold(true).Foreground(lipgloss.Color("9")),
		warn:        s().Foreground(lipgloss.Color("11")),
		ok:          s().Foreground(lipgloss.Color("10")),
		key:         s().Bold(true).Foreground(lipgloss.Color("14")),
		modified:    s().Bold(true).Foreground(lipgloss.Color("11")),
		box:         s().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("12")).Padding(0, 1),
		paneOn:      s().Bold(true).Foreground(lipgloss.Color("12")).Underline(true),
		// the colours of a heat map: green, yellow, orange, red
		levels: [5]lipgloss.Style{s(), s().Foreground(lipgloss.Color("10")), s().Foreground(lipgloss.Color("11")),
			s().Bold(true).Foreground(lipgloss.Color("208")), s().Bold(true).Foreground(lipgloss.Color("9"))},
		info: s().Foreground(lipgloss.Color("245")),
	}
}

// level is the style of a risk level.
func (st styles) level(l risk.Level) lipgloss.Style {
	if l < risk.Low || l > risk.Critical {
		return st.plain
	}
	return st.levels[l]
}

// severity is the style of a diagnostic's severity.
func (st styles) severity(s model.Severity) lipgloss.Style {
	switch s {
	case model.Error:
		return st.err
	case model.Warning:
		return st.warn
	}
	return st.info
}
