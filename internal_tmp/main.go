package main

import (
	"fmt"
	"os"

	"github.com/fahras/fahras/store"
)

func main() {
	ix, err := store.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	adv, _ := ix.Advanced()
	r, _ := adv.Reader()
	dvr, _ := r.DocValueReader([]string{store.FieldGroup})
	dr, _ := r.DocIDReaderAll()
	multi, none, n := 0, 0, 0
	for n < 30000 {
		iid, _ := dr.Next()
		if iid == nil {
			break
		}
		n++
		var terms []string
		dvr.VisitDocValues(iid, func(f string, t []byte) { terms = append(terms, f+"="+string(t)) })
		if len(terms) > 1 {
			multi++
			if multi < 4 {
				id, _ := r.ExternalID(iid)
				fmt.Println(id, terms)
			}
		}
		if len(terms) == 0 {
			none++
		}
	}
	fmt.Println(n, "multi", multi, "none", none)
}
