package web

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// md renders statements: CommonMark with tables and strikethrough. Raw HTML in the Markdown is
// dropped (goldmark's default without html.WithUnsafe) and dangerous link schemes are not
// linked, so a statement cannot carry script into a candidate's page.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Untitled is a statement without its first line when that line is a heading naming the
// problem (`# Two Sum`): the page already shows the name as its title, and the statement's
// own heading read as the title twice.
func Untitled(statement, name string) string {
	s := strings.TrimLeft(statement, "\r\n")
	first, rest, _ := strings.Cut(s, "\n")
	heading := strings.TrimRight(first, "\r")
	level := len(heading) - len(strings.TrimLeft(heading, "#"))
	if level == 0 || level > 6 || !strings.HasPrefix(heading[level:], " ") {
		return statement
	}
	if !strings.EqualFold(strings.TrimSpace(strings.Trim(strings.TrimSpace(heading[level:]), "#")), strings.TrimSpace(name)) {
		return statement
	}
	return strings.TrimLeft(rest, "\r\n")
}

// Markdown renders a problem statement to safe HTML.
func Markdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(buf.String()) // goldmark escapes text and omits raw HTML
}
