#!/usr/bin/env python3
"""Writes data/sample and data/secret for wildcard-match.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. Answers come from
submissions/accepted/greedy_backtrack.py and are cross-checked against
submissions/accepted/dp_table.py and submissions/accepted/bitset_dp.py on every test, and against
Python's re module (the pattern translated to a regex; the generator may use it, submissions may
not) on the tests up to 300 characters. Every .in is checked by input_validators/validate.py.
Any mismatch aborts.
"""
import glob
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 44
MAX_LEN = 2000
UNICODE_POOL = "aéßøΩж中文字日本語한국어😀🚀ñü" + "ابپ" + "*?"


def load(rel, name):
    path = os.path.join(HERE, rel)
    ns = {"__name__": "solution"}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), ns)
    if callable(ns.get(name)):
        return ns[name]
    return getattr(ns["Solution"](), name)


def oracle(text, pattern):
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.DOTALL) is not None


def pattern_from(text, rng, p_star, p_quest):
    """A pattern that matches text: some runs become '*', some characters become '?'."""
    out = []
    i = 0
    while i < len(text):
        r = rng.random()
        if r < p_star:
            k = rng.randint(0, 6)
            out.append("*")
            i += k
        elif r < p_star + p_quest:
            out.append("?")
            i += 1
        else:
            out.append(text[i])
            i += 1
    if rng.random() < 0.5:
        out.append("*")
    return "".join(out)[:MAX_LEN]


def mutate(pattern, rng, alphabet):
    """Change one literal character of the pattern (usually making it fail)."""
    lits = [k for k, c in enumerate(pattern) if c not in "*?"]
    k = rng.choice(lits)
    c = rng.choice([a for a in alphabet if a != pattern[k]])
    return pattern[:k] + c + pattern[k + 1:]


def rand_text(rng, n, alphabet):
    return "".join(rng.choice(alphabet) for _ in range(n))


def plan():
    rng = random.Random(SEED)
    t = []

    def add(folder, name, text, pattern):
        if folder == "secret":
            name = "%02d-%s" % (sum(1 for x in t if x[0] == "secret") + 1, name)
        t.append((folder, name, text, pattern))

    add("sample", "01-no-star", "aa", "a")
    add("sample", "02-stars", "adceb", "*a*b")
    add("sample", "03-question-and-star", "acdcb", "a*c?b")

    s = "secret"
    add(s, "both-empty", "", "")
    add(s, "empty-text-one-star", "", "*")
    add(s, "empty-text-many-stars", "", "****")
    add(s, "empty-text-question", "", "?")
    add(s, "empty-pattern", "a", "")
    add(s, "single-question", "x", "?")
    add(s, "exact-literal", "abc", "abc")
    add(s, "trailing-star", "abc", "abc*")
    add(s, "star-matches-empty-in-middle", "ab", "a*b")
    add(s, "question-needs-one-char", "ab", "ab?")
    add(s, "case-sensitive", "Hello", "hello")
    add(s, "wildcards-in-text", "what?*", "what??")
    add(s, "star-in-text-and-pattern", "*ab", "*b")
    add(s, "star-question-star-too-short", "ab", "a*?*b")
    add(s, "overlap-after-star", "aaab", "*aab")
    add(s, "mississippi", "mississippi", "m??*ss*?i*pi")
    add(s, "unicode", "héllo wörld 😀", "h?llo*w?rld ?")
    add(s, "newline-and-tab", "line1\nline2\tend", "line1?line2?e*")
    add(s, "match-at-very-end", "x" * (MAX_LEN - 1) + "y", "*y")
    # small random: binary alphabet, patterns that nearly match
    for k in range(5):
        text = rand_text(rng, rng.randint(5, 30), "ab")
        pat = pattern_from(text, rng, 0.2, 0.2)
        if k % 2 == 0:
            pat = mutate(pat, rng, "ab") if any(c not in "*?" for c in pat) else pat + "a"
        add(s, "small-random", text, pat)
    text = rand_text(rng, MAX_LEN, "abcdefghijklmnopqrstuvwxyz")
    add(s, "max-identical", text, text)
    add(s, "max-all-question", rand_text(rng, MAX_LEN, "xyz"), "?" * MAX_LEN)
    add(s, "max-all-question-one-short", rand_text(rng, MAX_LEN - 1, "xyz"), "?" * MAX_LEN)
    add(s, "max-all-stars", rand_text(rng, MAX_LEN, "ab"), "*" * MAX_LEN)
    add(s, "max-few-stars-no-b", "a" * MAX_LEN, "*a" * 20 + "*b")
    add(s, "max-many-stars-no-b", "a" * MAX_LEN, "*a" * 999 + "*b")
    add(s, "max-long-literal-after-star", "a" * MAX_LEN, "*" + "a" * 1000 + "b")
    text = rand_text(rng, MAX_LEN, "ab")
    add(s, "max-random-match", text, pattern_from(text, rng, 0.1, 0.1))
    text = rand_text(rng, MAX_LEN, "ab")
    add(s, "max-random-one-change", text, mutate(pattern_from(text, rng, 0.05, 0.1), rng, "ab"))
    text = rand_text(rng, MAX_LEN, UNICODE_POOL)
    add(s, "max-unicode-match", text, pattern_from(text, rng, 0.1, 0.1))
    add(s, "max-random-dense-wildcards", rand_text(rng, MAX_LEN, "ab"),
        rand_text(rng, MAX_LEN, "ab?*"))
    return t


def validate(path):
    with open(path, "rb") as f:
        p = subprocess.run([sys.executable, os.path.join(HERE, "input_validators", "validate.py")],
                           stdin=f, capture_output=True)
    if p.returncode != 42:
        sys.exit("validator rejected %s: %s" % (path, p.stderr.decode()))


def main():
    for folder in ("sample", "secret"):
        d = os.path.join(HERE, "data", folder)
        os.makedirs(d, exist_ok=True)
        for old in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(old).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(old)
    ref = load("submissions/accepted/greedy_backtrack.py", "is_match")
    others = {name: load("submissions/accepted/%s.py" % name, "is_match")
              for name in ("dp_table", "bitset_dp")}
    tests = plan()
    for folder, name, text, pattern in tests:
        base = os.path.join(HERE, "data", folder, name)
        with open(base + ".in", "w", encoding="utf-8") as f:
            f.write(json.dumps([text, pattern], ensure_ascii=False) + "\n")
        validate(base + ".in")
        ans = ref(text, pattern)
        for other, fn in others.items():
            if fn(text, pattern) is not ans:
                sys.exit("%s: %s disagrees with the reference" % (name, other))
        if len(text) <= 300 and len(pattern) <= 300 and oracle(text, pattern) != ans:
            sys.exit("%s: the regex oracle disagrees with the reference" % name)
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(ans) + "\n")
    print("wrote %d tests" % len(tests))


if __name__ == "__main__":
    main()
