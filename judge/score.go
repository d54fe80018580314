package judge

import (
	"fmt"
	"math"
)

// Aggregation says how a test data group's score comes from its children's.
type Aggregation string

const (
	// AggregateSum adds the children's scores (2023-07 and legacy default).
	AggregateSum Aggregation = "sum"
	// AggregateMin takes the lowest child score (2023-07, legacy grader flag min).
	AggregateMin Aggregation = "min"
	// AggregateMax takes the highest (legacy grader flag max).
	AggregateMax Aggregation = "max"
	// AggregateAvg averages (legacy grader flag avg).
	AggregateAvg Aggregation = "avg"
	// AggregatePassFail gives the group its points only when every test under it is accepted
	// (2023-07 default for subgroups of secret).
	AggregatePassFail Aggregation = "pass-fail"
)

// ScoreNode is a node of a scoring problem's score tree: a test (Test >= 0) or a test data
// group. The tree is built by the package reader from either format version, so the two
// versions' rules meet here in one shape and are evaluated in one place.
type ScoreNode struct {
	Name string // group path below data/ ("secret/group1"), or the test's name
	Test int    // index into Problem.Tests; -1 for a group
	// Tests: the points for an accepted and for a rejected test. Pass-fail groups: Accept is the
	// group's points when every test under it is accepted.
	Accept, Reject float64
	Aggregation    Aggregation // groups only
	// BreakOnReject (legacy on_reject: break): children after the first one that is not fully
	// accepted are not counted.
	BreakOnReject bool
	Children      []*ScoreNode
}

// Score is the node's score given each test's verdict, and whether every test under it passed.
func (n *ScoreNode) Score(verdict func(test int) Verdict) (float64, bool) {
	return n.scoreWith(verdict, func(int) *float64 { return nil })
}

// scoreWith is Score where an accepted test may have its own points (a validator's score.txt).
func (n *ScoreNode) scoreWith(verdict func(test int) Verdict, points func(test int) *float64) (float64, bool) {
	if n.Test >= 0 {
		if verdict(n.Test) == Accepted {
			if p := points(n.Test); p != nil {
				return *p, true
			}
			return n.Accept, true
		}
		return n.Reject, false
	}
	if n.Aggregation == AggregatePassFail {
		all := true
		for _, c := range n.Children {
			_, ok := c.scoreWith(verdict, points)
			all = all && ok
		}
		if all {
			return n.Accept, true
		}
		return 0, false
	}
	var scores []float64
	all := true
	for _, c := range n.Children {
		s, ok := c.scoreWith(verdict, points)
		scores = append(scores, s)
		all = all && ok
		if !ok && n.BreakOnReject {
			break
		}
	}
	return aggregate(n.Aggregation, scores), all
}

// Max is the node's score when every test is accepted.
func (n *ScoreNode) Max() float64 {
	s, _ := n.Score(func(int) Verdict { return Accepted })
	return s
}

func aggregate(a Aggregation, xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	out := xs[0]
	switch a {
	case AggregateMin:
		for _, x := range xs[1:] {
			out = math.Min(out, x)
		}
	case AggregateMax:
		for _, x := range xs[1:] {
			out = math.Max(out, x)
		}
	default: // sum, avg
		for _, x := range xs[1:] {
			out += x
		}
		if a == AggregateAvg {
			out /= float64(len(xs))
		}
	}
	return out
}

// Points is the score of a scoring problem's submission: the whole and per group.
type Points struct {
	Score  float64       `json:"score"`
	Max    float64       `json:"max"`
	Groups []GroupPoints `json:"groups,omitempty"`
}

// GroupPoints is one test data group's score.
type GroupPoints struct {
	Group string  `json:"group"`
	Score float64 `json:"score"`
	Max   float64 `json:"max"`
}

// String reads like "40/100", or "57.5" when the maximum is not known (custom scores).
func (p Points) String() string {
	if p.Max == 0 {
		return num(p.Score)
	}
	return fmt.Sprintf("%s/%s", num(p.Score), num(p.Max))
}

func num(f float64) string { return fmt.Sprintf("%.6g", f) }

// ScorePoints evaluates a scoring problem's tree against a report's test verdicts (and the
// points validators gave accepted tests). Tests not in the report (or not run) count as not
// accepted. With custom scores (a validator's score.txt) no maximum is known: Max is 0.
func ScorePoints(root *ScoreNode, tests []TestResult, custom bool) *Points {
	verdicts := map[int]Verdict{}
	points := map[int]*float64{}
	for _, t := range tests {
		verdicts[t.Index] = t.Verdict
		points[t.Index] = t.Points
	}
	verdict := func(i int) Verdict { return verdicts[i] }
	pointsOf := func(i int) *float64 { return points[i] }
	maxOf := func(n *ScoreNode) float64 {
		if custom {
			return 0
		}
		return round6(n.Max())
	}
	s, _ := root.scoreWith(verdict, pointsOf)
	p := &Points{Score: round6(s), Max: maxOf(root)}
	var walk func(n *ScoreNode)
	walk = func(n *ScoreNode) {
		if n.Test >= 0 {
			return
		}
		if n != root {
			gs, _ := n.scoreWith(verdict, pointsOf)
			p.Groups = append(p.Groups, GroupPoints{Group: n.Name, Score: round6(gs), Max: maxOf(n)})
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(root)
	return p
}

// round6 keeps sums of shares (100/3 + 100/3 + 100/3) from showing binary noise.
func round6(f float64) float64 { return math.Round(f*1e6) / 1e6 }
