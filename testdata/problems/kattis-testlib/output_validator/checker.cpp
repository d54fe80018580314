// A testlib-style checker: a + b = n, both positive, and (with --distinct) a != b.
#include "testlib.h"

#include <cstring>

int main(int argc, char *argv[]) {
    registerTestlibCmd(argc, argv);
    bool distinct = false;
    for (int i = 4; i < argc; i++) distinct = distinct || std::strcmp(argv[i], "--distinct") == 0;
    long long n = inf.readLong(3, 1000000000LL, "n");
    long long a = ouf.readLong(1, n, "a");
    long long b = ouf.readLong(1, n, "b");
    if (!ouf.seekEof()) quitf(_wa, "trailing output after a and b");
    if (a + b != n) quitf(_wa, "%lld + %lld is not %lld", a, b, n);
    if (distinct && a == b) quitf(_wa, "a and b must differ, both are %lld", a);
    quitf(_ok, "%lld + %lld = %lld", a, b, n);
}
