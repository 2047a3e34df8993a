// `aliasing plan`, `audit`, `plugins`, help and exit codes, run as a user runs them.

#include "process.hpp"

#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace aliasing {
namespace {

using testing::ProcessResult;
using testing::run_process;

const std::string kSource = ALIASING_SOURCE_DIR;

ProcessResult aliasing(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    return run_process(ALIASING_BIN, args, env);
}

std::string example(const std::string& relative) { return kSource + "/examples/" + relative; }

ProcessResult plan_example(const std::string& job, const std::string& catalog, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", example("jobs/" + job + ".json"), "--catalog",
                                     example("catalogs/" + catalog + ".json"), "--aliases",
                                     example("catalogs/" + catalog + "-aliases.json"), "--now", "20261124t000000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return aliasing(args);
}

std::string temp_file(const std::string& name, const std::string& content) {
    auto path = std::filesystem::temp_directory_path() / ("aliasing-e2e-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path) << content;
    return path.string();
}

TEST(CliPlanTest, CustomerExamplePrintsThePlanTableAndExitsZero) {
    auto r = plan_example("customer", "customer");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("index"), std::string::npos);
    EXPECT_NE(r.out.find("GiB/shard  segs/shard  segs/GiB  command"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("max_num_segments=3"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("remove [customer-prod] from customer-2_0_0-account-20261121t020000123 (must_exist)"),
              std::string::npos);
}

TEST(CliPlanTest, IncompleteGenerationExitsFourNamingTheMissingEntity) {
    auto r = plan_example("smr", "smr");
    EXPECT_EQ(r.exit_code, 4);
    EXPECT_NE(r.out.find("incomplete generation 20261122t030000: no index for entity [claim]"), std::string::npos)
        << r.out;
}

TEST(CliPlanTest, SmrEmployeeIsPlannedFromTheSharedIndexBase) {
    auto r = plan_example("smr-employee", "smr");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("smr-1_3_0-individual-employee-20261122t030000"), std::string::npos);
}

TEST(CliPlanTest, TransactionNeverForceMergesAndSaysWhy) {
    auto r = plan_example("transaction", "transaction");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("never: transaction indices keep receiving writes"), std::string::npos);
    EXPECT_EQ(r.out.find("_forcemerge"), std::string::npos);
}

TEST(CliPlanTest, JsonOutputIsOneParseableDocument) {
    auto r = plan_example("customer", "customer", {"--output", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Poco::JSON::Parser parser;
    auto plan = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(plan->getValue<std::string>("outcome"), "promote");
    EXPECT_EQ(plan->getArray("deletions")->size(), 8u);
    EXPECT_EQ(plan->getArray("merges")->size(), 4u);
}

TEST(CliPlanTest, MarkdownOutputIsATable) {
    auto r = plan_example("customer", "customer", {"--output", "markdown"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("| index | shards | size | segments | GiB/shard | segments/shard | segments/GiB | command |"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("POST /customer-2_0_0-account-20261122t020000/_forcemerge?max_num_segments=3"),
              std::string::npos)
        << "markdown carries the full commands";
}

std::size_t widest_line(const std::string& text) {
    std::size_t widest = 0, begin = 0;
    while (begin < text.size()) {
        auto end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        widest = std::max(widest, end - begin);
        begin = end + 1;
    }
    return widest;
}

std::size_t table_width(const std::string& out) {
    const auto start = out.find("\nindex ");
    const auto end = out.find("\n\n", start);
    return widest_line(out.substr(start + 1, end - start));
}

TEST(CliPlanTest, PlanTableFitsOneHundredTwentyColumnsByDefault) {
    for (const char* source : {"customer", "transaction"}) {
        auto r = plan_example(source, source);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_LE(table_width(r.out), 120u) << r.out;
    }
    auto transaction = plan_example("transaction", "transaction");
    EXPECT_NE(transaction.out.find("never: transaction indices keep receiving writes"), std::string::npos)
        << "the full reason is printed once under the table\n" << transaction.out;
}

TEST(CliPlanTest, WidePrintsFullHeadersAndCommands) {
    auto r = plan_example("customer", "customer", {"--wide"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("segments  GiB/shard  segments/shard  segments/GiB  command"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("POST /customer-2_0_0-account-20261122t020000/_forcemerge?max_num_segments=3"),
              std::string::npos)
        << r.out;
}

TEST(CliPlanTest, AlreadyLiveExitsThree) {
    auto aliases = temp_file("live.json", R"({"transaction-1_0_0-payment-20261122t040000":{"aliases":{"transaction-prod":{}}},
        "transaction-1_0_0-refund-20261122t040000":{"aliases":{"transaction-prod":{}}}})");
    auto r = aliasing({"plan", example("jobs/transaction.json"), "--catalog", example("catalogs/transaction.json"),
                       "--aliases", aliases});
    EXPECT_EQ(r.exit_code, 3) << r.out;
    EXPECT_NE(r.out.find("ALREADY LIVE"), std::string::npos);
}

TEST(CliPlanTest, AbortRunExitsNinetyNineWithoutReadingTheCatalog) {
    auto job = temp_file("abort.json", R"({"abort_run":"True","alias_name":"a","data_source":"customer","index_base":"customer-2_0_0"})");
    auto r = aliasing({"plan", job, "--catalog", "/nonexistent/catalog.json"});
    EXPECT_EQ(r.exit_code, 99) << r.err;
}

TEST(CliPlanTest, BadJobFileExitsTwoNamingTheKey) {
    auto job = temp_file("bad.json", R"({"alias_name":"a","data_source":"customer","index_base":"customer-2_0_0","new_replicas":"yes"})");
    auto r = aliasing({"plan", job, "--catalog", example("catalogs/customer.json")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("new_replicas"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("yes"), std::string::npos) << r.err;
}

TEST(CliPlanTest, UnknownDataSourceListsTheAvailableOnes) {
    auto job = temp_file("unknown.json", R"({"alias_name":"a","data_source":"orders","index_base":"orders-1"})");
    auto r = aliasing({"plan", job, "--catalog", example("catalogs/customer.json")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("customer"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("smr-employee"), std::string::npos) << r.err;
}

TEST(CliPlanTest, MissingCatalogFileExitsTwoNamingThePath) {
    auto r = aliasing({"plan", example("jobs/customer.json"), "--catalog", "/nonexistent/catalog.json"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("/nonexistent/catalog.json"), std::string::npos) << r.err;
}

// A `_cat/indices` body with `index` and the other usual columns for each name (all open and green).
std::string cat_body(const std::vector<std::string>& names, bool with_status = true) {
    std::string body = "[";
    for (const auto& name : names) {
        body += std::string(body.size() > 1 ? "," : "") + R"({"health":"green",)" +
                (with_status ? R"("status":"open",)" : "") + R"("index":")" + name +
                R"(","pri":"1","rep":"0","docs.count":"10","pri.store.size":"1048576","pri.segments.count":"1"})";
    }
    return body + "]";
}

std::string aliases_body(const std::vector<std::string>& names, const std::string& alias = "customer-prod") {
    std::string body = "{";
    for (const auto& name : names)
        body += std::string(body.size() > 1 ? "," : "") + "\"" + name + R"(":{"aliases":{")" + alias + R"(":{}}})";
    return body + "}";
}

std::string customer(const std::string& entity, const std::string& run) { return "customer-2_0_0-" + entity + "-" + run; }

std::string customer_job(const std::string& extra) {
    return R"({"alias_name":"customer-prod","data_source":"customer","index_base":"customer-2_0_0",)"
           R"("delete_old":true,"forcemerge_new":true)" + extra + "}";
}

ProcessResult plan_files(const std::string& tag, const std::string& job, const std::string& catalog,
                         const std::string& aliases, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", temp_file(tag + "-job.json", job), "--catalog",
                                     temp_file(tag + "-catalog.json", catalog), "--aliases",
                                     temp_file(tag + "-aliases.json", aliases), "--now", "20261124t000000"};
    args.insert(args.end(), extra.begin(), extra.end());
    return aliasing(args);
}

// Ours: individual and address of three runs, the alias on the middle one. Another team's archive under the same
// index_base: archive-individual and archive-address of several runs, one of them newer than all of ours.
std::vector<std::string> ours_and_archive() {
    std::vector<std::string> names;
    for (const char* run : {"20261120t020000", "20261121t020000", "20261122t020000"})
        for (const char* entity : {"individual", "address"}) names.push_back(customer(entity, run));
    for (const char* run : {"20261101t000000", "20261121t020000", "20261123t000000"})
        for (const char* entity : {"archive-individual", "archive-address"}) names.push_back(customer(entity, run));
    return names;
}

std::vector<std::string> strings_of(const Poco::JSON::Array::Ptr& array) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < array->size(); ++i) out.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
}

TEST(CliPlanOwnershipTest, PinnedEntitiesLeaveAnotherTeamsArchiveIndicesUnderTheSameBaseAlone) {
    auto r = plan_files("pinned", customer_job(R"(,"entities":["individual","address"])"), cat_body(ours_and_archive()),
                        aliases_body({customer("individual", "20261121t020000"), customer("address", "20261121t020000")}),
                        {"--output", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    Poco::JSON::Parser parser;
    auto plan = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(plan->getObject("candidate")->getValue<std::string>("run_id"), "20261122t020000");
    EXPECT_EQ(strings_of(plan->getArray("deletions")),
              (std::vector<std::string>{customer("address", "20261120t020000"), customer("address", "20261121t020000"),
                                        customer("individual", "20261120t020000"),
                                        customer("individual", "20261121t020000")}));
    EXPECT_EQ(strings_of(plan->getArray("new_indices")),
              (std::vector<std::string>{customer("address", "20261122t020000"), customer("individual", "20261122t020000")}));
    auto merges = plan->getArray("merges");
    for (std::size_t i = 0; i < merges->size(); ++i)
        EXPECT_EQ(merges->getObject(static_cast<unsigned>(i))->getValue<std::string>("index").find("archive"),
                  std::string::npos);
    auto ignored = plan->getArray("ignored");
    std::size_t archive_ignored = 0;
    for (std::size_t i = 0; i < ignored->size(); ++i) {
        auto entry = ignored->getObject(static_cast<unsigned>(i));
        if (entry->getValue<std::string>("index").find("-archive-") == std::string::npos) continue;
        ++archive_ignored;
        EXPECT_NE(entry->getValue<std::string>("reason").find("not one of this job's entities"), std::string::npos);
    }
    EXPECT_EQ(archive_ignored, 6u);
}

TEST(CliPlanOwnershipTest, DiscoveryRefusesTheArchiveEntitiesAndSaysWhatToPin) {
    auto r = plan_files("ambiguous", customer_job(""), cat_body(ours_and_archive()),
                        aliases_body({customer("individual", "20261121t020000"), customer("address", "20261121t020000")}));
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_NE(r.out.find("ambiguous entities [archive-address, archive-individual]"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(R"("entities": ["address","individual"])"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("Deletions after the swap"), std::string::npos) << r.out;
}

TEST(CliPlanOwnershipTest, AnEntityNewInTheCandidateIsShownInTextMarkdownAndJson) {
    const std::vector<std::string> names = {customer("individual", "20261121t020000"), customer("address", "20261121t020000"),
                                            customer("individual", "20261122t020000"), customer("address", "20261122t020000"),
                                            customer("phone", "20261122t020000")};
    const auto live = aliases_body({names[0], names[1]});
    auto text = plan_files("new-text", customer_job(""), cat_body(names), live);
    EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
    EXPECT_NE(text.out.find("new entity (in the new generation, not in the live one): phone"), std::string::npos)
        << text.out;
    auto markdown = plan_files("new-md", customer_job(""), cat_body(names), live, {"--output", "markdown"});
    EXPECT_NE(markdown.out.find("new entity (in the new generation, not in the live one): phone"), std::string::npos)
        << markdown.out;
    auto json = plan_files("new-json", customer_job(""), cat_body(names), live, {"--output", "json"});
    Poco::JSON::Parser parser;
    auto plan = parser.parse(json.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(strings_of(plan->getArray("new_entities")), (std::vector<std::string>{"phone"}));
}

TEST(CliPlanOwnershipTest, KeepGenerationsOneKeepsTheLiveGenerationThatLacksTheNewEntity) {
    const std::vector<std::string> names = {customer("individual", "20261121t020000"), customer("address", "20261121t020000"),
                                            customer("individual", "20261122t020000"), customer("address", "20261122t020000"),
                                            customer("phone", "20261122t020000")};
    auto r = plan_files("keep", customer_job(R"(,"keep_generations":1)"), cat_body(names),
                        aliases_body({names[0], names[1]}), {"--output", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    Poco::JSON::Parser parser;
    auto plan = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(plan->getArray("deletions")->size(), 0u) << r.out;
    EXPECT_NE(r.out.find("kept for rollback"), std::string::npos) << r.out;
}

TEST(CliPlanOwnershipTest, CatalogWithoutAStatusColumnIsRefusedSayingWhatToRequest) {
    auto r = plan_files("no-status", customer_job(""), cat_body({customer("address", "20261122t020000")}, false),
                        "{}");
    EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
    EXPECT_NE(r.out.find("the catalog has no `status` column"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("h=health,status,index"), std::string::npos) << r.out;
}

TEST(CliTest, UnknownOptionExitsTwo) { EXPECT_EQ(aliasing({"plan", "--bogus"}).exit_code, 2); }

TEST(CliTest, OptionNotUsedByTheCommandIsRefused) {
    auto r = aliasing({"plugins", "--catalog", "x.json"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--catalog is not used by `aliasing plugins`"), std::string::npos) << r.err;
}

TEST(CliTest, EveryCommandHasHelpWithAnExample) {
    for (const char* command : {"run", "plan", "status", "rollback", "audit", "plugins"}) {
        auto r = aliasing({command, "--help"});
        EXPECT_EQ(r.exit_code, 0) << command;
        EXPECT_NE(r.out.find("Usage: aliasing"), std::string::npos) << command;
        EXPECT_NE(r.out.find("Example:"), std::string::npos) << command;
    }
}

TEST(CliTest, VersionNamesAbiAndLibraries) {
    auto r = aliasing({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* part : {"aliasing ", "\ncommit ", ", built 20", "plugin ABI 1.0", "Poco ", "Boost ", "simdjson "})
        EXPECT_NE(r.out.find(part), std::string::npos) << part;
}

TEST(CliTest, PluginsListsTheFourBuiltIns) {
    auto r = aliasing({"plugins"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    for (const char* name : {"customer", "smr", "smr-employee", "transaction"})
        EXPECT_NE(r.out.find(std::string(name) + "  compiled"), std::string::npos) << name << "\n" << r.out;
}

TEST(CliAuditTest, AuditFlagsOverShardedIndices) {
    auto catalog = temp_file("audit.json", R"([{"index":"tiny-1","pri":"5","rep":"0","pri.store.size":"1048576","pri.segments.count":"50"},
        {"index":"fine-1","pri":"1","rep":"0","pri.store.size":"1048576","pri.segments.count":"1"}])");
    auto r = aliasing({"audit", "--catalog", catalog});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("tiny-1: shards far too small"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("fine-1: shards"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 indices, 1 flagged"), std::string::npos) << r.out;
}

TEST(CliAuditTest, PatternSelectsIndices) {
    auto r = aliasing({"audit", "--catalog", example("catalogs/customer.json"), "--pattern", "*-account-*"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("3 indices"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace aliasing
