// A small subset of testlib's checker API (registerTestlibCmd, inf / ouf / ans streams with
// readInt, readLong, readDouble, readToken, readWord, seekEof, eof; quitf with _ok, _wa, _pe,
// _fail; ensuref), written for the judge's tests, speaking the Kattis output validator protocol
// as DOMjudge's testlib wrapper does: checker input answer feedback_dir [args] < team_output;
// exit 42 = accepted, 43 = wrong answer; messages go to feedback_dir/judgemessage.txt.
// It is not the upstream testlib.h (MIT, Mike Mirzayanov): packages ship their own copy.
#pragma once

#include <cctype>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>

enum TResult { _ok, _wa, _pe, _fail };

static std::string testlib_feedback;

[[noreturn]] static void quit(TResult r, const std::string &msg) {
    if (!testlib_feedback.empty()) {
        FILE *f = fopen((testlib_feedback + "judgemessage.txt").c_str(), "a");
        if (f) {
            fprintf(f, "%s\n", msg.c_str());
            fclose(f);
        }
    }
    switch (r) {
    case _ok: exit(42);
    case _wa: case _pe: exit(43);
    default: fprintf(stderr, "FAIL %s\n", msg.c_str()); abort();
    }
}

[[noreturn]] static void quitf(TResult r, const char *fmt, ...) {
    char buf[4096];
    va_list args;
    va_start(args, fmt);
    vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    quit(r, buf);
}

#define ensuref(cond, ...) do { if (!(cond)) quitf(_fail, __VA_ARGS__); } while (0)

struct InStream {
    FILE *f = nullptr;
    TResult bad = _fail; // what a malformed stream means: the team's output is WA, ours FAIL
    const char *name = "";

    int peek() { int c = getc(f); if (c != EOF) ungetc(c, f); return c; }
    void skipBlanks() { while (isspace(peek())) getc(f); }
    bool seekEof() { skipBlanks(); return peek() == EOF; }
    bool eof() { return peek() == EOF; }

    std::string readToken(const char *what = "token") {
        skipBlanks();
        std::string s;
        for (int c = peek(); c != EOF && !isspace(c); c = peek()) s += (char)getc(f);
        if (s.empty()) quitf(bad, "%s: expected %s, found end of file", name, what);
        return s;
    }
    std::string readWord(const char *what = "word") { return readToken(what); }

    long long readLong(long long lo, long long hi, const char *what = "integer") {
        std::string s = readToken(what);
        char *end = nullptr;
        errno = 0;
        long long v = strtoll(s.c_str(), &end, 10);
        if (errno || *end || s == "-" || (s.size() > 1 && s[0] == '0'))
            quitf(bad, "%s: %s: expected an integer, found \"%s\"", name, what, s.c_str());
        if (v < lo || v > hi) quitf(bad, "%s: %s = %lld is outside [%lld, %lld]", name, what, v, lo, hi);
        return v;
    }
    long long readLong() { return readLong(-9223372036854775807LL - 1, 9223372036854775807LL); }
    int readInt(int lo, int hi, const char *what = "integer") { return (int)readLong(lo, hi, what); }
    int readInt() { return readInt(-2147483647 - 1, 2147483647); }

    double readDouble(double lo, double hi, const char *what = "real") {
        std::string s = readToken(what);
        char *end = nullptr;
        double v = strtod(s.c_str(), &end);
        if (*end) quitf(bad, "%s: %s: expected a real number, found \"%s\"", name, what, s.c_str());
        if (v < lo || v > hi) quitf(bad, "%s: %s = %g is outside [%g, %g]", name, what, v, lo, hi);
        return v;
    }
    double readDouble() { return readDouble(-1e300, 1e300); }
};

static InStream inf, ouf, ans;

static void registerTestlibCmd(int argc, char *argv[]) {
    if (argc < 4) quitf(_fail, "usage: %s input answer feedback_dir [args] < team_output", argv[0]);
    testlib_feedback = argv[3];
    if (!testlib_feedback.empty() && testlib_feedback.back() != '/') testlib_feedback += '/';
    inf.f = fopen(argv[1], "r");
    ans.f = fopen(argv[2], "r");
    if (!inf.f || !ans.f) quitf(_fail, "cannot open the input or the answer");
    ouf.f = stdin;
    inf.name = "input";
    ans.name = "answer";
    ouf.name = "output";
    ouf.bad = _wa;
}
