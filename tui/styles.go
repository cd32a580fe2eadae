package tui

import (
	"charm.land/lipgloss/v2"
)

// styles are the editor's looks. Without colour (NO_COLOR), emphasis is
// carried by bold, reverse video and underline only, so nothing is lost.
type styles struct {
	title, tabOn, tabOff, selected, selectedDim, header, dim, inherited,
	err, warn, ok, key, modified, box lipgloss.Style
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
	}
}
