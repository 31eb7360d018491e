package store

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// ErrNoSpace reports that the disk filled while an index was written.
var ErrNoSpace = errors.New("no space left on device")

// noSpaceError is ErrNoSpace naming the index directory, in the words a
// user reads: "no space left on device writing DIR".
type noSpaceError struct{ dir string }

func (e noSpaceError) Error() string        { return "no space left on device writing " + e.dir }
func (e noSpaceError) Is(target error) bool { return target == ErrNoSpace }

// isNoSpace tells whether err comes from a full disk or quota.
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, ErrNoSpace) ||
		err != nil && strings.Contains(err.Error(), "no space left on device")
}

// asyncErrorCallback is the name of the callback through which bleve
// reports the errors of its background work (persisting and merging
// segments), which it otherwise retries for ever: a writer waiting for its
// generation to reach the disk hears of a full disk at once.
const asyncErrorCallback = "fahras-store"

// watched maps the path of each generation being written to the channel
// its writer reads bleve's background errors from.
var watched sync.Map

// watchErrors routes the background errors of the index at path (which
// bleve reports under its store directory) to ch.
func watchErrors(path string, ch chan error) {
	if path != "" {
		watched.Store(filepath.Join(path, "store"), ch)
	}
}

func unwatchErrors(path string) {
	if path != "" {
		watched.Delete(filepath.Join(path, "store"))
	}
}

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncErrorCallback] = func(err error, path string) {
		v, ok := watched.Load(filepath.Clean(path))
		if !ok {
			return
		}
		select {
		case v.(chan error) <- err:
		default: // one error is enough to stop the writer
		}
	}
}
