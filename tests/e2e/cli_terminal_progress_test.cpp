// Progress on a real terminal: `aliasing run` under a pseudo-terminal 100 columns wide redraws one line that never
// wraps, with the elapsed time.

#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

const std::string kSource = ALIASING_SOURCE_DIR;

struct TerminalRun {
    int exit_code = -1;
    std::string screen;  // everything written to the terminal
};

TerminalRun run_on_terminal(const std::vector<std::string>& args, unsigned short columns) {
    winsize size{};
    size.ws_col = columns;
    size.ws_row = 40;
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
    if (pid == 0) {
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(ALIASING_BIN));
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        ::unsetenv("COLUMNS");
        ::execv(ALIASING_BIN, argv.data());
        ::_exit(127);
    }
    TerminalRun run;
    char buffer[4096];
    while (true) {
        const ssize_t got = ::read(master, buffer, sizeof buffer);
        if (got > 0) {
            run.screen.append(buffer, static_cast<std::size_t>(got));
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO once the child closed the terminal
        }
    }
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

TEST(CliTerminalProgressTest, ForceMergeProgressFitsTheTerminalWidthAndShowsElapsedTime) {
    testing::SimProcess sim(ALIASING_SIM_BIN, {"--state", kSource + "/examples/demo-cluster.json",
                                               "--forcemerge-ms-per-gib", "60"});
    TerminalRun run = run_on_terminal({"run", kSource + "/examples/jobs/customer.json", "--es-url", sim.url()}, 100);
    ASSERT_EQ(run.exit_code, 0) << run.screen;
    std::size_t progress_lines = 0;
    std::size_t begin = 0;
    while (begin < run.screen.size()) {
        auto end = run.screen.find_first_of("\r\n", begin);
        if (end == std::string::npos) end = run.screen.size();
        std::string segment = run.screen.substr(begin, end - begin);
        if (auto erase = segment.find("\x1b[K"); erase != std::string::npos) segment.erase(erase);
        if (segment.rfind("[forcemerge] [", 0) == 0) {
            ++progress_lines;
            EXPECT_LT(segment.size(), 100u) << segment;
            EXPECT_NE(segment.find("s "), std::string::npos) << "elapsed time: " << segment;
        }
        begin = end + 1;
    }
    EXPECT_GT(progress_lines, 0u) << run.screen;
}

}  // namespace
}  // namespace aliasing

#endif
