// Accepts any divisor d of n with 1 < d < n. Written against Kattis's validate.h API
// (judge_in, author_out, accept, wrong_answer, judge_message).
#include "validate.h"

int main(int argc, char **argv) {
    init_io(argc, argv);
    long long n;
    if (!(judge_in >> n)) judge_error("cannot read n from the input");
    long long d;
    if (!(author_out >> d)) wrong_answer("expected an integer\n");
    std::string extra;
    if (author_out >> extra) wrong_answer("trailing output: %s\n", extra.c_str());
    if (d <= 1 || d >= n) wrong_answer("%lld is not strictly between 1 and %lld\n", d, n);
    if (n % d != 0) wrong_answer("%lld does not divide %lld\n", d, n);
    judge_message("%lld divides %lld\n", d, n);
    accept();
}
