// The run log: progress that fits a terminal and says how long, periodic lines only when something changed.
#include "aliasing/pipeline/run_log.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

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

namespace aliasing {
namespace {

// Several clusters are prepared on their own threads, each writing through its own cluster log (docs/multi-cluster.md
// M5): every line carries its cluster and is written whole, and progress ends an open redrawn line first.
TEST(RunLogClusters, AClusterLogTagsEveryLineAndKeepsTheParentsIds) {
    std::ostringstream out;
    LogStyle style;
    style.format = LogFormat::Json;
    RunLog parent(out, style, "0123456789abcdef");
    parent.set_context("customer-prod", "customer");
    RunLog dr(parent, "dr");
    dr.info("swap", "swapped");
    parent.info("plan", "agreed");
    const std::string text = out.str();
    const auto first = text.substr(0, text.find('\n'));
    EXPECT_NE(first.find(R"("cluster":"dr")"), std::string::npos) << first;
    EXPECT_NE(first.find(R"("run_id":"0123456789abcdef")"), std::string::npos) << first;
    EXPECT_NE(first.find(R"("alias":"customer-prod")"), std::string::npos) << first;
    const auto second = text.substr(first.size() + 1);
    EXPECT_EQ(second.find("cluster"), std::string::npos) << second;
    EXPECT_EQ(dr.cluster(), "dr");
    EXPECT_EQ(parent.cluster(), "");
}

TEST(RunLogClusters, LinesFromSeveralThreadsAreNeverInterleaved) {
    std::ostringstream out;
    RunLog parent(out, LogStyle{});
    RunLog a(parent, "a"), b(parent, "b");
    const std::string payload(200, 'x');
    auto write = [&payload](RunLog& log) {
        for (int i = 0; i < 2000; ++i) log.info("forcemerge", payload);
    };
    std::thread first(write, std::ref(a)), second(write, std::ref(b));
    first.join();
    second.join();
    std::istringstream lines(out.str());
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        ++count;
        const bool whole = line.size() > payload.size() &&
                           line.compare(line.size() - payload.size(), payload.size(), payload) == 0 &&
                           (line.find("[a/forcemerge] ") != std::string::npos ||
                            line.find("[b/forcemerge] ") != std::string::npos);
        ASSERT_TRUE(whole) << "line " << count << ": " << line;
    }
    EXPECT_EQ(count, 4000);
}

TEST(RunLogClusters, AnotherClustersLineEndsTheRedrawnProgressLine) {
    std::ostringstream out;
    LogStyle style;
    style.terminal = Terminal::Yes;
    RunLog parent(out, style);
    RunLog a(parent, "a"), b(parent, "b");
    a.progress("forcemerge", "merging", 1, 2);
    b.warn("lock", "late heartbeat");
    const std::string text = out.str();
    const auto progress = text.find("[a/forcemerge]");
    const auto warning = text.find("[b/lock] late heartbeat");
    ASSERT_NE(progress, std::string::npos) << text;
    ASSERT_NE(warning, std::string::npos) << text;
    EXPECT_NE(text.substr(progress, warning - progress).find('\n'), std::string::npos)
        << "the warning was written onto the progress line: " << text;
}

}  // namespace
}  // namespace aliasing
