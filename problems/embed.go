// Package problems ships the judge's problem set inside the binary, so an installed judge works
// anywhere. It holds data only.
package problems

import "embed"

// FS holds every problem directory (problem.yaml, statement, data, submissions, ...).
//
//go:embed *
var FS embed.FS
