package arabic

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// versionFingerprint is the fingerprint of the analysis of the seed
// articles under Version (see TestVersionFingerprint).
const versionFingerprint = "4:819b59f6237dd5ce"

// A change of rule that changes what the analysis makes of the seed
// articles must come with a new Version, so that an index analysed the
// old way is rebuilt rather than updated with articles cut the new way.
// When this test fails, raise Version and put the fingerprint it prints
// in versionFingerprint.
func TestVersionFingerprint(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "data", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("seed articles: %v", err)
	}
	h := sha256.New()
	var a Analyzer
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range a.Analyze(string(b)) {
			fmt.Fprintf(h, "%d %d %d %s %s %s %s %s\n", tok.Pos, tok.Start, tok.End, tok.Exact, tok.Free, tok.Stem, tok.Key, tok.PairKey)
		}
	}
	got := fmt.Sprintf("%d:%x", Version, h.Sum(nil)[:8])
	if got != versionFingerprint {
		t.Errorf("the analysis of the seed articles is %s, recorded %s: if a rule changed, raise Version and record the new fingerprint", got, versionFingerprint)
	}
}
