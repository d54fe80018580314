package check

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// Sizes run from 1 MB to 8 MB (the default output limit): MB/s that stays flat across them shows
// linear time.
var benchSizes = []int{1 << 20, 2 << 20, 4 << 20, 8 << 20}

// tokenOutput is n bytes of lines of tokens, about 8 bytes per token (10^6 tokens at 8 MB).
func tokenOutput(n int, kind string) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	var b bytes.Buffer
	for b.Len() < n {
		for i := 0; i < 10; i++ {
			switch kind {
			case "floats":
				b.WriteString(strconv.FormatFloat(r.Float64()*1000, 'f', 3, 64))
			case "words":
				b.WriteString("w" + strconv.Itoa(r.IntN(1_000_000)))
			default:
				b.WriteString(strconv.Itoa(r.IntN(10_000_000)))
			}
			b.WriteByte(' ')
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func BenchmarkTokens8MB(b *testing.B) {
	// Each change makes the output differ from the answer without making it wrong, so that
	// the scan (and folding, float parsing) is measured rather than the identical-bytes shortcut.
	spaceBeforeNewline := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte(" \n")) }
	cases := []struct {
		name   string
		kind   string
		flags  Flags
		change func([]byte) []byte
	}{
		{name: "identical", flags: Flags{}, change: bytes.Clone},
		{name: "default", flags: Flags{}, change: spaceBeforeNewline},
		{name: "case_sensitive", flags: Flags{CaseSensitive: true}, change: spaceBeforeNewline},
		{name: "case_folded", kind: "words", change: bytes.ToUpper},
		{name: "space_change_sensitive", kind: "words", flags: Flags{SpaceChangeSensitive: true}, change: bytes.ToUpper},
		{name: "floats_differ", kind: "floats", flags: Flags{AbsTol: 1e-2, RelTol: 1e-2, HasFloatTol: true},
			change: func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(" "), []byte("1 ")) }},
		// Every token exactly at the tolerance: each one takes the exact decimal path.
		{name: "floats_at_bound", kind: "floats", flags: Flags{AbsTol: 1e-3, HasFloatTol: true},
			change: func(b []byte) []byte { return addLastDigit(b) }},
	}
	for _, c := range cases {
		for _, n := range benchSizes {
			want := tokenOutput(n, c.kind)
			got := c.change(bytes.Clone(want))
			b.Run(fmt.Sprintf("%s/%dMB", c.name, n>>20), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(got)))
				for b.Loop() {
					if r := Tokens(want, got, c.flags); !r.OK {
						b.Fatal(r.Message)
					}
				}
			})
		}
	}
}

// addLastDigit adds 1 to the last digit of each "ddd.ddd" token whose last digit is below 9
// (so 0.001 more: exactly the tolerance of floats_at_bound).
func addLastDigit(b []byte) []byte {
	for i := 1; i < len(b); i++ {
		if (b[i] == ' ' || b[i] == '\n') && b[i-1] >= '0' && b[i-1] < '9' {
			b[i-1]++
		}
	}
	return b
}

// jsonArray is a JSON list of about n bytes: ints, floats or [int, "str"] pairs.
func jsonArray(n int, item func(r *rand.Rand, i int) string) []byte {
	r := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	b.WriteByte('[')
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(item(r, i))
	}
	b.WriteByte(']')
	return b.Bytes()
}

var jsonItems = []struct {
	name string
	item func(r *rand.Rand, i int) string
}{
	{"ints", func(r *rand.Rand, i int) string { return strconv.Itoa(r.IntN(1_000_000)) }},
	{"floats", func(r *rand.Rand, i int) string { return strconv.FormatFloat(r.Float64(), 'g', -1, 64) }},
	{"pairs", func(r *rand.Rand, i int) string { return fmt.Sprintf(`[%d, "k%d"]`, r.IntN(1000), i) }},
}

func BenchmarkJSONLargeArray(b *testing.B) {
	for _, it := range jsonItems {
		for _, n := range benchSizes {
			want := jsonArray(n, it.item)
			got := bytes.Clone(want)
			b.Run(fmt.Sprintf("%s/%dMB", it.name, n>>20), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(got)))
				for b.Loop() {
					r, err := JSON(want, got, Flags{})
					if err != nil || !r.OK {
						b.Fatal(err, r.Message)
					}
				}
			})
		}
	}
}

func BenchmarkJSONUnordered(b *testing.B) {
	for _, it := range jsonItems {
		for _, n := range benchSizes {
			want := jsonArray(n, it.item)
			got := shuffled(want)
			b.Run(fmt.Sprintf("%s/%dMB", it.name, n>>20), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(got)))
				for b.Loop() {
					r, err := JSON(want, got, Flags{Unordered: true})
					if err != nil || !r.OK {
						b.Fatal(err, r.Message)
					}
				}
			})
		}
	}
}

// shuffled returns the top-level list with its items in another order.
func shuffled(list []byte) []byte {
	d, err := parseJSON(list)
	if err != nil {
		panic(err)
	}
	var items []uint32
	for i := uint32(1); i < d.nodes[0].next; i = d.nodes[i].next {
		items = append(items, i)
	}
	rand.New(rand.NewPCG(5, 6)).Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
	var b bytes.Buffer
	b.WriteByte('[')
	for k, i := range items {
		if k > 0 {
			b.WriteByte(',')
		}
		n := d.nodes[i]
		if n.kind == kindString {
			b.WriteString(strconv.Quote(d.text(i)))
		} else {
			b.WriteString(d.src[n.start:n.end])
		}
	}
	b.WriteByte(']')
	return b.Bytes()
}
