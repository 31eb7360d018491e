package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"
)

// command is one command of the binary: what it is for, how it is
// called, and its options, each declared with its usage.
type command struct {
	name     string   // "index"; "" for the search itself
	synopsis []string // how it is called, one form a line
	about    string   // what it does, a paragraph or two
	fs       *flag.FlagSet
	options  [][]string // each option's names, in the order declared
	// header and footer, when set, come before and after the usage.
	header, footer string
}

// newCommand starts a command's flag set. The flag package reports
// errors to us instead of printing them.
func newCommand(name, about string, synopsis ...string) *command {
	fs := flag.NewFlagSet("search "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &command{name: name, synopsis: synopsis, about: about, fs: fs}
}

// declare gives the option already defined under names[0] its other
// names, and records it for the usage.
func (c *command) declare(names []string) {
	f := c.fs.Lookup(names[0])
	for _, n := range names[1:] {
		c.fs.Var(f.Value, n, f.Usage)
	}
	c.options = append(c.options, names)
}

// String declares a text option under names (comma-separated, the first
// shown first). A `WORD` in usage names its value.
func (c *command) String(p *string, names, def, usage string) {
	ns := strings.Split(names, ",")
	c.fs.StringVar(p, ns[0], def, usage)
	c.declare(ns)
}

// Int declares a whole-number option.
func (c *command) Int(p *int, names string, def int, usage string) {
	ns := strings.Split(names, ",")
	c.fs.IntVar(p, ns[0], def, usage)
	c.declare(ns)
}

// Duration declares a duration option, written 2s, 500ms or 1m.
func (c *command) Duration(p *time.Duration, names string, def time.Duration, usage string) {
	ns := strings.Split(names, ",")
	c.fs.DurationVar(p, ns[0], def, usage)
	c.declare(ns)
}

// Bool declares a switch.
func (c *command) Bool(p *bool, names, usage string) {
	ns := strings.Split(names, ",")
	c.fs.BoolVar(p, ns[0], false, usage)
	c.declare(ns)
}

// Var declares an option of any kind.
func (c *command) Var(v flag.Value, names, usage string) {
	ns := strings.Split(names, ",")
	c.fs.Var(v, ns[0], usage)
	c.declare(ns)
}

// errHelp ends a command that printed its help: exit code 0.
var errHelp = errors.New("help shown")

// usageError is a mistake on the command line or in a query: exit code
// 2, with a pointer to the help of the command it was made in.
type usageError struct{ msg, cmd string }

func (e usageError) Error() string { return e.msg }

// usagef makes a usage error of the search command.
func usagef(format string, args ...any) error {
	return usageError{msg: fmt.Sprintf(format, args...)}
}

// usagef makes a usage error of this command.
func (c *command) usagef(format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if c.name != "" {
		msg = c.name + ": " + msg
	}
	return usageError{msg: msg, cmd: c.name}
}

// parse parses args, options and other arguments in any order (all
// after "--" are arguments), printing the usage to stdout for -h and
// turning other mistakes into usage errors. The other arguments are left
// in c.fs.Args().
func (c *command) parse(args []string, stdout io.Writer) error {
	var rest []string
	for {
		err := c.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.usage(stdout)
			return errHelp
		}
		if err != nil {
			return c.usagef("%v", err)
		}
		left := c.fs.Args()
		if len(left) == 0 {
			break
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			rest = append(rest, left...)
			break
		}
		rest = append(rest, left[0])
		args = left[1:]
	}
	return c.fs.Parse(append([]string{"--"}, rest...))
}

// usage writes how the command is called, what it does, and its
// options.
func (c *command) usage(w io.Writer) {
	if c.header != "" {
		fmt.Fprint(w, c.header)
	} else {
		fmt.Fprintln(w, "Usage:")
	}
	for _, s := range c.synopsis {
		fmt.Fprintln(w, "  "+s)
	}
	if c.about != "" {
		fmt.Fprintln(w)
		fmt.Fprintln(w, wrap(c.about, "", 76))
	}
	if len(c.options) > 0 {
		fmt.Fprintln(w, "\nOptions:")
		c.printOptions(w)
	}
	fmt.Fprint(w, c.footer)
}

// printOptions writes each option with its names, its value's name,
// its usage and its default.
func (c *command) printOptions(w io.Writer) {
	const col = 24 // where the usage starts
	for _, names := range c.options {
		f := c.fs.Lookup(names[0])
		value, usage := flag.UnquoteUsage(f)
		var forms []string
		for _, n := range names {
			if len(n) == 1 {
				forms = append(forms, "-"+n)
			} else {
				forms = append(forms, "--"+n)
			}
		}
		head := "  " + strings.Join(forms, ", ")
		if value != "" {
			head += " " + value
		}
		switch f.DefValue {
		case "", "0", "0s", "false", "[]":
		default:
			usage += " (default\x00" + f.DefValue + ")" // kept on one line
		}
		if len(head) >= col-1 {
			fmt.Fprintln(w, head)
			head = ""
		}
		usage = wrap(usage, strings.Repeat(" ", col), 76-col)
		fmt.Fprintln(w, head+strings.Repeat(" ", col-len(head))+strings.ReplaceAll(usage, "\x00", " "))
	}
}

// wrap breaks text into lines of at most width characters, indenting
// all but the first; blank lines in text start new paragraphs.
func wrap(text, indent string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n\n") {
		if i > 0 {
			b.WriteString("\n\n" + indent)
		}
		n := 0
		for j, word := range strings.Fields(para) {
			l := len([]rune(word))
			if j > 0 && n+1+l > width {
				b.WriteString("\n" + indent)
				n = 0
			} else if j > 0 {
				b.WriteByte(' ')
				n++
			}
			b.WriteString(word)
			n += l
		}
	}
	return b.String()
}
