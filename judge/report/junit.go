package report

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/judge-dev/judge/judge"
)

type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr,omitempty"`
	Time     string       `xml:"time,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

type JUnitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Errors     int             `xml:"errors,attr"`
	Skipped    int             `xml:"skipped,attr,omitempty"`
	Time       string          `xml:"time,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitMessage `xml:"failure,omitempty"`
	Error     *junitMessage `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitMessage struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Suite turns one report into a JUnit test suite: one testcase per test. A compile error is
// one failing testcase; an internal error is an <error>, not a <failure>, since it is not the
// submission's fault; a test that did not run (NR) is <skipped> with the reason.
func Suite(name string, r *judge.Report) JUnitSuite {
	s := JUnitSuite{Name: name, Time: secs(r.WallMillis), Properties: []junitProperty{
		{"problem", r.Problem}, {"submission", r.Submission}, {"verdict", r.Verdict.String()},
		{"score", fmt.Sprintf("%.4f", r.Score)}, {"python", r.Python}, {"image", r.Image},
	}}
	if r.Verdict == judge.CompileError {
		s.Cases = append(s.Cases, junitCase{Name: "compile", Classname: name, Time: "0",
			Failure: &junitMessage{Message: "compile error", Type: "CE", Text: r.Message}})
	}
	for _, t := range r.Tests {
		c := junitCase{Name: t.Name, Classname: name, Time: secs(t.CPUMillis),
			SystemOut: fmt.Sprintf("verdict %s, cpu %.1f ms, wall %.1f ms, memory %.1f MiB", t.Verdict, t.CPUMillis, t.WallMillis, t.MemoryMiB)}
		switch t.Verdict {
		case judge.Accepted:
		case judge.NotRun:
			c.Time, c.SystemOut = "0", "not run"
			c.Skipped = &junitSkipped{Message: t.Message}
		case judge.InternalError:
			c.Error = &junitMessage{Message: t.Verdict.Name(), Type: t.Verdict.String(), Text: t.Message}
		default:
			c.Failure = &junitMessage{Message: t.Verdict.Name(), Type: t.Verdict.String(), Text: t.Message}
		}
		s.Cases = append(s.Cases, c)
	}
	for _, c := range s.Cases {
		s.Tests++
		if c.Failure != nil {
			s.Failures++
		}
		if c.Error != nil {
			s.Errors++
		}
		if c.Skipped != nil {
			s.Skipped++
		}
	}
	return s
}

// JUnit writes suites as one JUnit XML document.
func JUnit(w io.Writer, suites ...JUnitSuite) error {
	doc := JUnitSuites{Suites: suites}
	var total float64
	for _, s := range suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
		doc.Skipped += s.Skipped
		var t float64
		fmt.Sscanf(s.Time, "%g", &t)
		total += t
	}
	doc.Time = fmt.Sprintf("%.3f", total)
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func secs(ms float64) string { return fmt.Sprintf("%.3f", ms/1000) }
