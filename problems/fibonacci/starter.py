import sys


def main() -> None:
    n = int(sys.stdin.readline())
    # TODO: print F(0), F(1), ..., F(n-1), one per line.
    for i in range(n):
        pass


if __name__ == "__main__":
    main()
