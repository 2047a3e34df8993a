// The run log: progress that fits a terminal and says how long, periodic lines only when something changed.
#include "aliasing/pipeline/run_log.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace aliasing {
namespace {

TEST(RunLogProgress, TerminalLineFitsTheWidthAndShowsElapsedAndTimeLeft) {
    std::ostringstream out;
    LogStyle style;
    style.terminal = Terminal::Yes;
    style.terminal_width = 60;
    RunLog log(out, style);
    const std::string what = "POST /customer-2_0_0-individual-20261122t020000/_forcemerge?max_num_segments=2 (task n:1)";
    log.progress("forcemerge", what, 0, 4);
    log.progress("forcemerge", what, 1, 4);
    const std::string text = out.str();
    std::size_t begin = 0;
    int redraws = 0;
    while ((begin = text.find('\r', begin)) != std::string::npos) {
        auto end = text.find("\x1b[K", begin);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - begin - 1, 59u) << text.substr(begin + 1, end - begin - 1);
        begin = end;
        ++redraws;
    }
    EXPECT_EQ(redraws, 2);
    EXPECT_NE(text.find("1/4 0.0s, ~0.0s left"), std::string::npos) << text;
}

TEST(RunLogProgress, OffATerminalALineOnlyWhenSomethingChanged) {
    std::ostringstream out;
    LogStyle style;
    style.progress_interval = std::chrono::milliseconds(0);
    RunLog log(out, style);
    log.progress("forcemerge", "merging a", 0, 2);
    log.progress("forcemerge", "merging a", 0, 2);
    log.progress("forcemerge", "merging a", 0, 2);
    log.progress("forcemerge", "merging b", 1, 2);
    const std::string text = out.str();
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n';
    EXPECT_EQ(lines, 2u) << text;
}

TEST(RunLogQuiet, OnlyErrorsAndTheSummary) {
    std::ostringstream out;
    LogStyle style;
    style.verbosity = Verbosity::Quiet;
    RunLog log(out, style);
    log.info("plan", "hidden");
    log.warn("tls", "hidden");
    log.progress("forcemerge", "hidden", 1, 2);
    log.error("swap", "shown");
    log.summary("failed", 6);
    const std::string text = out.str();
    EXPECT_EQ(text.find("hidden"), std::string::npos) << text;
    EXPECT_NE(text.find("[swap] shown"), std::string::npos) << text;
    EXPECT_NE(text.find("[summary] failed: exit 6 in "), std::string::npos) << text;
}

}  // namespace
}  // namespace aliasing
