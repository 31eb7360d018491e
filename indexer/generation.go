package indexer

import "path/filepath"

// CurrentGeneration returns the name of the generation of the index in
// dir that opens now: the one its CURRENT file names. A build or an
// update changes it when it finishes, so a server that reads it now and
// then notices a new index and can switch to it. The error is the one
// opening the index would give: no such directory, not an index, or a
// damaged CURRENT file.
func CurrentGeneration(dir string) (string, error) {
	path, err := current(dir)
	if err != nil {
		return "", err
	}
	return filepath.Base(path), nil
}
