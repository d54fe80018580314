def is_match(text: str, pattern: str) -> bool:
    # simulate the pattern as an automaton: states are positions in the pattern
    def closure(states):
        todo = list(states)
        seen = set(states)
        while todo:
            s = todo.pop()
            if s < len(pattern) and pattern[s] == '*' and s + 1 not in seen:
                seen.add(s + 1)
                todo.append(s + 1)
        return seen

    current = closure({0})
    for ch in text:
        step = set()
        for s in current:
            if s == len(pattern):
                continue
            if pattern[s] == '*':
                step.add(s)
            elif pattern[s] == '?' or pattern[s] == ch:
                step.add(s + 1)
        current = closure(step)
        if not current:
            return False
    return len(pattern) in current
