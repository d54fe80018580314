package problemset

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/judge-dev/judge/judge"
)

// readSubmissionsYAML reads 2023-07's submissions/submissions.yaml for what the judge can check:
// `score` (a number, or an inclusive [low, high] range) of the submissions a glob matches.
// Other requirement keys are named errors rather than silently unchecked. In a scoring
// problem, accepted submissions must reach the maximum unless the file says otherwise.
func readSubmissionsYAML(fsys fs.FS, p *judge.Problem) error {
	if p.Scoring != nil && !p.Validation.CustomScore {
		// With scores from the validator (score.txt) the maximum is not known.
		max := p.Scoring.Max()
		for i := range p.Submissions {
			if p.Submissions[i].Expected == judge.Accepted {
				p.Submissions[i].Score = &[2]float64{max, max}
			}
		}
	}
	b, err := fs.ReadFile(fsys, "submissions/submissions.yaml")
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return err
	}
	if len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return errors.New("want a map of globs to requirements")
	}
	for k := 0; k+1 < len(top.Content); k += 2 {
		glob, req := top.Content[k].Value, top.Content[k+1]
		if strings.ContainsAny(glob, "{[") || strings.Contains(glob, "**") {
			return fmt.Errorf("%s: brace, bracket and ** globs are not supported by this judge", glob)
		}
		if _, err := path.Match(glob, ""); err != nil {
			return fmt.Errorf("%s: %v", glob, err)
		}
		if req.Kind != yaml.MappingNode {
			return fmt.Errorf("%s: want a map of requirements", glob)
		}
		var score *[2]float64
		for j := 0; j+1 < len(req.Content); j += 2 {
			key, val := req.Content[j].Value, req.Content[j+1]
			switch key {
			case "authors", "model_solution", "language", "entrypoint":
			case "score":
				s, err := scoreRange(val)
				if err != nil {
					return fmt.Errorf("%s: score: %v", glob, err)
				}
				if p.Scoring == nil {
					return fmt.Errorf("%s: score given but the problem's type is not scoring", glob)
				}
				score = s
			default:
				return fmt.Errorf("%s: %s is not supported by this judge (only score is checked; docs/problem-format.md)", glob, key)
			}
		}
		if score == nil {
			continue
		}
		matched := false
		for i := range p.Submissions {
			if globMatches(glob, strings.TrimPrefix(p.Submissions[i].Path, "submissions/")) {
				p.Submissions[i].Score, matched = score, true
			}
		}
		if !matched {
			return fmt.Errorf("%s: matches no submission", glob)
		}
	}
	return nil
}

// globMatches: the glob matches the path or one of its parent folders; * does not cross '/'.
func globMatches(glob, rel string) bool {
	for p := rel; p != "." && p != ""; p = path.Dir(p) {
		if ok, _ := path.Match(glob, p); ok {
			return true
		}
	}
	return false
}

func scoreRange(n *yaml.Node) (*[2]float64, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		var f float64
		if err := n.Decode(&f); err != nil {
			return nil, err
		}
		return &[2]float64{f, f}, nil
	case yaml.SequenceNode:
		var fs []float64
		if err := n.Decode(&fs); err != nil || len(fs) != 2 || fs[0] > fs[1] {
			return nil, errors.New("want a number or [low, high]")
		}
		return &[2]float64{fs[0], fs[1]}, nil
	}
	return nil, errors.New("want a number or [low, high]")
}
