// `aliasing plan` with a filtered, routed alias that also points to another data source's index: refused by
// default naming it; with "foreign_alias_targets": "keep" the plan shows the properties carried and the kept target.

#include "process.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace aliasing {
namespace {

const std::string kSource = ALIASING_SOURCE_DIR;

std::string temp_file(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() / ("aliasing-e2e-alias-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    return path.string();
}

// GET _alias/customer-prod of the example catalog, with a tenant filter and routing on the live generation and
// another team's index behind the same alias.
std::string aliases_body() {
    std::string body = "{";
    for (const char* entity : {"individual", "address", "contact", "account"}) {
        body += std::string(R"("customer-2_0_0-)") + entity +
                R"(-20261121t020000123":{"aliases":{"customer-prod":{"filter":{"term":{"tenant":"eu"}},"index_routing":"2","search_routing":"2"}}},)";
    }
    return body + R"("orders-1_0_0-20261101":{"aliases":{"customer-prod":{"filter":{"term":{"tenant":"eu"}},"index_routing":"2","search_routing":"2"}}}})";
}

testing::ProcessResult plan(const std::string& job, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"plan", job, "--catalog", kSource + "/examples/catalogs/customer.json",
                                     "--aliases", temp_file("aliases.json", aliases_body()), "--now",
                                     "20261124t000000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::run_process(ALIASING_BIN, args, {});
}

std::string job_file(const std::string& extra) {
    return temp_file("job" + std::to_string(extra.size()) + ".json",
                     R"({"alias_name":"customer-prod","data_source":"customer","index_base":"customer-2_0_0")" +
                         extra + "}");
}

TEST(CliPlanAliasTest, ForeignTargetIsRefusedByDefaultAndKeptWithItsPropertiesCarriedWhenAsked) {
    auto refused = plan(job_file(""));
    EXPECT_EQ(refused.exit_code, 4) << refused.out << refused.err;
    EXPECT_NE(refused.out.find("also points to 1 index that is not this job's: [orders-1_0_0-20261101]"),
              std::string::npos)
        << refused.out;

    const std::string keep = job_file(R"(,"foreign_alias_targets":"keep")");
    auto text = plan(keep);
    ASSERT_EQ(text.exit_code, 0) << text.out << text.err;
    EXPECT_NE(text.out.find(R"(add    [customer-prod] to   customer-2_0_0-account-20261122t020000 with filter {"term":{"tenant":"eu"}}, routing 2)"),
              std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("keep   [customer-prod] on   orders-1_0_0-20261101"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("from orders-1_0_0-20261101"), std::string::npos) << "no remove for a kept target";

    auto json = plan(keep, {"--output", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    Poco::JSON::Parser parser;
    const auto change = parser.parse(json.out).extract<Poco::JSON::Object::Ptr>()->getObject("alias_change");
    ASSERT_TRUE(change) << json.out;
    EXPECT_EQ(change->getValue<std::string>("foreign_alias_targets"), "keep");
    EXPECT_EQ(change->getArray("remove")->size(), 4u);
    const auto adds = change->getArray("add");
    ASSERT_EQ(adds->size(), 4u);
    const auto properties = adds->getObject(0)->getObject("properties");
    EXPECT_EQ(properties->getObject("filter")->getObject("term")->getValue<std::string>("tenant"), "eu");
    EXPECT_EQ(properties->getValue<std::string>("index_routing"), "2");

    auto markdown = plan(keep, {"--output", "markdown"});
    ASSERT_EQ(markdown.exit_code, 0);
    EXPECT_NE(markdown.out.find(R"(- add    [customer-prod] to   customer-2_0_0-individual-20261122t020000 with filter)"),
              std::string::npos)
        << markdown.out;
}

}  // namespace
}  // namespace aliasing
