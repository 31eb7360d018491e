package main

import (
	"io"
	"os"
	"runtime/debug"
)

// defaultMemoryMB is the memory a build aims to stay under unless told
// otherwise.
const defaultMemoryMB = 400

// memoryFlag is the --memory option of the commands that build an index.
type memoryFlag struct{ mb int }

// add declares the option on a command.
func (m *memoryFlag) add(c *command) {
	c.Int(&m.mb, "memory", defaultMemoryMB, "aim to keep the Go heap under `MB` megabytes while indexing: "+
		"a soft limit, near which memory is reclaimed more often (GOMEMLIMIT, when set, takes its place; 0 for no limit)")
}

// check says whether the value is usable.
func (m *memoryFlag) check(c *command) error {
	if m.mb < 0 || m.mb > 1<<20 {
		return c.usagef("--memory must be between 0 and %d megabytes", 1<<20)
	}
	return nil
}

// apply sets the process's soft memory limit, unless GOMEMLIMIT is set.
func (m *memoryFlag) apply() {
	if os.Getenv("GOMEMLIMIT") != "" || m.mb == 0 {
		return
	}
	debug.SetMemoryLimit(int64(m.mb) << 20)
}

// resourceFlags are the options of the commands that build an index
// about what the build may use and what it records of it: --memory,
// --cpuprofile and --memprofile.
type resourceFlags struct {
	prof profileFlags
	mem  memoryFlag
}

// add declares the options on a command.
func (r *resourceFlags) add(c *command) {
	r.prof.add(c)
	r.mem.add(c)
}

// parse parses the command's arguments, sets the memory limit and starts
// the profiles; stop writes them.
func (r *resourceFlags) parse(c *command, args []string, stdout io.Writer) (stop func(), err error) {
	if err := c.parse(args, stdout); err != nil {
		return nil, err
	}
	if err := r.mem.check(c); err != nil {
		return nil, err
	}
	r.mem.apply()
	if stop, err = r.prof.start(); err != nil {
		return nil, c.usagef("%v", err)
	}
	return stop, nil
}
