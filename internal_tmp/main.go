package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/bleve/v2"

	"github.com/fahras/fahras/store"
)

func main() {
	gen, _ := store.Current(os.Args[1])
	idx, err := bleve.OpenUsing(os.Args[1]+"/"+gen, map[string]interface{}{"read_only": true})
	if err != nil {
		panic(err)
	}
	adv, _ := idx.Advanced()
	r, _ := adv.Reader()
	for _, f := range []string{"title", "body", "dup", "group", "_id", "date"} {
		d, err := r.FieldDict(f)
		if err != nil {
			continue
		}
		terms := map[string]int{}
		tbytes := map[string]int{}
		posts := map[string]int{}
		locs := map[string]int{}
		for {
			e, _ := d.Next()
			if e == nil {
				break
			}
			kind := "stem"
			if strings.HasPrefix(e.Term, "=") {
				kind = "exact"
			} else if strings.HasPrefix(e.Term, "n:") {
				kind = "key"
			}
			terms[kind]++
			tbytes[kind] += len(e.Term)
			if f != "body" && f != "title" {
				continue
			}
			tfr, _ := r.TermFieldReader(context.Background(), []byte(e.Term), f, true, false, true)
			posts[kind] += int(tfr.Count())
			for {
				tfd, _ := tfr.Next(nil)
				if tfd == nil {
					break
				}
				locs[kind] += len(tfd.Vectors)
			}
			tfr.Close()
		}
		fmt.Println(f, "terms", terms, "termbytes", tbytes, "postings", posts, "locations", locs)
	}
	dr, _ := r.DocIDReaderAll()
	total := 0
	for {
		iid, _ := dr.Next()
		if iid == nil {
			break
		}
		id, _ := r.ExternalID(iid)
		doc, _ := r.Document(id)
		doc.VisitFields(func(f index.Field) {
			if f.Name() == store.FieldRecord {
				total += len(f.Value())
			}
		})
	}
	fmt.Println("records", total)
}
