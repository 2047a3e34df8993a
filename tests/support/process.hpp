#pragma once
// Runs a real executable for end-to-end tests and captures what it printed.

#include <map>
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

}  // namespace aliasing::testing
