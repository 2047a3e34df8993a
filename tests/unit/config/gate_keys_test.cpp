// The content-gate keys of the job file (SPEC §13): defaults, accepted forms, and every bad value named.
#include "aliasing/config/job.hpp"

#include <gtest/gtest.h>

#include <string>

namespace aliasing {
namespace {

constexpr const char* kRequired =
    R"("alias_name":"customer-prod","data_source":"customer","index_base":"customer-2_0_0")";

std::string with(const std::string& member) { return std::string("{") + kRequired + "," + member + "}"; }

Job job_of(const std::string& text) {
    auto parsed = parse_job(text, "job.json");
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? *parsed : Job{};
}

std::string error_of(const std::string& text) {
    const auto parsed = parse_job(text, "job.json");
    EXPECT_FALSE(parsed.ok()) << text;
    if (parsed.ok()) return "";
    EXPECT_EQ(parsed.error().kind, ErrorKind::Usage);
    return parsed.error().message;
}

#define EXPECT_CONTAINS(haystack, needle)                                            \
    do {                                                                             \
        const std::string haystack_ = (haystack);                                    \
        EXPECT_NE(haystack_.find(needle), std::string::npos) << "in: " << haystack_; \
    } while (false)

TEST(GateKeys, DefaultsWhenAbsent) {
    const Job job = job_of(std::string("{") + kRequired + "}");
    const DocTolerances tolerances = resolve_tolerances(job.gates, std::nullopt);
    EXPECT_EQ(tolerances.min_docs, 1u);
    EXPECT_EQ(tolerances.max_docs_drop_pct, 20u);
    EXPECT_FALSE(tolerances.max_docs_growth_pct);
    EXPECT_EQ(job.gates.mapping_check, MappingCheck::Superset);
    EXPECT_FALSE(job.gates.smoke_query);
    EXPECT_TRUE(job.gates.disk_check);
}

TEST(GateKeys, NumbersAndDecimalStringsAreRead) {
    const Job job = job_of(with(R"("min_docs":0,"max_docs_drop_pct":"100","max_docs_growth_pct":50)"));
    EXPECT_EQ(job.gates.min_docs, 0u);
    EXPECT_EQ(job.gates.max_docs_drop_pct, 100u);
    EXPECT_EQ(job.gates.max_docs_growth_pct, 50u);
}

TEST(GateKeys, NegativeMinDocsIsRefusedNamingKeyAndValue) {
    EXPECT_CONTAINS(error_of(with(R"("min_docs":-1)")), R"(key "min_docs": value -1 is not valid: expected an integer ≥ 0)");
}

TEST(GateKeys, DropPercentAboveOneHundredIsRefused) {
    EXPECT_CONTAINS(error_of(with(R"("max_docs_drop_pct":101)")),
                    R"(key "max_docs_drop_pct": value 101 is not valid: expected an integer from 0 to 100)");
}

TEST(GateKeys, DropPercentOfOneHundredIsTheLargestAccepted) {
    EXPECT_EQ(job_of(with(R"("max_docs_drop_pct":100)")).gates.max_docs_drop_pct, 100u);
}

TEST(GateKeys, FractionalGrowthIsRefused) {
    EXPECT_CONTAINS(error_of(with(R"("max_docs_growth_pct":2.5)")), R"(key "max_docs_growth_pct": value 2.5 is not valid)");
}

TEST(GateKeys, MappingCheckTakesItsThreeValues) {
    EXPECT_EQ(job_of(with(R"("mapping_check":"exact")")).gates.mapping_check, MappingCheck::Exact);
    EXPECT_EQ(job_of(with(R"("mapping_check":"off")")).gates.mapping_check, MappingCheck::Off);
    EXPECT_CONTAINS(error_of(with(R"("mapping_check":"strict")")),
                    R"(key "mapping_check": value "strict" is not valid: expected one of "superset")");
}

TEST(GateKeys, SmokeQueryIsRead) {
    const Job job = job_of(with(R"("smoke_query":{"query":{"match_all":{}},"min_hits":10,"per_index":false})"));
    ASSERT_TRUE(job.gates.smoke_query);
    EXPECT_EQ(job.gates.smoke_query->query_json, R"({"match_all":{}})");
    EXPECT_EQ(job.gates.smoke_query->min_hits, 10u);
    EXPECT_FALSE(job.gates.smoke_query->per_index);
}

TEST(GateKeys, SmokeQueryPerIndexDefaultsToTrue) {
    EXPECT_TRUE(job_of(with(R"("smoke_query":{"query":{"term":{"a":"b"}},"min_hits":1})")).gates.smoke_query->per_index);
}

TEST(GateKeys, SmokeQueryWithoutMinHitsIsRefused) {
    EXPECT_CONTAINS(error_of(with(R"("smoke_query":{"query":{"match_all":{}}})")),
                    R"("query" and "min_hits" are required)");
}

TEST(GateKeys, SmokeQueryWithUnknownMemberIsRefusedNamingIt) {
    EXPECT_CONTAINS(error_of(with(R"("smoke_query":{"query":{"match_all":{}},"min_hits":1,"size":3})")),
                    R"("size" is not a known member)");
}

TEST(GateKeys, SmokeQueryThatIsNotAnObjectIsRefused) {
    EXPECT_CONTAINS(error_of(with(R"("smoke_query":"match_all")")), R"(key "smoke_query": value "match_all" is not valid)");
}

TEST(GateKeys, DiskCheckFalseDisablesIt) {
    EXPECT_FALSE(job_of(with(R"("disk_check":false)")).gates.disk_check);
    EXPECT_CONTAINS(error_of(with(R"("disk_check":"no")")), R"(key "disk_check": value "no" is not valid)");
}

TEST(GateKeys, JobKeysOverridePluginDefaults) {
    DocTolerances plugin;
    plugin.max_docs_drop_pct = 10;
    plugin.max_docs_growth_pct = 5;
    const Job job = job_of(with(R"("max_docs_drop_pct":30)"));
    const DocTolerances tolerances = resolve_tolerances(job.gates, plugin);
    EXPECT_EQ(tolerances.max_docs_drop_pct, 30u);
    EXPECT_EQ(tolerances.max_docs_growth_pct, 5u);
}

}  // namespace
}  // namespace aliasing
