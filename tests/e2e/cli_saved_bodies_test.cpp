// `aliasing plan` and `audit` from saved response bodies: a saved error response is never read as "no alias yet"
// or as an empty catalog; only the documented 404 "alias [x] missing" body means a first promotion.

#include "process.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace aliasing {
namespace {

using testing::ProcessResult;
using testing::run_process;

const std::string kSource = ALIASING_SOURCE_DIR;
const std::string kForbidden =
    R"({"error":{"root_cause":[{"type":"security_exception","reason":"action [indices:admin/aliases/get] is unauthorized for user [etl]"}],"type":"security_exception","reason":"action [indices:admin/aliases/get] is unauthorized for user [etl]"},"status":403})";

std::string saved(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() / ("aliasing-saved-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    return path.string();
}

ProcessResult plan(const std::string& catalog, const std::string& aliases) {
    return run_process(ALIASING_BIN, {"plan", kSource + "/examples/jobs/customer.json", "--catalog", catalog,
                                      "--aliases", aliases, "--now", "20261124t000000"});
}

const std::string kCatalog = kSource + "/examples/catalogs/customer.json";

TEST(CliSavedBodiesTest, ForbiddenAliasesBodyExitsTwoNamingFileStatusAndType) {
    const std::string file = saved("err.json", kForbidden);
    ProcessResult r = plan(kCatalog, file);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_EQ(r.out, "") << "no plan from an error body";
    EXPECT_NE(r.err.find("aliasing: error: " + file + ": is an Elasticsearch error response (status 403, "
                         "security_exception"),
              std::string::npos)
        << r.err;
}

TEST(CliSavedBodiesTest, OtherErrorWithoutTypeIsRefusedToo) {
    ProcessResult r = plan(kCatalog, saved("503.json", R"({"error":"service unavailable","status":503})"));
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find("status 503"), std::string::npos) << r.err;
}

TEST(CliSavedBodiesTest, DocumentedAliasMissingBodyIsAFirstPromotion) {
    ProcessResult r = plan(kCatalog, saved("missing.json", R"({"error":"alias [customer-prod] missing","status":404})"));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Plan for alias [customer-prod]"), std::string::npos) << r.out;
}

TEST(CliSavedBodiesTest, ErrorBodyAsCatalogExitsTwoNamingFileStatusAndType) {
    const std::string file = saved("cat-err.json", kForbidden);
    ProcessResult r = plan(file, kSource + "/examples/catalogs/customer-aliases.json");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find(file + ": is an Elasticsearch error response (status 403, security_exception"),
              std::string::npos)
        << r.err;
    ProcessResult audit = run_process(ALIASING_BIN, {"audit", "--catalog", file});
    EXPECT_EQ(audit.exit_code, 2) << audit.out;
    EXPECT_NE(audit.err.find("status 403"), std::string::npos) << audit.err;
}

TEST(CliSavedBodiesTest, MissingIndexBodyAsCatalogIsRefused) {
    ProcessResult r = plan(saved("404.json", R"({"error":{"type":"index_not_found_exception","reason":"no such index [customer-2_0_0-*]"},"status":404})"),
                           kSource + "/examples/catalogs/customer-aliases.json");
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find("status 404, index_not_found_exception"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace aliasing
