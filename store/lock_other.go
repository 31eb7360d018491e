//go:build !unix

package store

// lockDir is a no-op where flock is not available: concurrent builds of
// one index directory are then the user's to avoid.
func lockDir(dir string) (unlock func(), err error) {
	return func() {}, nil
}
