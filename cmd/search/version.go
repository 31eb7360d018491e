package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/fahras/fahras/store"
)

// versionLine says which version of the module the binary was built from
// (as "go install …@VERSION" records it, with the commit when it was
// built from a clone) and which index format it reads.
func versionLine() string {
	version, module, commit := "(devel)", "github.com/fahras/fahras", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		if bi.Main.Path != "" {
			module = bi.Main.Path
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				commit = ", commit " + s.Value[:12]
			}
		}
	}
	return fmt.Sprintf("search %s, module %s%s, %s; reads index format %d",
		version, module, commit, runtime.Version(), store.FormatVersion)
}
