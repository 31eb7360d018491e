package news

// PersonNames returns every spelling of every person's name that the
// gazetteer knows, as written there (canonical names included), for
// programs that need to tell names from ordinary words.
func PersonNames() []string {
	var out []string
	for _, e := range peopleList {
		out = append(out, e.canonical)
		for _, v := range e.variants {
			if len(v) > 2 && v[:2] == "()" {
				v = v[2:]
			}
			out = append(out, v)
		}
	}
	return out
}
