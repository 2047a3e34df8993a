// The job file (SPEC §3): every table row, every accepted form and every kind of bad value.
#include "aliasing/config/job.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace aliasing {
namespace {

constexpr const char* kRequired =
    R"("alias_name":"customer-prod","data_source":"customer","index_base":"customer-2_0_0")";

// The job file of the original design notes, byte for byte.
constexpr const char* kSeedJob = R"({
    "abort_run":"False",
    "alias_name":"customer-prod",
    "data_source":"customer",
    "delete_old":"True",
    "forcemerge_new":"True",
    "index_base":"customer-2_0_0",
    "new_replicas":"1"
}
)";

// A valid job with one extra member, e.g. with(R"("delete_old":true)").
std::string with(const std::string& member) {
    return std::string("{") + kRequired + "," + member + "}";
}

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

constexpr const char* kCountExpectation =
    R"(expected an integer ≥ 0 (a number or a decimal string such as "1"))";

// --- the original format and defaults
// ---------------------------------------------------------------------------

TEST(ParseJob, SeedJobFileParses) {
    const Job job = job_of(kSeedJob);
    EXPECT_EQ(job.alias_name, "customer-prod");
    EXPECT_EQ(job.data_source, "customer");
    EXPECT_EQ(job.index_base, "customer-2_0_0");
    EXPECT_FALSE(job.abort_run);
    EXPECT_TRUE(job.delete_old);
    EXPECT_TRUE(job.forcemerge_new);
    EXPECT_EQ(job.new_replicas, 1);
}

TEST(ParseJob, OptionalKeysDefaultWhenAbsent) {
    const Job job = job_of(std::string("{") + kRequired + "}");
    EXPECT_FALSE(job.abort_run);
    EXPECT_FALSE(job.delete_old);
    EXPECT_FALSE(job.forcemerge_new);
    EXPECT_FALSE(job.new_replicas.has_value());
    EXPECT_FALSE(job.max_segment_size_bytes.has_value());
    EXPECT_FALSE(job.entities.has_value());
    EXPECT_EQ(job.keep_generations, 0);
}

TEST(ParseJob, Utf8ByteOrderMarkIsIgnored) {
    EXPECT_EQ(job_of("\xEF\xBB\xBF" + std::string(kSeedJob)).new_replicas, 1);
}

// --- required strings
// -------------------------------------------------------------------------------------------

TEST(ParseJob, MissingAliasNameIsNamed) {
    const auto message = error_of(R"({"data_source":"customer","index_base":"customer-2_0_0"})");
    EXPECT_CONTAINS(message, R"(job.json: key "alias_name" is missing)");
}

TEST(ParseJob, MissingDataSourceIsNamed) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"customer-prod","index_base":"customer-2_0_0"})"),
                    R"(key "data_source" is missing)");
}

TEST(ParseJob, MissingIndexBaseIsNamed) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"customer-prod","data_source":"customer"})"),
                    R"(key "index_base" is missing)");
}

TEST(ParseJob, EmptyAliasNameIsRejected) {
    EXPECT_CONTAINS(
        error_of(R"({"alias_name":"","data_source":"customer","index_base":"customer-2_0_0"})"),
        R"(job.json: key "alias_name": value "" is not valid: expected a valid Elasticsearch alias name)");
}

TEST(ParseJob, EmptyDataSourceIsRejected) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"a","data_source":"","index_base":"customer-2_0_0"})"),
                    R"(key "data_source": value "" is not valid)");
}

TEST(ParseJob, NumberAsDataSourceIsRejected) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"a","data_source":7,"index_base":"customer-2_0_0"})"),
                    R"(key "data_source": value 7 is not valid)");
}

TEST(ParseJob, NullIndexBaseIsRejected) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"a","data_source":"customer","index_base":null})"),
                    R"(key "index_base": value null is not valid)");
}

TEST(ParseJob, ArrayAsAliasNameIsRejected) {
    EXPECT_CONTAINS(
        error_of(R"({"alias_name":["a"],"data_source":"customer","index_base":"customer-2_0_0"})"),
        R"(key "alias_name": value ["a"] is not valid)");
}

TEST(ParseJob, InvalidAliasNameGivesTheElasticsearchReason) {
    EXPECT_CONTAINS(
        error_of(R"({"alias_name":"customer:prod","data_source":"customer","index_base":"customer-2_0_0"})"),
        R"(key "alias_name": value "customer:prod" is not valid: Invalid alias name [customer:prod], )"
        R"(must not contain ':')");
}

TEST(ParseJob, UppercaseAliasNameIsAccepted) {
    EXPECT_EQ(
        job_of(R"({"alias_name":"Customer-Prod","data_source":"customer","index_base":"customer-2_0_0"})")
            .alias_name,
        "Customer-Prod");
}

TEST(ParseJob, UppercaseIndexBaseIsRejected) {
    EXPECT_CONTAINS(
        error_of(R"({"alias_name":"a","data_source":"customer","index_base":"Customer-2_0_0"})"),
        R"(key "index_base": value "Customer-2_0_0" is not valid: Invalid index name [Customer-2_0_0], )"
        R"(must be lowercase)");
}

TEST(ParseJob, IndexBaseStartingWithUnderscoreIsRejected) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"a","data_source":"customer","index_base":"_customer"})"),
                    "must not start with '_', '-', or '+'");
}

TEST(ParseJob, IndexBaseWithWildcardIsRejected) {
    EXPECT_CONTAINS(error_of(R"({"alias_name":"a","data_source":"customer","index_base":"customer-*"})"),
                    "Invalid index name [customer-*], must not contain the following characters");
}

// --- booleans
// ---------------------------------------------------------------------------------------------------

TEST(ParseJob, BooleanAcceptsJsonTrueAndFalse) {
    EXPECT_TRUE(job_of(with(R"("delete_old":true)")).delete_old);
    EXPECT_FALSE(job_of(with(R"("delete_old":false)")).delete_old);
}

TEST(ParseJob, BooleanAcceptsCapitalisedStrings) {
    EXPECT_TRUE(job_of(with(R"("abort_run":"True")")).abort_run);
    EXPECT_FALSE(job_of(with(R"("abort_run":"False")")).abort_run);
}

TEST(ParseJob, BooleanAcceptsLowercaseStrings) {
    EXPECT_TRUE(job_of(with(R"("forcemerge_new":"true")")).forcemerge_new);
    EXPECT_FALSE(job_of(with(R"("forcemerge_new":"false")")).forcemerge_new);
}

TEST(ParseJob, BooleanRejectsYesNamingKeyValueAndExpectation) {
    EXPECT_EQ(
        error_of(with(R"("delete_old":"yes")")),
        R"(job.json: key "delete_old": value "yes" is not valid: expected a boolean (true or false, or one of )"
        R"(the strings "True", "False", "true", "false"))");
}

TEST(ParseJob, BooleanRejectsUppercaseString) {
    EXPECT_CONTAINS(error_of(with(R"("abort_run":"TRUE")")), R"(key "abort_run": value "TRUE" is not valid)");
}

TEST(ParseJob, BooleanRejectsNumberOne) {
    EXPECT_CONTAINS(error_of(with(R"("forcemerge_new":1)")), R"(key "forcemerge_new": value 1 is not valid)");
}

TEST(ParseJob, BooleanRejectsEmptyString) {
    EXPECT_CONTAINS(error_of(with(R"("delete_old":"")")), R"(key "delete_old": value "" is not valid)");
}

TEST(ParseJob, BooleanRejectsNull) {
    EXPECT_CONTAINS(error_of(with(R"("delete_old":null)")), R"(key "delete_old": value null is not valid)");
}

TEST(ParseJob, BooleanRejectsArray) {
    EXPECT_CONTAINS(error_of(with(R"("delete_old":[true])")),
                    R"(key "delete_old": value [true] is not valid)");
}

TEST(ParseJob, BooleanRejectsObject) {
    EXPECT_CONTAINS(error_of(with(R"("abort_run":{"value":true})")),
                    R"(key "abort_run": value {"value":true})");
}

TEST(ParseJob, BooleanRejectsStringWithSpaces) {
    EXPECT_CONTAINS(error_of(with(R"("delete_old":" True")")),
                    R"(key "delete_old": value " True" is not valid)");
}

// --- new_replicas: int ≥ 0
// --------------------------------------------------------------------------------------

TEST(ParseJob, NewReplicasAcceptsNumber) {
    EXPECT_EQ(job_of(with(R"("new_replicas":2)")).new_replicas, 2);
}

TEST(ParseJob, NewReplicasAcceptsDecimalString) {
    EXPECT_EQ(job_of(with(R"("new_replicas":"2")")).new_replicas, 2);
}

TEST(ParseJob, NewReplicasAcceptsZero) {
    EXPECT_EQ(job_of(with(R"("new_replicas":0)")).new_replicas, 0);
    EXPECT_EQ(job_of(with(R"("new_replicas":"0")")).new_replicas, 0);
}

TEST(ParseJob, NewReplicasRejectsYesWithTheFullMessage) {
    EXPECT_EQ(error_of(with(R"("new_replicas":"yes")")),
              std::string(R"(job.json: key "new_replicas": value "yes" is not valid: )") + kCountExpectation);
}

TEST(ParseJob, NewReplicasRejectsNegativeString) {
    EXPECT_EQ(error_of(with(R"("new_replicas":"-1")")),
              std::string(R"(job.json: key "new_replicas": value "-1" is not valid: )") + kCountExpectation);
}

TEST(ParseJob, NewReplicasRejectsNegativeNumber) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":-1)")), R"(key "new_replicas": value -1 is not valid)");
}

TEST(ParseJob, NewReplicasRejectsFractionalString) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":"1.5")")),
                    R"(key "new_replicas": value "1.5" is not valid)");
}

TEST(ParseJob, NewReplicasRejectsFractionalNumber) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":1.5)")), R"(key "new_replicas": value 1.5 is not valid)");
}

TEST(ParseJob, NewReplicasRejectsLeadingZeros) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":"01")")),
                    R"(key "new_replicas": value "01" is not valid)");
}

TEST(ParseJob, NewReplicasRejectsPlusSign) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":"+1")")),
                    R"(key "new_replicas": value "+1" is not valid)");
}

TEST(ParseJob, NewReplicasRejectsSurroundingSpaces) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":" 1")")),
                    R"(key "new_replicas": value " 1" is not valid)");
}

TEST(ParseJob, NewReplicasRejectsEmptyString) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":"")")), R"(key "new_replicas": value "" is not valid)");
}

TEST(ParseJob, NewReplicasRejectsNull) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":null)")),
                    R"(key "new_replicas": value null is not valid)");
}

TEST(ParseJob, NewReplicasRejectsBoolean) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":true)")),
                    R"(key "new_replicas": value true is not valid)");
}

TEST(ParseJob, NewReplicasRejectsArray) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":[1])")), R"(key "new_replicas": value [1] is not valid)");
}

TEST(ParseJob, NewReplicasRejectsValueBeyondIntRangeNamingTheLimit) {
    EXPECT_CONTAINS(error_of(with(R"("new_replicas":"3000000000")")), "at most 2147483647");
}

// --- foreign_alias_targets: "refuse" (default), "keep" or "remove"
// ----------------------------------------------------------------------------------

TEST(ParseJob, ForeignAliasTargetsDefaultsToRefuse) {
    EXPECT_EQ(job_of(with(R"("delete_old":true)")).foreign_alias_targets, ForeignAliasTargets::Refuse);
}

TEST(ParseJob, ForeignAliasTargetsAcceptsEachPolicy) {
    EXPECT_EQ(job_of(with(R"("foreign_alias_targets":"keep")")).foreign_alias_targets, ForeignAliasTargets::Keep);
    EXPECT_EQ(job_of(with(R"("foreign_alias_targets":"remove")")).foreign_alias_targets, ForeignAliasTargets::Remove);
    EXPECT_EQ(job_of(with(R"("foreign_alias_targets":"refuse")")).foreign_alias_targets, ForeignAliasTargets::Refuse);
}

TEST(ParseJob, ForeignAliasTargetsWrongValueNamesKeyValueAndTheAllowedValues) {
    const auto message = error_of(with(R"("foreign_alias_targets":"Keep")"));
    EXPECT_CONTAINS(message, R"(job.json: key "foreign_alias_targets": value "Keep" is not valid: expected one of "refuse")");
    EXPECT_CONTAINS(message, R"("keep")");
    EXPECT_CONTAINS(message, R"("remove")");
    EXPECT_CONTAINS(error_of(with(R"("foreign_alias_targets":true)")), R"(key "foreign_alias_targets": value true)");
}

// --- keep_generations: int ≥ 0
// ----------------------------------------------------------------------------------

TEST(ParseJob, KeepGenerationsAcceptsNumberAndString) {
    EXPECT_EQ(job_of(with(R"("keep_generations":3)")).keep_generations, 3);
    EXPECT_EQ(job_of(with(R"("keep_generations":"3")")).keep_generations, 3);
}

TEST(ParseJob, KeepGenerationsRejectsNegative) {
    EXPECT_EQ(
        error_of(with(R"("keep_generations":"-1")")),
        std::string(R"(job.json: key "keep_generations": value "-1" is not valid: )") + kCountExpectation);
}

TEST(ParseJob, KeepGenerationsRejectsWord) {
    EXPECT_CONTAINS(error_of(with(R"("keep_generations":"two")")), R"(key "keep_generations": value "two")");
}

// --- max_segment_size_bytes: int > 0, 64-bit
// --------------------------------------------------------------------

TEST(ParseJob, MaxSegmentSizeAcceptsNumberBeyond32Bits) {
    EXPECT_EQ(job_of(with(R"("max_segment_size_bytes":5368709120)")).max_segment_size_bytes, 5368709120ULL);
}

TEST(ParseJob, MaxSegmentSizeAcceptsDecimalString) {
    EXPECT_EQ(job_of(with(R"("max_segment_size_bytes":"2147483648")")).max_segment_size_bytes, 2147483648ULL);
}

TEST(ParseJob, MaxSegmentSizeRejectsZero) {
    EXPECT_EQ(
        error_of(with(R"("max_segment_size_bytes":0)")),
        R"(job.json: key "max_segment_size_bytes": value 0 is not valid: expected an integer > 0 (a number of )"
        R"(bytes or a decimal string such as "5368709120"))");
}

TEST(ParseJob, MaxSegmentSizeRejectsUnitSuffix) {
    EXPECT_CONTAINS(error_of(with(R"("max_segment_size_bytes":"5gb")")), R"(value "5gb" is not valid)");
}

TEST(ParseJob, MaxSegmentSizeRejectsValueBeyondSigned64Bits) {
    EXPECT_CONTAINS(error_of(with(R"("max_segment_size_bytes":"18446744073709551615")")),
                    "at most 9223372036854775807");
}

TEST(ParseJob, MaxSegmentSizeRejectsValueBeyondUnsigned64Bits) {
    EXPECT_CONTAINS(error_of(with(R"("max_segment_size_bytes":"99999999999999999999")")),
                    R"(value "99999999999999999999" is not valid)");
}

// --- entities
// ---------------------------------------------------------------------------------------------------

TEST(ParseJob, EntitiesAcceptsArrayOfNames) {
    const Job job = job_of(with(R"("entities":["individual","address","employee-address"])"));
    ASSERT_TRUE(job.entities.has_value());
    EXPECT_EQ(*job.entities, (std::vector<std::string>{"individual", "address", "employee-address"}));
}

TEST(ParseJob, EntitiesRejectsDuplicates) {
    EXPECT_CONTAINS(
        error_of(with(R"("entities":["address","address"])")),
        R"(key "entities": value ["address","address"] is not valid: entity "address" is listed twice)");
}

TEST(ParseJob, EntitiesRejectsUppercase) {
    EXPECT_CONTAINS(error_of(with(R"("entities":["Address"])")), R"(entity "Address" must be lowercase)");
}

TEST(ParseJob, EntitiesRejectsEmptyName) {
    EXPECT_CONTAINS(error_of(with(R"("entities":[""])")), R"(entity "" must not be empty)");
}

TEST(ParseJob, EntitiesRejectsCharacterForbiddenInIndexNames) {
    EXPECT_CONTAINS(error_of(with(R"("entities":["a*b"])")),
                    R"(entity "a*b" must not contain the following)");
}

TEST(ParseJob, EntitiesRejectsEmptyArray) {
    EXPECT_CONTAINS(error_of(with(R"("entities":[])")), R"(key "entities": value [] is not valid)");
}

TEST(ParseJob, EntitiesRejectsCommaSeparatedString) {
    EXPECT_CONTAINS(error_of(with(R"("entities":"individual,address")")),
                    R"(key "entities": value "individual,address" is not valid: expected a non-empty array)");
}

TEST(ParseJob, EntitiesRejectsNonStringElement) {
    EXPECT_CONTAINS(error_of(with(R"("entities":["a",1])")), "element 2 is 1, not a string");
}

TEST(ParseJob, EntitiesRejectsNull) {
    EXPECT_CONTAINS(error_of(with(R"("entities":null)")), R"(key "entities": value null is not valid)");
}

// --- unknown and repeated keys
// ----------------------------------------------------------------------------------

TEST(ParseJob, UnknownKeyIsNamedWithTheClosestKnownKey) {
    EXPECT_CONTAINS(error_of(with(R"("delete_olds":"True")")),
                    R"(job.json: key "delete_olds" is not a known key; did you mean "delete_old"?)");
}

TEST(ParseJob, UnknownKeyWithDashesSuggestsUnderscores) {
    EXPECT_CONTAINS(error_of(with(R"("alias-name":"x")")), R"(did you mean "alias_name"?)");
}

TEST(ParseJob, UnknownKeyInWrongCaseSuggestsTheKnownKey) {
    EXPECT_CONTAINS(error_of(with(R"("New_Replicas":"1")")), R"(did you mean "new_replicas"?)");
}

TEST(ParseJob, UnrelatedUnknownKeyListsKnownKeysWithoutSuggestion) {
    const auto message = error_of(with(R"("es_url":"http://localhost:9200")"));
    EXPECT_CONTAINS(message, R"(key "es_url" is not a known key (known keys: abort_run, alias_name, )");
    EXPECT_EQ(message.find("did you mean"), std::string::npos) << message;
}

TEST(ParseJob, RepeatedKeyIsRejected) {
    EXPECT_CONTAINS(error_of(with(R"("delete_old":"False","delete_old":"True")")),
                    R"(key "delete_old" appears more than once)");
}

TEST(ParseJob, RepeatedKeyInsideNestedObjectIsNotMistakenForTopLevel) {
    // The nested object is itself an error (a boolean is expected), but not a repeated top-level key.
    const auto message = error_of(with(R"("abort_run":{"x":1,"x":2})"));
    EXPECT_EQ(message.find("appears more than once"), std::string::npos) << message;
}

// --- all problems at once
// ---------------------------------------------------------------------------------------

TEST(ParseJob, AllProblemsAreReportedOnePerLine) {
    const auto message = error_of(R"({"alias_name":"a","delete_old":"yes","new_replicas":"-1","bogus":1})");
    EXPECT_CONTAINS(message, R"(key "delete_old": value "yes")");
    EXPECT_CONTAINS(message, R"(key "new_replicas": value "-1")");
    EXPECT_CONTAINS(message, R"(key "bogus" is not a known key)");
    EXPECT_CONTAINS(message, R"(key "data_source" is missing)");
    EXPECT_CONTAINS(message, R"(key "index_base" is missing)");
    EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 4) << message;
}

TEST(ParseJob, ProblemsFollowTheOrderOfTheFile) {
    const auto message = error_of(with(R"("new_replicas":"x","delete_old":"x")"));
    EXPECT_LT(message.find("new_replicas"), message.find("delete_old")) << message;
}

TEST(ParseJob, OriginPrefixesEveryLine) {
    const auto parsed = parse_job(R"({"delete_old":"yes"})", "/etc/aliasing/customer.json");
    ASSERT_FALSE(parsed.ok());
    const std::string& message = parsed.error().message;
    std::size_t start = 0;
    while (start < message.size()) {
        EXPECT_EQ(message.compare(start, 28, "/etc/aliasing/customer.json:"), 0) << message;
        const auto end = message.find('\n', start);
        start = end == std::string::npos ? message.size() : end + 1;
    }
}

// --- not JSON, not an object
// ------------------------------------------------------------------------------------

TEST(ParseJob, SyntaxErrorGivesLineAndColumn) {
    const auto message = error_of("{\n    \"alias_name\":\"a\",\n    \"data_source\" \"customer\"\n}");
    EXPECT_CONTAINS(message, "job.json: not valid JSON at line 3, column 19");
}

TEST(ParseJob, TrailingCommaIsASyntaxErrorAtTheClosingBrace) {
    EXPECT_CONTAINS(error_of("{\"alias_name\":\"a\",\n}"), "at line 2, column 1");
}

TEST(ParseJob, EmptyFileIsASyntaxError) {
    EXPECT_CONTAINS(error_of(""), "job.json: not valid JSON");
}

TEST(ParseJob, TextAfterTheObjectIsASyntaxError) {
    EXPECT_CONTAINS(error_of(std::string(kSeedJob) + "x"), "job.json: not valid JSON");
}

TEST(ParseJob, TopLevelArrayIsRejected) {
    EXPECT_CONTAINS(error_of("[1,2]"), "job.json: the job file must be a JSON object, found an array");
}

TEST(ParseJob, TopLevelStringIsRejected) {
    EXPECT_CONTAINS(error_of(R"("customer")"), "must be a JSON object, found a string");
}

// --- load_job
// ---------------------------------------------------------------------------------------------------

TEST(LoadJob, ReadsAndParsesAFile) {
    const auto path =
        std::filesystem::temp_directory_path() / ("aliasing_job_test_" + std::to_string(::getpid()));
    {
        std::ofstream out(path);
        out << kSeedJob;
    }
    const auto job = load_job(path);
    std::filesystem::remove(path);
    ASSERT_TRUE(job.ok()) << job.error().message;
    EXPECT_EQ(job->index_base, "customer-2_0_0");
}

TEST(LoadJob, ErrorsNameTheFilePath) {
    const auto path =
        std::filesystem::temp_directory_path() / ("aliasing_job_bad_" + std::to_string(::getpid()));
    {
        std::ofstream out(path);
        out << R"({"delete_old":"yes"})";
    }
    const auto job = load_job(path);
    std::filesystem::remove(path);
    ASSERT_FALSE(job.ok());
    EXPECT_CONTAINS(job.error().message, path.string() + R"(: key "delete_old")");
}

TEST(LoadJob, MissingFileIsAUsageErrorNamingPathAndReason) {
    const auto job = load_job("/nonexistent/aliasing/job.json");
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().kind, ErrorKind::Usage);
    EXPECT_CONTAINS(job.error().message, "/nonexistent/aliasing/job.json");
    EXPECT_CONTAINS(job.error().message, "No such file or directory");
}

TEST(LoadJob, DirectoryIsAUsageError) {
    const auto job = load_job(std::filesystem::temp_directory_path());
    ASSERT_FALSE(job.ok());
    EXPECT_EQ(job.error().kind, ErrorKind::Usage);
}

// Found by fuzz_job: Poco stops after the first JSON value, so text after the object was ignored.
TEST(ParseJob, AnyTextAfterTheObjectIsASyntaxError) {
    const std::string job = std::string("{") + kRequired + "}";
    ASSERT_TRUE(parse_job(job, "job.json").ok());
    for (const std::string& trailing : {std::string("\xff\xff\n"), std::string(" x"), std::string("{}"),
                                       std::string(",\"delete_old\":true}")}) {
        const auto parsed = parse_job(job + trailing, "job.json");
        ASSERT_FALSE(parsed.ok()) << trailing;
        EXPECT_EQ(parsed.error().kind, ErrorKind::Usage);
        EXPECT_NE(parsed.error().message.find("not valid JSON"), std::string::npos) << parsed.error().message;
    }
    EXPECT_TRUE(parse_job(job + " \n\t\r\n", "job.json").ok()) << "trailing whitespace is fine";
}

}  // namespace
}  // namespace aliasing
