#pragma once
// Shared by the end-to-end suites that run `aliasing` against an aliasing-sim process loaded with the demo cluster.

#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifdef ALIASING_SIM_BIN

namespace aliasing::e2e {

inline const std::string kSource = ALIASING_SOURCE_DIR;
inline const std::string kCustomerJob = kSource + "/examples/jobs/customer.json";
inline constexpr const char* kOldGeneration = "20261121t020000123";  // live in the demo cluster
inline constexpr const char* kNewGeneration = "20261122t020000";     // complete, ready to promote

inline testing::SimProcess demo_sim(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--state", kSource + "/examples/demo-cluster.json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::SimProcess(ALIASING_SIM_BIN, args);
}

/// The `aliasing` executable under test, with `env` added to the environment.
inline testing::ProcessResult aliasing(const std::vector<std::string>& args,
                                       const std::map<std::string, std::string>& env = {}) {
    return testing::run_process(ALIASING_BIN, args, env);
}

/// A command line `aliasing` must refuse as a usage error (exit 2) with `expected` in its message.
struct UsageCase {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    std::string expected;
};

/// Runs every case; `never_printed` (a secret a case holds) must be in no message.
inline void expect_usage_errors(const std::vector<UsageCase>& cases, const std::string& never_printed = "") {
    for (const auto& item : cases) {
        SCOPED_TRACE(item.expected);
        const auto result = aliasing(item.args, item.env);
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_NE(result.err.find(item.expected), std::string::npos) << result.err;
        if (!never_printed.empty()) {
            EXPECT_EQ(result.err.find(never_printed), std::string::npos) << result.err;
        }
    }
}

inline bool doc_present(const std::string& url, const std::string& path) {
    auto reply = testing::http(url, "GET", path);
    return reply.status == 200 && reply.body.find("\"found\":true") != std::string::npos;
}

inline bool lock_present(const std::string& url, const std::string& index = "aliasing-locks") {
    return doc_present(url, "/" + index + "/_doc/customer-prod");
}

inline std::string alias_body(const std::string& url) { return testing::http(url, "GET", "/_alias/customer-prod").body; }

inline bool alias_on(const std::string& url, const std::string& generation) {
    return alias_body(url).find(generation) != std::string::npos;
}

/// Polls `done` every 20 ms for up to `limit`; true when it held.
inline bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

inline bool request_seen(const std::string& url, const std::string& fragment) {
    return testing::http(url, "GET", "/_sim/requests").body.find(fragment) != std::string::npos;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A temporary file that is removed again.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content) : m_path(make_path(name)) {
        std::ofstream(m_path) << content;
    }
    explicit TempFile(const std::string& name) : m_path(make_path(name)) {}
    ~TempFile() { std::remove(m_path.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return m_path; }

private:
    static std::string make_path(const std::string& name) {
        return ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-" + name;
    }
    std::string m_path;
};

}  // namespace aliasing::e2e

#endif
