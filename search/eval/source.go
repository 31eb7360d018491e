package eval

import (
	"context"
	"fmt"

	"github.com/fahras/fahras/indexer"
	"github.com/fahras/fahras/search"
)

// DocSource opens a fresh reader of a test collection's documents; it is
// called once for each engine built on them.
type DocSource func() (indexer.Reader, error)

// ArticleSource serves articles held in memory, such as those ReadDocs
// returns.
func ArticleSource(docs []indexer.Article) DocSource {
	return func() (indexer.Reader, error) {
		arts := make([]*indexer.Article, len(docs))
		for i := range docs {
			arts[i] = &docs[i]
		}
		return indexer.ArticlesReader(arts), nil
	}
}

// CorpusSource reads articles from files and directories the way
// "search index" reads them (.txt files, JSON Lines files, either of them
// gzip-compressed, and directories of them), so that each article's
// headline, clean body, date and source are what is indexed.
func CorpusSource(paths ...string) DocSource {
	return func() (indexer.Reader, error) {
		return indexer.OpenPaths(paths, indexer.ReadOptions{})
	}
}

// Build indexes the documents of src in memory the way c says and opens
// them; the summary tells how many articles were indexed and how many
// records were skipped.
func Build(ctx context.Context, src DocSource, c Config) (*search.Engine, *indexer.Summary, error) {
	opts, eopts, err := c.options()
	if err != nil {
		return nil, nil, err
	}
	r, err := src()
	if err != nil {
		return nil, nil, fmt.Errorf("reading the documents: %w", err)
	}
	defer r.Close()
	idx, sum, err := indexer.BuildMemory(ctx, r, opts)
	if err != nil {
		return nil, nil, err
	}
	return search.NewEngine(idx).WithOptions(eopts), sum, nil
}
