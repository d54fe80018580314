package check

import (
	"bytes"
	"fmt"
	"strconv"
)

// Tokens is the Kattis default output validator (problemtools default_validator semantics):
// white-space separated tokens; case-insensitive unless CaseSensitive; with SpaceChangeSensitive
// white space must match exactly (byte for byte, including the final newline); floats: when a
// float tolerance is set and the JUDGE token parses as a float, the team token must parse as a
// float within abs OR rel tolerance; otherwise string compare. Extra team output → wrong.
//
// As in problemtools: white space is C's isspace (space, \t, \n, \v, \f, \r, so CRLF is fine
// unless SpaceChangeSensitive); case folding is ASCII only (strcasecmp); inf, nan and literals
// that overflow a double are not floats, so they compare as strings. Deliberate differences:
// tolerance boundaries are decided exactly on the decimals written (see number), and tokens
// containing NUL are compared whole. f.Unordered is ignored (it is a function-mode flag).
//
// It scans both outputs once, without building a list of tokens, and allocates only to parse
// float tokens that differ and to build the message.
func Tokens(expected, actual []byte, f Flags) Result {
	if bytes.Equal(expected, actual) {
		return accept()
	}
	want, got := scanner{b: expected, line: 1}, scanner{b: actual, line: 1}
	tol := newTolerance(f.AbsTol, f.RelTol)
	// Float tokens are parsed from string copies of the outputs, made once on first need, so
	// that each token is a substring rather than an allocation.
	var wantText, gotText string
	copied := false
	for {
		gotLine, gotAfter := got.line, got.lineTokens
		ws, gs := want.space(), got.space()
		if f.SpaceChangeSensitive && !bytes.Equal(ws, gs) {
			return reject(spaceMessage(ws, gs, gotLine, gotAfter, want.pos == len(want.b)))
		}
		wt := want.token()
		if wt == nil {
			if gt := got.token(); gt != nil {
				line, k := got.line, got.lineTokens
				n := got.count + got.countRest()
				return reject(fmt.Sprintf("expected %s, got %d (extra output at line %d, token %d: %s)",
					plural(want.count, "token"), n, line, k, quote(gt)))
			}
			return accept()
		}
		gt := got.token()
		if gt == nil {
			n := want.count + want.countRest()
			why := "output ends early"
			switch {
			case len(actual) == 0:
				why = "output is empty"
			case got.count == 0:
				why = "output is only white space"
			}
			return reject(fmt.Sprintf("expected %s, got %d (%s; next expected %s)", plural(n, "token"), got.count, why, quote(wt)))
		}
		if bytes.Equal(wt, gt) {
			continue
		}
		if f.HasFloatTol && looksNumeric(wt) {
			if !copied {
				wantText, gotText, copied = string(expected), string(actual), true
			}
			if wn, ok := parseFloatToken(wantText[want.pos-len(wt) : want.pos]); ok {
				gn, ok := parseFloatToken(gotText[got.pos-len(gt) : got.pos])
				if !ok {
					return reject(got.at() + "expected a number close to " + quote(wt) + ", got " + quote(gt))
				}
				if !within(wn, gn, tol) {
					return reject(fmt.Sprintf("%sexpected %s, got %s (difference %s, %s)",
						got.at(), quote(wt), quote(gt), formatFloat(difference(wn, gn)), tol))
				}
				continue
			}
		}
		if !f.CaseSensitive && equalFoldASCII(wt, gt) {
			continue
		}
		msg := got.at() + "expected " + quote(wt) + ", got " + quote(gt)
		if equalFoldASCII(wt, gt) {
			msg += " (letter case differs)"
		}
		return reject(msg)
	}
}

// scanner walks one output, tracking the line and token position for messages.
type scanner struct {
	b          []byte
	pos        int
	line       int // 1-based line of pos
	lineTokens int // tokens seen so far on that line
	count      int // tokens seen so far
}

// at says where the last token is, for messages.
func (s *scanner) at() string {
	return "line " + strconv.Itoa(s.line) + ", token " + strconv.Itoa(s.lineTokens) + ": "
}

// isSpace is C's isspace in the C locale.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// space skips white space and returns it.
func (s *scanner) space() []byte {
	start := s.pos
	for s.pos < len(s.b) && isSpace[s.b[s.pos]] {
		if s.b[s.pos] == '\n' {
			s.line++
			s.lineTokens = 0
		}
		s.pos++
	}
	return s.b[start:s.pos]
}

// token returns the token at pos (call after space), or nil at the end.
func (s *scanner) token() []byte {
	start := s.pos
	for s.pos < len(s.b) && !isSpace[s.b[s.pos]] {
		s.pos++
	}
	if s.pos == start {
		return nil
	}
	s.count++
	s.lineTokens++
	return s.b[start:s.pos]
}

// countRest counts the tokens left, for messages.
func (s *scanner) countRest() int {
	n := 0
	inToken := false
	for _, c := range s.b[s.pos:] {
		if isSpace[c] {
			inToken = false
		} else if !inToken {
			inToken = true
			n++
		}
	}
	return n
}

func spaceMessage(want, got []byte, line, after int, atEnd bool) string {
	where := fmt.Sprintf("line %d, after token %d", line, after)
	switch {
	case atEnd:
		where = "at the end of the output"
	case after == 0 && line == 1:
		where = "at the start of the output"
	case after == 0:
		where = fmt.Sprintf("line %d, before the first token", line)
	}
	msg := fmt.Sprintf("%s: expected white space %s, got %s", where, quote(want), quote(got))
	switch {
	case atEnd && len(got) == 0 && len(want) > 0:
		msg += " (missing final newline)"
	case atEnd && len(got) > len(want):
		msg += " (trailing white space)"
	case bytes.Contains(got, []byte("\r\n")) && !bytes.Contains(want, []byte("\r\n")):
		msg += " (CRLF line ending)"
	}
	return msg
}

// equalFoldASCII is strcasecmp == 0: only ASCII letters fold.
func equalFoldASCII(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
