package chart

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// The only file that calls go-graphviz. Its WebAssembly instance is one per
// process and not safe for concurrent use (shared/reference/libraries.md):
// every call goes through mu, and the Graphviz context is created once.
// What renderSVG draws is cached under the renderer named in cache.go:
// whatever changes its output (engine, format, options) must change that name.
var (
	mu sync.Mutex
	gv *graphviz.Graphviz
)

// renderSVG lays DOT text out with Graphviz's dot engine and returns the SVG.
func renderSVG(dot []byte) ([]byte, error) {
	mu.Lock()
	defer mu.Unlock()
	ctx := context.Background()
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("starting Graphviz: %w", err)
		}
		gv = g
	}
	graph, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("parsing DOT: %w", err)
	}
	defer graph.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, graph, graphviz.SVG, &buf); err != nil {
		return nil, fmt.Errorf("rendering SVG: %w", err)
	}
	return buf.Bytes(), nil
}
