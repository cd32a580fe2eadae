package chart

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// ErrNoRasteriser says that no system tool to draw PNG was found.
var ErrNoRasteriser = errors.New("PNG needs a system rasteriser: install librsvg2-bin (apt-get install librsvg2-bin; rsvg-convert) or Graphviz (apt-get install graphviz; dot)")

// Rasteriser draws PNG with a system tool: rsvg-convert from the SVG when
// installed, else Graphviz's dot from the DOT text. go-graphviz's own PNG
// drops outlines and edges (shared/reference/libraries.md), so it is not used.
type Rasteriser struct {
	Path string // the tool's path
	svg  bool   // it reads SVG (rsvg-convert) rather than DOT (dot)
}

// FindRasteriser looks the tools up on PATH; ErrNoRasteriser when neither is there.
func FindRasteriser() (*Rasteriser, error) {
	if p, err := exec.LookPath("rsvg-convert"); err == nil {
		return &Rasteriser{Path: p, svg: true}, nil
	}
	if p, err := exec.LookPath("dot"); err == nil {
		return &Rasteriser{Path: p}, nil
	}
	return nil, ErrNoRasteriser
}

// NeedsSVG reports whether PNG is drawn from the SVG (else from the DOT).
func (r *Rasteriser) NeedsSVG() bool { return r.svg }

// PNG draws a chart: from svg with rsvg-convert, from dot with Graphviz.
func (r *Rasteriser) PNG(svg, dot []byte) ([]byte, error) {
	var cmd *exec.Cmd
	if r.svg {
		cmd = exec.Command(r.Path, "--format", "png", "--background-color", "white")
		cmd.Stdin = bytes.NewReader(svg)
	} else {
		cmd = exec.Command(r.Path, "-Tpng")
		cmd.Stdin = bytes.NewReader(dot)
	}
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %v: %s", r.Path, err, strings.TrimSpace(stderr.String()))
	}
	return out.Bytes(), nil
}
