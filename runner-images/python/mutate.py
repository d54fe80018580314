"""First-order mutants of a Python source, for `judge verify --mutants`.

The judge runs this program in the sandbox (stdio mode, like an input validator), never on the
host: it reads {"source": "..."} as JSON on stdin and prints {"mutants": [...]}, each mutant one
small change to the source, spliced into the original text at the changed node's position (so
comments and layout stay and the diff is one or two lines). A mutant that does not compile, or
that is the same text as the source or as an earlier mutant, is left out.

Operators (docs/problem-format.md, "Mutation testing"):
  compare     <  <= > >= == != in / not in, is / is not: the boundary and the opposite
              (< -> <=, < -> >=; == -> !=; in -> not in; is -> is not)
  arith       + -> -, - -> +, * -> //, // -> *, / -> *, % -> //, ** -> *, << <-> >>,
              & <-> |, ^ -> |, also in augmented assignments (+= -> -=); unary - dropped
  constant    integer c -> c + 1, c - 1; True <-> False; a non-empty string -> ""
  boolean     and <-> or
  not         `not x` -> `x`; an if/while/assert/ternary condition c -> `not c`
  slice       each bound or step of a slice dropped, or moved by +1 / -1
  return      `return x` -> `return None`
  delete      a simple statement (assignment, call, raise, break, continue, ...) -> `pass`

Annotations, docstrings, f-strings, assignment targets and match patterns are never mutated.
"""
import ast
import copy
import difflib
import json
import sys

COMPARE = {
    ast.Lt: (ast.LtE, ast.GtE), ast.LtE: (ast.Lt, ast.Gt), ast.Gt: (ast.GtE, ast.LtE),
    ast.GtE: (ast.Gt, ast.Lt), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,),
    ast.In: (ast.NotIn,), ast.NotIn: (ast.In,), ast.Is: (ast.IsNot,), ast.IsNot: (ast.Is,),
}
ARITH = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult, ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.LShift: ast.RShift,
    ast.RShift: ast.LShift, ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitOr,
}
SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Raise, ast.Break, ast.Continue,
          ast.Delete, ast.Assert)
# Expressions that need no parentheses wherever an expression may stand.
ATOMS = (ast.Name, ast.Attribute, ast.Subscript, ast.Call, ast.List, ast.Tuple, ast.Dict, ast.Set)


class Collector:
    """Walks the tree and proposes (node, replacement text, operator, what) edits."""

    def __init__(self):
        self.edits = []

    def add(self, node, new, op, what, statement=False):
        text = ast.unparse(new)
        atom = isinstance(new, ATOMS) or isinstance(new, ast.Constant) and not text.startswith("-")
        if not statement and not atom:
            text = "(" + text + ")"
        self.edits.append((node, text, op, what))

    def walk(self, node, skip=False):
        if isinstance(node, (ast.JoinedStr, ast.match_case)):
            return
        if not skip:
            self.visit(node)
        for field, value in ast.iter_fields(node):
            if field in ("annotation", "returns", "type_comment"):
                continue
            items = value if isinstance(value, list) else [value]
            for i, child in enumerate(items):
                if not isinstance(child, ast.AST):
                    continue
                if isinstance(node, ast.Expr) and field == "value" and isinstance(child, ast.Constant):
                    continue  # docstrings and bare constants
                if getattr(child, "ctx", None) is not None and not isinstance(child.ctx, ast.Load):
                    # an assignment target: its subscripts and attributes' insides are loads
                    self.walk(child, skip=True)
                    continue
                if isinstance(child, ast.keyword):
                    self.walk(child.value)
                    continue
                self.walk(child)

    def visit(self, node):
        if not hasattr(node, "lineno"):
            return
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                for repl in COMPARE.get(type(op), ()):
                    new = copy.deepcopy(node)
                    new.ops[i] = repl()
                    self.add(node, new, "compare", f"{sym(op)} -> {sym(repl())}")
        elif isinstance(node, ast.BinOp) and type(node.op) in ARITH:
            new = copy.deepcopy(node)
            new.op = ARITH[type(node.op)]()
            self.add(node, new, "arith", f"{sym(node.op)} -> {sym(new.op)}")
        elif isinstance(node, ast.AugAssign) and type(node.op) in ARITH:
            new = copy.deepcopy(node)
            new.op = ARITH[type(node.op)]()
            self.add(node, new, "arith", f"{sym(node.op)}= -> {sym(new.op)}=", statement=True)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            self.add(node, node.operand, "arith", "unary - dropped")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.add(node, node.operand, "not", "not dropped")
        elif isinstance(node, ast.BoolOp):
            new = copy.deepcopy(node)
            new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self.add(node, new, "boolean", f"{sym(node.op)} -> {sym(new.op)}")
        elif isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool):
                self.add(node, ast.Constant(not v), "constant", f"{v} -> {not v}")
            elif isinstance(v, int):
                for w in (v + 1, v - 1):
                    self.add(node, ast.Constant(w), "constant", f"{v} -> {w}")
            elif isinstance(v, str) and v:
                self.add(node, ast.Constant(""), "constant", f"{short(repr(v))} -> ''")
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
            for part in ("lower", "upper", "step"):
                bound = getattr(node.slice, part)
                if bound is None:
                    continue
                new = copy.deepcopy(node)
                setattr(new.slice, part, None)
                self.add(node, new, "slice", f"slice {part} dropped")
                for op, d in ((ast.Add, "+ 1"), (ast.Sub, "- 1")):
                    new = copy.deepcopy(node)
                    setattr(new.slice, part, ast.BinOp(copy.deepcopy(bound), op(), ast.Constant(1)))
                    self.add(node, new, "slice", f"slice {part} {d}")
        elif isinstance(node, ast.Return) and node.value is not None and not (
                isinstance(node.value, ast.Constant) and node.value.value is None):
            self.add(node.value, ast.Constant(None), "return", "returns None")
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)) and not (
                isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not)):
            self.add(node.test, ast.UnaryOp(ast.Not(), copy.deepcopy(node.test)), "not", "condition negated")
        if isinstance(node, SIMPLE) and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):
            self.edits.append((node, "pass", "delete", "statement deleted"))


def sym(op):
    return {
        ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
        ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+",
        ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//", ast.Div: "/", ast.Mod: "%", ast.Pow: "**",
        ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^",
        ast.And: "and", ast.Or: "or",
    }.get(type(op), type(op).__name__)


def short(s, n=20):
    return s if len(s) <= n else s[: n - 3] + "..."


def mutants(source):
    tree = ast.parse(source)
    c = Collector()
    c.walk(tree)
    data = source.encode("utf-8")
    starts = [0]  # byte offset of each line (ast columns are UTF-8 byte offsets)
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    seen = {source}
    out = []
    for node, text, op, what in c.edits:
        a = starts[node.lineno - 1] + node.col_offset
        b = starts[node.end_lineno - 1] + node.end_col_offset
        new = (data[:a] + text.encode("utf-8") + data[b:]).decode("utf-8")
        if new in seen:
            continue
        seen.add(new)
        try:
            compile(new, "mutant.py", "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        diff = "".join(difflib.unified_diff(source.splitlines(keepends=True), new.splitlines(keepends=True),
                                            "original", "mutant", n=0))
        out.append({"line": node.lineno, "operator": op, "what": what, "source": new, "diff": diff})
    return out


def main():
    req = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        result = {"mutants": mutants(req["source"])}
    except SyntaxError as e:
        result = {"error": f"the source does not parse: line {e.lineno}: {e.msg}"}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
