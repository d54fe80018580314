// Interactive validator of Guess the Number, written against Kattis's validate.h: what it writes
// to standard output is the submission's input, what it reads (author_out) is the submission's
// output. Flag "slack K" allows K guesses more than ceil(log2 N).
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "validate.h"

int main(int argc, char **argv) {
    init_io(argc, argv);
    long long n, secret;
    if (!(judge_in >> n >> secret)) judge_error("cannot read N and the secret from the input\n");
    long long allowed = 0;
    for (int i = 4; i + 1 < argc; i++)
        if (!strcmp(argv[i], "slack")) allowed = atoll(argv[i + 1]);
    for (long long p = 1; p < n; p *= 2) allowed++;
    if (allowed < 1) allowed = 1;
    std::cout << n << std::endl;
    for (long long k = 1; k <= allowed; k++) {
        long long g;
        if (!(author_out >> g)) wrong_answer("guess %lld: no number\n", k);
        if (g < 1 || g > n) wrong_answer("guess %lld (%lld) is outside 1..%lld\n", k, g, n);
        if (g == secret) {
            std::cout << "correct" << std::endl;
            std::string extra;
            if (author_out >> extra) wrong_answer("output after the number was found: %s\n", extra.c_str());
            judge_message("found in %lld guesses\n", k);
            accept();
        }
        std::cout << (secret < g ? "lower" : "higher") << std::endl;
    }
    wrong_answer("not found in the %lld guesses allowed\n", allowed);
}
