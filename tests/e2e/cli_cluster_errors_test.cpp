// How `aliasing run` ends when the cluster cannot be used: a plain-HTTP port given as https, a user without the
// privileges a request needs. Real executables: aliasing against aliasing-sim.

#include "demo_cluster.hpp"
#include "process.hpp"
#include "sim_process.hpp"

#include <gtest/gtest.h>

#include <chrono>

#ifdef ALIASING_SIM_BIN

namespace aliasing {
namespace {

using testing::http;
using testing::ProcessResult;
using testing::run_process;
using testing::SimProcess;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kJob = kSource + "/examples/jobs/customer.json";

using e2e::demo_sim;

std::string as_https(const std::string& url) { return "https://" + url.substr(std::string("http://").size()); }

std::string forbidden_body(const std::string& action) {
    return R"({"error":{"root_cause":[{"type":"security_exception","reason":"action [)" + action +
           R"(] is unauthorized for user [etl]"}],"type":"security_exception","reason":"action [)" + action +
           R"(] is unauthorized for user [etl]"},"status":403})";
}

void add_fault(const SimProcess& sim, const std::string& method, const std::string& path, const std::string& body) {
    auto added = http(sim.url(), "POST", "/_sim/faults",
                      R"({"method":")" + method + R"(","path":")" + path + R"(","status":403,"body":)" + body + "}");
    ASSERT_EQ(added.status, 200) << added.body;
}

TEST(CliClusterErrorsTest, HttpsToAPlainHttpPortExitsFiveWithinSecondsSayingItMayBePlainHttp) {
    SimProcess sim = demo_sim();
    const auto start = std::chrono::steady_clock::now();
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", as_https(sim.url())});
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_LT(took, std::chrono::seconds(30));
    EXPECT_NE(r.err.find("TLS handshake failed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("plain HTTP"), std::string::npos) << r.err;
}

TEST(CliClusterErrorsTest, ForbiddenCatIndicesExitsFiveNamingTheRequestAndTheIndexPrivilege) {
    SimProcess sim = demo_sim();
    add_fault(sim, "GET", "/_cat/indices/*", forbidden_body("indices:monitor/settings/get"));
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url()});
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_NE(r.err.find("authorization failed"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("GET /_cat/indices/customer-2_0_0-*"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("index privilege [monitor] on [customer-2_0_0-*]"), std::string::npos) << r.err;
}

TEST(CliClusterErrorsTest, ForbiddenLockWriteExitsFiveNamingTheLockIndexPrivilege) {
    SimProcess sim = demo_sim();
    add_fault(sim, "PUT", "/aliasing-locks/_create/*", forbidden_body("indices:data/write/index"));
    ProcessResult r = run_process(ALIASING_BIN, {"run", kJob, "--es-url", sim.url()});
    EXPECT_EQ(r.exit_code, 5) << r.err;
    EXPECT_NE(r.err.find("PUT /aliasing-locks/_create/customer-prod"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("on [aliasing-locks]"), std::string::npos) << r.err;
    EXPECT_NE(http(sim.url(), "GET", "/_alias/customer-prod").body.find("20261121t020000123"), std::string::npos)
        << "nothing was changed";
}

}  // namespace
}  // namespace aliasing

#endif
