// Package data holds the articles that ship inside the Fahras binary: five
// Arabic news reports (2023–2025) on Russian–Chinese diplomacy. A new user
// searches them with no setup; an article's ID is its file name without
// ".txt".
package data

import "embed"

// Articles is the embedded seed corpus: one UTF-8 text file per article.
//
//go:embed *.txt
var Articles embed.FS
