package similarity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one normalised Python token: what survives renaming, and the line it starts on.
type token struct {
	text string // keyword, operator, None/True/False as written; "V" a name, "S" a string, "N" a number
	line int    // 1-based
}

// Normalised stand-ins. A name becomes one symbol, a string another and a number a third, so
// that renaming and changed constants do not hide a copy (None, True and False stay as written);
// comments, docstrings, blank lines and indentation vanish, so that adding them does not either.
const (
	nameTok    = "V"
	literalTok = "S" // a string
	numberTok  = "N"
	newlineTok = ";"
)

// keywords keep their identity: they are the structure a copy cannot rename.
var keywords = map[string]bool{
	"and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

// operators, longest first so that the first match is the longest.
var operators = []string{
	"**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=",
	":=", "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=",
	"!", "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<", "=", ">", "@", "[", "]",
	"^", "{", "|", "}", "~",
}

// tokenize reads Python source well enough to normalise it; it never fails: whatever it does not
// recognise becomes a one-character operator, since a judge must compare even code that does not
// compile. Statements end in a newline token (";" too becomes one); a statement that is a lone
// string (a docstring) is dropped.
func tokenize(src string) []token {
	var out []token
	line, depth := 1, 0
	stmtStart := 0 // index in out where the current logical line began
	endStatement := func() {
		if len(out) == stmtStart {
			return
		}
		if len(out) == stmtStart+1 && out[stmtStart].text == literalTok {
			out = out[:stmtStart] // a docstring, or a string used as a comment
		} else {
			out = append(out, token{newlineTok, out[len(out)-1].line})
		}
		stmtStart = len(out)
	}
	i := 0
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			line++
			i++
			if depth == 0 {
				endStatement()
			}
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
		case c == '\\' && i+1 < len(src) && (src[i+1] == '\n' || src[i+1] == '\r'):
			i++ // line continuation: the newline that follows does not end the statement
			if src[i] == '\r' {
				i++
			}
			if i < len(src) && src[i] == '\n' {
				i++
			}
			line++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == ';' && depth == 0:
			i++
			endStatement()
		case isDigit(c) || (c == '.' && i+1 < len(src) && isDigit(src[i+1])):
			j := scanNumber(src, i)
			out = append(out, token{numberTok, line})
			i = j
		default:
			if q, ok := stringStart(src, i); ok {
				j, lines := scanString(src, q)
				out = append(out, token{literalTok, line})
				line += lines
				i = j
				continue
			}
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == '_' || unicode.IsLetter(r) {
				j := i + size
				for j < len(src) {
					r, size := utf8.DecodeRuneInString(src[j:])
					if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
						break
					}
					j += size
				}
				word := src[i:j]
				if !keywords[word] && word != "None" && word != "True" && word != "False" {
					word = nameTok
				}
				out = append(out, token{word, line})
				i = j
				continue
			}
			op := string(src[i])
			for _, o := range operators {
				if strings.HasPrefix(src[i:], o) {
					op = o
					break
				}
			}
			if size > len(op) {
				op = src[i : i+size] // an odd rune: keep it whole
			}
			switch op {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth = max(0, depth-1)
			}
			out = append(out, token{op, line})
			i += len(op)
		}
	}
	endStatement()
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanNumber returns the end of the number literal at i (ints, floats, exponents, hex, _, j).
func scanNumber(src string, i int) int {
	j := i
	for j < len(src) {
		c := src[j]
		switch {
		case isDigit(c) || c == '_' || c == '.' || (c|0x20 >= 'a' && c|0x20 <= 'z'):
			if (c == 'e' || c == 'E') && j+1 < len(src) && (src[j+1] == '+' || src[j+1] == '-') {
				j++
			}
			j++
		default:
			return j
		}
	}
	return j
}

// stringStart reports whether a string literal (with an optional prefix such as r, b, f, rb)
// starts at i, and where its opening quote is.
func stringStart(src string, i int) (quote int, ok bool) {
	j := i
	for j < len(src) && j-i < 2 && strings.ContainsRune("rRbBfFuU", rune(src[j])) {
		j++
	}
	if j < len(src) && (src[j] == '\'' || src[j] == '"') {
		return j, true
	}
	return 0, false
}

// scanString returns the end of the string literal whose opening quote is at q, and the line
// breaks inside it. An unterminated string runs to the end of its line (or of the file, if
// triple-quoted).
func scanString(src string, q int) (end, lines int) {
	quote := src[q : q+1]
	if strings.HasPrefix(src[q:], strings.Repeat(quote, 3)) {
		quote = strings.Repeat(quote, 3)
	}
	j := q + len(quote)
	for j < len(src) {
		switch {
		case src[j] == '\\':
			if j+1 < len(src) && src[j+1] == '\n' {
				lines++
			}
			j += 2
			continue
		case strings.HasPrefix(src[j:], quote):
			return j + len(quote), lines
		case src[j] == '\n':
			if len(quote) == 1 {
				return j, lines
			}
			lines++
		}
		j++
	}
	return len(src), lines
}
