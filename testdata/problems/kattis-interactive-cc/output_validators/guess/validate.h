// A small header offering the API of Kattis's validate.h (problemtools' output validator
// helper), written for the judge's tests: init_io, judge_in, judge_ans, author_out, accept,
// accept_with_score, wrong_answer, judge_error, judge_message, author_message, report_feedback.
// Invocation: validator input answer feedback_dir [args] < team_output; exit 42 = AC, 43 = WA.
#pragma once

#include <cassert>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include <sys/stat.h>

const int EXITCODE_AC = 42;
const int EXITCODE_WA = 43;
const std::string FILENAME_AUTHOR_MESSAGE = "teammessage.txt";
const std::string FILENAME_JUDGE_MESSAGE = "judgemessage.txt";
const std::string FILENAME_JUDGE_ERROR = "judgeerror.txt";
const std::string FILENAME_SCORE = "score.txt";

static std::ifstream judge_in, judge_ans;
static std::istream author_out(std::cin.rdbuf());
static const char *feedbackdir = nullptr;

static void vreport_feedback(const std::string &category, const char *msg, va_list args) {
    if (feedbackdir == nullptr) {
        vfprintf(stderr, msg, args);
        return;
    }
    std::string path = std::string(feedbackdir) + "/" + category;
    FILE *f = fopen(path.c_str(), "a");
    assert(f);
    vfprintf(f, msg, args);
    fclose(f);
}

static void report_feedback(const std::string &category, const char *msg, ...) {
    va_list args;
    va_start(args, msg);
    vreport_feedback(category, msg, args);
    va_end(args);
}

static void author_message(const char *msg, ...) {
    va_list args;
    va_start(args, msg);
    vreport_feedback(FILENAME_AUTHOR_MESSAGE, msg, args);
    va_end(args);
}

static void judge_message(const char *msg, ...) {
    va_list args;
    va_start(args, msg);
    vreport_feedback(FILENAME_JUDGE_MESSAGE, msg, args);
    va_end(args);
}

[[noreturn]] static void wrong_answer(const char *msg, ...) {
    va_list args;
    va_start(args, msg);
    vreport_feedback(FILENAME_JUDGE_MESSAGE, msg, args);
    va_end(args);
    exit(EXITCODE_WA);
}

[[noreturn]] static void judge_error(const char *msg, ...) {
    va_list args;
    va_start(args, msg);
    vreport_feedback(FILENAME_JUDGE_ERROR, msg, args);
    va_end(args);
    abort();
}

[[noreturn]] static void accept() { exit(EXITCODE_AC); }

[[noreturn]] static void accept_with_score(double score) {
    report_feedback(FILENAME_SCORE, "%.9le", score);
    exit(EXITCODE_AC);
}

static void init_io(int argc, char **argv) {
    if (argc < 4) judge_error("usage: %s judge_in judge_ans feedback_dir [args] < author_out\n", argv[0]);
    struct stat st;
    if (stat(argv[3], &st) != 0 || !S_ISDIR(st.st_mode)) judge_error("%s is not a directory\n", argv[3]);
    feedbackdir = argv[3];
    judge_in.open(argv[1]);
    if (judge_in.fail()) judge_error("cannot open %s\n", argv[1]);
    judge_ans.open(argv[2]);
    if (judge_ans.fail()) judge_error("cannot open %s\n", argv[2]);
}
