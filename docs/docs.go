// Package docs holds the documentation shipped inside the binary: the
// methods behind every figure of the pack (`orgdesign help methods`).
package docs

import _ "embed"

// Methods is docs/methods.md: how each figure of the pack is computed, in a
// consultant's words.
//
//go:embed methods.md
var Methods string
