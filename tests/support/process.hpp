#pragma once
// Runs a real executable for end-to-end tests and captures what it printed.

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace aliasing::testing {

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs `program` with `args` in `working_dir` (empty: current), with `env` added to the environment, and waits.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env = {}, const std::string& working_dir = "");

/// A real executable running in the background, for tests that signal it mid-run (SIGTERM, SIGINT).
class BackgroundProcess {
public:
    BackgroundProcess(const std::string& program, const std::vector<std::string>& args);
    ~BackgroundProcess();  ///< kills and reaps the process if wait() was not called
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    int pid() const;
    /// Sends `signal_number` to the process.
    void signal(int signal_number) const;
    /// Waits for the exit and returns what it printed.
    ProcessResult wait();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace aliasing::testing
