// Command orgdesign designs and governs public agencies from YAML scenarios.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
