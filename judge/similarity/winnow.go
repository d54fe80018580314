package similarity

import "hash/fnv"

// fingerprint is one selected k-gram hash and the lines its k tokens span.
type fingerprint struct {
	hash     uint64
	pos      int // index of the k-gram's first token
	from, to int // lines
}

// fingerprints winnows the k-gram hashes of toks (Schleimer, Wilkerson, Aiken 2003, as MOSS
// does): in every window of w consecutive hashes the smallest (the rightmost on ties) is kept,
// once. Any run of at least w+k-1 tokens two files share yields at least one shared
// fingerprint; runs shorter than k never do.
func fingerprints(toks []token, k, w int) []fingerprint {
	if len(toks) < k {
		return nil
	}
	ids := make([]uint64, len(toks))
	for i, t := range toks {
		h := fnv.New64a()
		h.Write([]byte(t.text))
		ids[i] = h.Sum64()
	}
	grams := make([]uint64, len(toks)-k+1)
	for i := range grams {
		var h uint64 = 14695981039346656037
		for _, id := range ids[i : i+k] {
			h = (h ^ id) * 1099511628211
		}
		grams[i] = h
	}
	var out []fingerprint
	add := func(i int) {
		out = append(out, fingerprint{hash: grams[i], pos: i, from: toks[i].line, to: toks[i+k-1].line})
	}
	if len(grams) <= w {
		// Shorter than one window: keep its minimum, so a short file still has a fingerprint.
		add(minIndex(grams, 0, len(grams)))
		return out
	}
	last := -1
	for start := 0; start+w <= len(grams); start++ {
		if m := minIndex(grams, start, start+w); m != last {
			add(m)
			last = m
		}
	}
	return out
}

// minIndex is the index of the smallest of h[from:to], the rightmost on ties.
func minIndex(h []uint64, from, to int) int {
	m := from
	for i := from + 1; i < to; i++ {
		if h[i] <= h[m] {
			m = i
		}
	}
	return m
}
