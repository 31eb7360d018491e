// Package rusage reads what the process has used so far, CPU time and
// peak memory, for the benchmarks and the bench command to report what
// the work itself costs on a busy machine. Where the system does not
// say, both are zero.
package rusage
