def merge_sort(items):
    # natural merge sort: cut the input into ascending runs, then merge neighbours
    runs = []
    start = 0
    for idx in range(1, len(items) + 1):
        if idx == len(items) or items[idx] < items[idx - 1]:
            runs.append(items[start:idx])
            start = idx
    while len(runs) > 1:
        nxt = []
        for r in range(0, len(runs) - 1, 2):
            x, y = runs[r], runs[r + 1]
            out = []
            while x and y:
                out.append(x.pop() if x[-1] > y[-1] else y.pop())
            out.reverse()
            nxt.append(x + y + out)
        if len(runs) % 2:
            nxt.append(runs[-1])
        runs = nxt
    return runs[0] if runs else []
