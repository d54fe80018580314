package server

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/judge-dev/judge/judge"
)

func TestSignature(t *testing.T) {
	fn := &judge.FunctionSpec{Name: "two_sum"}
	assert.Equal(t, "def two_sum(nums: list[int], target: int) -> list[int]:",
		signature(judge.ProblemView{Function: fn, Starter: "import x\n\ndef two_sum(nums: list[int], target: int) -> list[int]:\n    pass\n"}))
	assert.Empty(t, signature(judge.ProblemView{Function: fn, Starter: "def helper():\n    pass\n"}), "another function is not the signature")
	assert.Empty(t, signature(judge.ProblemView{Starter: "print(1)\n"}), "a stdio problem has none")
}
