package check

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// doc is a parsed JSON document stored flat (one 24-byte node per value, in document order)
// rather than as a tree of interface values: an 8 MB list of small ints is 4 million values, and
// the flat form keeps that within a small constant of the output size.
type doc struct {
	src   string
	arena string   // decoded text of strings that had escapes
	nodes []node   // nodes[0] is the root
	keys  []uint32 // per object, its key nodes sorted by key (node.aux says where)
}

type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindInt
	kindFloat
	kindString
	kindArray
	kindObject
)

// pythonName is what the candidate's code sees, for messages.
var pythonName = [...]string{"None", "bool", "int", "float", "str", "list", "dict"}

type node struct {
	kind    kind
	truth   bool   // bools
	inArena bool   // strings: the text is arena[start:end], else src[start:end]
	start   uint32 // numbers, literals, containers: the source span; strings: the decoded text
	end     uint32
	next    uint32 // index of the first node after this value's subtree
	// numbers: math.Float64bits of the value (±Inf when out of float64 range);
	// containers: element count (low 32 bits) and, for objects, offset in doc.keys (high 32).
	aux uint64
}

func (n node) count() int { return int(uint32(n.aux)) }

func (n node) float() float64 { return math.Float64frombits(n.aux) }

// maxDepth bounds nesting, as encoding/json does; Python's json.dumps stops far earlier.
const maxDepth = 10000

// parseJSON parses one RFC 8259 JSON value surrounded by optional white space. Strings are
// compared by code points: escapes are decoded, and a lone surrogate (which Python's json.dumps
// writes for such strs) is kept distinct, encoded as WTF-8, instead of becoming U+FFFD.
func parseJSON(b []byte) (*doc, error) {
	if len(b) >= math.MaxUint32 {
		return nil, errors.New("too large")
	}
	p := parser{d: &doc{src: string(b), nodes: make([]node, 0, estimateNodes(b))}}
	p.skipSpace()
	if p.pos == len(p.d.src) {
		return nil, errors.New("empty")
	}
	if err := p.value(0); err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos != len(p.d.src) {
		return nil, p.errorf("unexpected %s after the value", p.what())
	}
	p.d.arena = string(p.arena)
	if err := p.d.sortKeys(p.objects); err != nil {
		return nil, err
	}
	return p.d, nil
}

// sortKeys sorts each object's keys, which the comparisons walk in step, and rejects duplicate
// keys: Python's dicts cannot return them, and which one counts would be a guess.
func (d *doc) sortKeys(objects []uint32) error {
	for _, i := range objects {
		keys := d.sortedKeys(i)
		slices.SortFunc(keys, func(a, b uint32) int { return strings.Compare(d.text(a), d.text(b)) })
		for k := 1; k < len(keys); k++ {
			if d.text(keys[k-1]) == d.text(keys[k]) {
				return fmt.Errorf("at byte %d: duplicate key %s in a dict", d.nodes[i].start, quote(d.text(keys[k])))
			}
		}
	}
	return nil
}

// estimateNodes is an upper bound on the values in b unless strings hold many of , : [ {,
// capped so that such strings cannot make it allocate more than growing would.
func estimateNodes(b []byte) int {
	n := 1 + bytes.Count(b, []byte(",")) + bytes.Count(b, []byte(":")) + bytes.Count(b, []byte("[")) + bytes.Count(b, []byte("{"))
	return min(n, len(b)/4+1)
}

type parser struct {
	d       *doc
	pos     int
	arena   []byte
	scratch []uint32 // key nodes of the objects being parsed
	objects []uint32 // all objects, to sort their keys once the arena is final
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("at byte %d: %s", p.pos, fmt.Sprintf(format, args...))
}

func (p *parser) what() string {
	if p.pos >= len(p.d.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.d.src[p.pos:])
	return strconv.QuoteRune(r)
}

func (p *parser) skipSpace() {
	s := p.d.src
	for p.pos < len(s) && (s[p.pos] == ' ' || s[p.pos] == '\n' || s[p.pos] == '\r' || s[p.pos] == '\t') {
		p.pos++
	}
}

func (p *parser) value(depth int) error {
	if depth >= maxDepth {
		return p.errorf("nested too deeply")
	}
	s := p.d.src
	if p.pos >= len(s) {
		return p.errorf("unexpected end of input")
	}
	switch c := s[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.string()
	case c == '-' || isDigit(c):
		return p.number()
	case strings.HasPrefix(s[p.pos:], "true"):
		p.literal(kindBool, true, 4)
	case strings.HasPrefix(s[p.pos:], "false"):
		p.literal(kindBool, false, 5)
	case strings.HasPrefix(s[p.pos:], "null"):
		p.literal(kindNull, false, 4)
	default:
		return p.errorf("unexpected %s", p.what())
	}
	return nil
}

func (p *parser) literal(k kind, truth bool, n int) {
	i := uint32(len(p.d.nodes))
	p.d.nodes = append(p.d.nodes, node{kind: k, truth: truth, start: uint32(p.pos), end: uint32(p.pos + n), next: i + 1})
	p.pos += n
}

func (p *parser) array(depth int) error {
	i := len(p.d.nodes)
	p.d.nodes = append(p.d.nodes, node{kind: kindArray, start: uint32(p.pos)})
	p.pos++ // [
	n := 0
	p.skipSpace()
	if p.pos < len(p.d.src) && p.d.src[p.pos] == ']' {
		p.pos++
	} else {
		for {
			p.skipSpace()
			if err := p.value(depth + 1); err != nil {
				return err
			}
			n++
			p.skipSpace()
			if p.pos < len(p.d.src) && p.d.src[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.d.src) && p.d.src[p.pos] == ']' {
				p.pos++
				break
			}
			return p.errorf("expected , or ] in a list, got %s", p.what())
		}
	}
	nd := &p.d.nodes[i]
	nd.end, nd.next, nd.aux = uint32(p.pos), uint32(len(p.d.nodes)), uint64(n)
	return nil
}

func (p *parser) object(depth int) error {
	i := len(p.d.nodes)
	p.d.nodes = append(p.d.nodes, node{kind: kindObject, start: uint32(p.pos)})
	p.pos++ // {
	mark := len(p.scratch)
	p.skipSpace()
	if p.pos < len(p.d.src) && p.d.src[p.pos] == '}' {
		p.pos++
	} else {
		for {
			p.skipSpace()
			if p.pos >= len(p.d.src) || p.d.src[p.pos] != '"' {
				return p.errorf("expected a key string, got %s", p.what())
			}
			p.scratch = append(p.scratch, uint32(len(p.d.nodes)))
			if err := p.string(); err != nil {
				return err
			}
			p.skipSpace()
			if p.pos >= len(p.d.src) || p.d.src[p.pos] != ':' {
				return p.errorf("expected : after a key, got %s", p.what())
			}
			p.pos++
			p.skipSpace()
			if err := p.value(depth + 1); err != nil {
				return err
			}
			p.skipSpace()
			if p.pos < len(p.d.src) && p.d.src[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.pos < len(p.d.src) && p.d.src[p.pos] == '}' {
				p.pos++
				break
			}
			return p.errorf("expected , or } in a dict, got %s", p.what())
		}
	}
	keys := p.scratch[mark:]
	at := len(p.d.keys)
	p.d.keys = append(p.d.keys, keys...)
	p.scratch = p.scratch[:mark]
	p.objects = append(p.objects, uint32(i))
	d := p.d
	nd := &d.nodes[i]
	nd.end, nd.next, nd.aux = uint32(p.pos), uint32(len(d.nodes)), uint64(len(keys))|uint64(at)<<32
	return nil
}

func (p *parser) number() error {
	s := p.d.src
	start := p.pos
	i := p.pos
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		p.pos = i
		return p.errorf("expected a digit, got %s", p.what())
	}
	k := kindInt
	if i < len(s) && s[i] == '.' {
		k = kindFloat
		i++
		d := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == d {
			p.pos = i
			return p.errorf("expected a digit after the decimal point, got %s", p.what())
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		k = kindFloat
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		d := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == d {
			p.pos = i
			return p.errorf("expected a digit in the exponent, got %s", p.what())
		}
	}
	p.pos = i
	v, err := numberValue(s[start:i], k)
	if err != nil {
		return p.errorf("bad number %s", quote(s[start:i]))
	}
	n := uint32(len(p.d.nodes))
	p.d.nodes = append(p.d.nodes, node{kind: k, start: uint32(start), end: uint32(i), next: n + 1, aux: math.Float64bits(v)})
	return nil
}

// numberValue is the float64 value of a JSON number literal (±Inf beyond float64's range), with
// a fast path for the short ints that make up most lists.
func numberValue(s string, k kind) (float64, error) {
	if k == kindInt && len(s) <= 16 {
		neg := s[0] == '-'
		var v int64
		for _, c := range []byte(s[b2i(neg):]) {
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		return float64(v), nil // rounded correctly, as ParseFloat would
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeErr(err) {
		return 0, err
	}
	return v, nil
}

// string parses a string at pos (on its opening quote).
func (p *parser) string() error {
	s := p.d.src
	p.pos++
	start := p.pos
	for p.pos < len(s) && s[p.pos] != '"' && s[p.pos] != '\\' && s[p.pos] >= 0x20 {
		p.pos++
	}
	n := uint32(len(p.d.nodes))
	if p.pos < len(s) && s[p.pos] == '"' {
		p.d.nodes = append(p.d.nodes, node{kind: kindString, start: uint32(start), end: uint32(p.pos), next: n + 1})
		p.pos++
		return nil
	}
	// Escapes (or an error): decode into the arena.
	from := len(p.arena)
	p.arena = append(p.arena, s[start:p.pos]...)
	for {
		if p.pos >= len(s) {
			return p.errorf("unterminated string")
		}
		c := s[p.pos]
		switch {
		case c == '"':
			p.d.nodes = append(p.d.nodes, node{kind: kindString, inArena: true, start: uint32(from), end: uint32(len(p.arena)), next: n + 1})
			p.pos++
			return nil
		case c < 0x20:
			return p.errorf("control character %s in a string", p.what())
		case c != '\\':
			p.arena = append(p.arena, c)
			p.pos++
			continue
		}
		if p.pos+1 >= len(s) {
			p.pos++
			return p.errorf("unterminated string")
		}
		e := s[p.pos+1]
		p.pos += 2
		switch e {
		case '"', '\\', '/':
			p.arena = append(p.arena, e)
		case 'b':
			p.arena = append(p.arena, '\b')
		case 'f':
			p.arena = append(p.arena, '\f')
		case 'n':
			p.arena = append(p.arena, '\n')
		case 'r':
			p.arena = append(p.arena, '\r')
		case 't':
			p.arena = append(p.arena, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return p.errorf("bad \\u escape")
			}
			if utf16.IsSurrogate(r) && r < 0xDC00 && strings.HasPrefix(s[p.pos:], "\\u") {
				save := p.pos
				p.pos += 2
				if r2, ok := p.hex4(); ok && 0xDC00 <= r2 && r2 <= 0xDFFF {
					p.arena = utf8.AppendRune(p.arena, utf16.DecodeRune(r, r2))
					continue
				}
				p.pos = save
			}
			p.arena = appendWTF8(p.arena, r)
		default:
			p.pos--
			return p.errorf("unknown escape after \\: %s", p.what())
		}
	}
}

func (p *parser) hex4() (rune, bool) {
	s := p.d.src
	if p.pos+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[p.pos : p.pos+4]) {
		var v byte
		switch {
		case isDigit(c):
			v = c - '0'
		case 'a' <= c && c <= 'f':
			v = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	p.pos += 4
	return r, true
}

// appendWTF8 is utf8.AppendRune except that a surrogate code point keeps its own three-byte
// encoding, so that distinct lone surrogates stay distinct.
func appendWTF8(b []byte, r rune) []byte {
	if !utf16.IsSurrogate(r) {
		return utf8.AppendRune(b, r)
	}
	return append(b, byte(0xE0|r>>12), byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
}

// text is the decoded text of a string node, or the source literal of any other node.
func (d *doc) text(i uint32) string {
	n := d.nodes[i]
	if n.inArena {
		return d.arena[n.start:n.end]
	}
	return d.src[n.start:n.end]
}

// sortedKeys returns an object's key nodes sorted by key; each key's value is the next node.
func (d *doc) sortedKeys(i uint32) []uint32 {
	n := d.nodes[i]
	at := uint32(n.aux >> 32)
	return d.keys[at : at+uint32(n.count())]
}
