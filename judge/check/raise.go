package check

import "bytes"

// maxRaiseAnswer bounds the answers ExpectedRaise parses: {"raises": "SomeError"} is tiny, and
// the judge asks about every answer, including multi-megabyte ones.
const maxRaiseAnswer = 4096

// ExpectedRaise reports whether an expected answer is of the form {"raises": "ValueError"} (a
// dict whose only key is "raises", with a non-empty string value) and returns the wanted
// exception type name. Matching it against the raised exception's MRO is the caller's job.
func ExpectedRaise(expected []byte) (typeName string, ok bool) {
	b := bytes.TrimLeft(expected, " \t\r\n")
	if len(b) > maxRaiseAnswer || len(b) == 0 || b[0] != '{' {
		return "", false
	}
	d, err := parseJSON(b)
	if err != nil || d.nodes[0].kind != kindObject || d.nodes[0].count() != 1 {
		return "", false
	}
	if d.text(1) != "raises" || d.nodes[2].kind != kindString || d.text(2) == "" {
		return "", false
	}
	return d.text(2), true
}
