// Package news reads one Arabic news article the way a reader does: which
// lines are the story and which are the page around it, what the headline
// is, when it was published, which agencies and people it names, and
// whether it is the same story as another article.
//
// It needs no index and no network; the indexer calls it on each article
// before mapping it.
package news
