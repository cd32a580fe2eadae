package chart

// look is how a kind of box is drawn.
type look struct {
	fill, fontColor, shape, style string
	peripheries                   string // "2" draws a double outline
}

func (l look) attrs() []attr {
	as := []attr{at("fillcolor", l.fill), at("shape", l.shape), at("style", l.style)}
	if l.fontColor != "" {
		as = append(as, at("fontcolor", l.fontColor))
	}
	if l.peripheries != "" {
		as = append(as, at("peripheries", l.peripheries))
	}
	return as
}

// unitLooks: the executive darkest, central units in blues getting lighter
// down the hierarchy, territorial units in greens.
var unitLooks = map[string]look{
	"executive":   {fill: "#1f4e79", fontColor: "white", shape: "box", style: "filled,bold", peripheries: "2"},
	"directorate": {fill: "#2e75b6", fontColor: "white", shape: "box", style: "filled"},
	"department":  {fill: "#9dc3e6", shape: "box", style: "filled"},
	"division":    {fill: "#bdd7ee", shape: "box", style: "filled,rounded"},
	"service":     {fill: "#deebf7", shape: "box", style: "filled,rounded"},
	"delegation":  {fill: "#a9d18e", shape: "box", style: "filled"},
	"office":      {fill: "#e2f0d9", shape: "box", style: "filled,rounded"},
}

func unitLook(kind string) look {
	if l, ok := unitLooks[kind]; ok {
		return l
	}
	return look{fill: "white", shape: "box", style: "filled"}
}

// bodyLooks: boards and committees in yellows.
var bodyLooks = map[string]look{
	"board":     {fill: "#ffd966", shape: "box", style: "filled,rounded,bold", peripheries: "2"},
	"committee": {fill: "#fff2cc", shape: "box", style: "filled,rounded"},
	"council":   {fill: "#fff2cc", shape: "box", style: "filled,rounded,dashed"},
}

func bodyLook(kind string) look {
	if l, ok := bodyLooks[kind]; ok {
		return l
	}
	return look{fill: "#fff2cc", shape: "box", style: "filled,rounded"}
}

// channelLook is a channel's service point; the agency's own box is agencyLook.
var (
	channelLook = look{fill: "#fbe5d6", shape: "box", style: "filled,rounded,dashed"}
	agencyLook  = look{fill: "#1f4e79", fontColor: "white", shape: "box", style: "filled,bold", peripheries: "2"}
	regionLook  = look{fill: "#f2f2f2", shape: "box", style: "filled"}
	systemLook  = look{fill: "#ededed", shape: "box", style: "filled,rounded"}
)

// actorFills colour actors by kind.
var actorFills = map[string]string{
	"ministry":        "#d9e1f2",
	"government":      "#b4c6e7",
	"agency":          "#ddebf7",
	"operator":        "#fce4d6",
	"local-authority": "#e2efda",
	"social-security": "#e4dfec",
	"civil-society":   "#fff2cc",
	"international":   "#d0cece",
	"private":         "#f8cbad",
	"oversight":       "#f4b084",
}

// line is how a kind of edge is drawn.
type line struct {
	color, style, penwidth, arrowhead string
}

func (l line) attrs() []attr {
	as := []attr{at("color", l.color), at("fontcolor", l.color), at("style", l.style)}
	if l.penwidth != "" {
		as = append(as, at("penwidth", l.penwidth))
	}
	if l.arrowhead != "" {
		as = append(as, at("arrowhead", l.arrowhead))
	}
	return as
}

// sample draws the line in a legend cell.
func (l line) sample() string {
	s := "────"
	switch l.style {
	case "dashed":
		s = "╌╌╌╌"
	case "dotted":
		s = "┈┈┈┈"
	}
	switch l.arrowhead {
	case "none":
	case "odot":
		s += "○"
	default:
		s += "▶"
	}
	if l.penwidth != "" {
		s = bold(s)
	}
	return colored(l.color, s)
}

var (
	reportsLine    = line{color: "#404040", style: "solid", arrowhead: "none"}
	functionalLine = line{color: "#7f7f7f", style: "dotted", arrowhead: "open"}
)

// relationLines style the ecosystem's relations by kind.
var relationLines = map[string]line{
	"supervision":  {color: "#c00000", style: "solid", penwidth: "2"},
	"funding":      {color: "#548235", style: "solid", penwidth: "2"},
	"data":         {color: "#2e75b6", style: "dashed"},
	"service":      {color: "#7f6000", style: "solid"},
	"payment":      {color: "#bf9000", style: "solid", penwidth: "2"},
	"agreement":    {color: "#7030a0", style: "dashed"},
	"coordination": {color: "#7f7f7f", style: "dashed", arrowhead: "none"},
	"oversight":    {color: "#c55a11", style: "dotted", penwidth: "2"},
	"membership":   {color: "#404040", style: "dotted", arrowhead: "odot"},
}

// modeLines style interfaces by mode; personal data without a signed
// agreement or a legal basis is drawn with issueLine's colour and width.
var modeLines = map[string]line{
	"manual": {color: "#7f6000", style: "dashed"},
	"file":   {color: "#7f7f7f", style: "dotted"},
	"batch":  {color: "#2e75b6", style: "dashed"},
	"api":    {color: "#2e75b6", style: "solid"},
	"event":  {color: "#548235", style: "solid", penwidth: "2"},
	"":       {color: "#a6a6a6", style: "solid"},
}

const issueColor = "#c00000"

// RACI cell colours.
var raciFills = map[string]string{"A": "#1f4e79", "R": "#5b9bd5", "C": "#bdd7ee", "I": "#deebf7"}

const (
	gapFill     = "#ff7c80"
	overlapFill = "#f4b183"
)
