package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileFlags are the --cpuprofile and --memprofile options of the
// commands that do heavy work (index, bench, eval).
type profileFlags struct{ cpu, mem string }

// add declares the options on a command.
func (p *profileFlags) add(c *command) {
	c.String(&p.cpu, "cpuprofile", "", "write a CPU profile of the command to `FILE` (read it with go tool pprof)")
	c.String(&p.mem, "memprofile", "", "write an allocation profile of the command to `FILE` when it ends")
}

// start begins CPU profiling if asked; the function it returns stops it
// and writes the allocation profile.
func (p *profileFlags) start() (stop func(), err error) {
	var cpu *os.File
	if p.cpu != "" {
		if cpu, err = os.Create(p.cpu); err != nil {
			return nil, fmt.Errorf("CPU profile: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("CPU profile: %w", err)
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if p.mem != "" {
			if f, err := os.Create(p.mem); err == nil {
				runtime.GC()
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
	}, nil
}
