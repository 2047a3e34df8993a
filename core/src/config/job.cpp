// The job file (SPEC §3): the original string-valued format and native JSON types. Every problem in the file
// is reported at once, one line each, naming the key, the value and what was expected.
#include "aliasing/config/job.hpp"
#include "job_values.hpp"

#include "aliasing/common/closest_name.hpp"
#include "aliasing/common/join.hpp"

#include "aliasing/io/file_io.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {
namespace {

using namespace job_file;

constexpr std::array<std::string_view, 17> kKnownKeys = {
    "abort_run",   "alias_name",            "data_source",
    "delete_old",  "entities",              "forcemerge_new",
    "foreign_alias_targets", "index_base",  "keep_generations",
    "max_segment_size_bytes", "new_replicas",
    "disk_check", "mapping_check", "max_docs_drop_pct", "max_docs_growth_pct", "min_docs", "smoke_query"};

constexpr std::string_view kExpectCount =
    R"(expected an integer ≥ 0 (a number or a decimal string such as "1"))";
constexpr std::string_view kExpectBytes =
    R"(expected an integer > 0 (a number of bytes or a decimal string such as "5368709120"))";
constexpr std::string_view kExpectPercent =
    R"(expected an integer from 0 to 100 (a number or a decimal string such as "20"; 100 disables the check))";
constexpr std::string_view kExpectGrowth =
    R"(expected an integer ≥ 0, a percentage (a number or a decimal string such as "50"))";

void unknown_key(Problems& problems, const std::string& key) {
    const std::string best = closest_name(key, std::vector<std::string_view>(kKnownKeys.begin(), kKnownKeys.end()));
    std::string line = problems.prefix(key) + " is not a known key";
    if (!best.empty()) line += "; did you mean \"" + std::string(best) + "\"?";
    line += " (known keys: ";
    for (std::size_t i = 0; i < kKnownKeys.size(); ++i)
        line += (i == 0 ? "" : ", ") + std::string(kKnownKeys[i]);
    line += ")";
    problems.add(std::move(line));
}

// Poco builds the object with the last of repeated keys silently winning; a job file that says delete_old
// twice is ambiguous, so repeated top-level keys are recorded and refused.
class DuplicateKeyHandler : public Poco::JSON::ParseHandler {
  public:
    DuplicateKeyHandler() : Poco::JSON::ParseHandler(/*preserveObjectOrder=*/true) {}

    void startObject() override {
        ++m_depth;
        Poco::JSON::ParseHandler::startObject();
    }
    void endObject() override {
        --m_depth;
        Poco::JSON::ParseHandler::endObject();
    }
    void key(const std::string& name) override {
        if (m_depth == 1 && !m_seen.insert(name).second &&
            std::find(m_duplicates.begin(), m_duplicates.end(), name) == m_duplicates.end()) {
            m_duplicates.push_back(name);
        }
        Poco::JSON::ParseHandler::key(name);
    }

    const std::vector<std::string>& duplicates() const { return m_duplicates; }

  private:
    int m_depth = 0;
    std::set<std::string> m_seen;
    std::vector<std::string> m_duplicates;
};

std::string syntax_error_message(std::string_view origin, std::string_view text, const std::string& reason) {
    std::string message = std::string(origin) + ": not valid JSON";
    if (const auto offset = json_syntax_error_offset(text)) {
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < *offset; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        message += " at line " + std::to_string(line) + ", column " + std::to_string(column);
    }
    return message + ": " + reason + "; the job file must be one JSON object such as {\"alias_name\": " +
           "\"customer-prod\", \"data_source\": \"customer\", \"index_base\": \"customer-2_0_0\"}";
}

// What a JSON text that is not an object holds, judged by its first byte (Poco cannot build a scalar
// document).
std::string_view non_object_kind(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    switch (text[first]) {
        case '{':
            return {};
        case '[':
            return "an array";
        case '"':
            return "a string";
        case 't':
        case 'f':
            return "a boolean";
        case 'n':
            return "null";
        default:
            return text[first] == '-' || (text[first] >= '0' && text[first] <= '9') ? "a number" : "";
    }
}

void read_key(Problems& problems, Job& job, const std::string& key, const Var& value) {
    if (key == "alias_name") {
        read_name(problems, key, value,
                  R"(expected a valid Elasticsearch alias name such as "customer-prod")", &alias_name_problem,
                  job.alias_name);
    } else if (key == "data_source") {
        read_name(problems, key, value, R"(expected a data source name such as "customer")", nullptr,
                  job.data_source);
    } else if (key == "index_base") {
        read_name(problems, key, value,
                  R"(expected the start of a valid Elasticsearch index name such as "customer-2_0_0")",
                  &index_name_problem, job.index_base);
    } else if (key == "abort_run") {
        read_bool(problems, key, value, job.abort_run);
    } else if (key == "delete_old") {
        read_bool(problems, key, value, job.delete_old);
    } else if (key == "forcemerge_new") {
        read_bool(problems, key, value, job.forcemerge_new);
    } else if (key == "new_replicas") {
        if (const auto number = read_integer<int>(problems, key, value, 0, kExpectCount))
            job.new_replicas = *number;
    } else if (key == "keep_generations") {
        if (const auto number = read_integer<int>(problems, key, value, 0, kExpectCount))
            job.keep_generations = *number;
    } else if (key == "max_segment_size_bytes") {
        if (const auto number = read_integer<std::int64_t>(problems, key, value, 1, kExpectBytes)) {
            job.max_segment_size_bytes = static_cast<std::uint64_t>(*number);
        }
    } else if (key == "entities") {
        read_entities(problems, key, value, job.entities);
    } else if (key == "foreign_alias_targets") {
        read_foreign_policy(problems, key, value, job.foreign_alias_targets);
    } else if (key == "min_docs") {
        if (const auto number = read_integer<std::int64_t>(problems, key, value, 0, kExpectCount))
            job.gates.min_docs = static_cast<std::uint64_t>(*number);
    } else if (key == "max_docs_drop_pct") {
        const auto number = to_unsigned(value);
        if (!number || *number > 100) {
            bad_value(problems, key, value, kExpectPercent);
        } else {
            job.gates.max_docs_drop_pct = static_cast<std::uint32_t>(*number);
        }
    } else if (key == "max_docs_growth_pct") {
        if (const auto number = read_integer<std::int32_t>(problems, key, value, 0, kExpectGrowth))
            job.gates.max_docs_growth_pct = static_cast<std::uint32_t>(*number);
    } else if (key == "mapping_check") {
        read_mapping_check(problems, key, value, job.gates.mapping_check);
    } else if (key == "smoke_query") {
        read_smoke_query(problems, key, value, job.gates.smoke_query);
    } else if (key == "disk_check") {
        read_bool(problems, key, value, job.gates.disk_check);
    } else {
        unknown_key(problems, key);
    }
}

}  // namespace

const char* to_string(ForeignAliasTargets policy) {
    switch (policy) {
        case ForeignAliasTargets::Refuse: return "refuse";
        case ForeignAliasTargets::Keep: return "keep";
        case ForeignAliasTargets::Remove: return "remove";
    }
    return "refuse";
}

const char* to_string(MappingCheck check) {
    switch (check) {
        case MappingCheck::Superset: return "superset";
        case MappingCheck::Exact: return "exact";
        case MappingCheck::Off: return "off";
    }
    return "superset";
}

DocTolerances resolve_tolerances(const GateSettings& job, const std::optional<DocTolerances>& plugin_defaults) {
    DocTolerances tolerances = plugin_defaults.value_or(DocTolerances{});
    if (job.min_docs) tolerances.min_docs = *job.min_docs;
    if (job.max_docs_drop_pct) tolerances.max_docs_drop_pct = *job.max_docs_drop_pct;
    if (job.max_docs_growth_pct) tolerances.max_docs_growth_pct = job.max_docs_growth_pct;
    return tolerances;
}

Result<Job> parse_job(std::string_view json_text, std::string_view origin) {
    constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
    if (json_text.substr(0, kUtf8Bom.size()) == kUtf8Bom) json_text.remove_prefix(kUtf8Bom.size());

    if (const auto kind = non_object_kind(json_text); !kind.empty() && !json_syntax_error_offset(json_text)) {
        return make_error(ErrorKind::Usage, std::string(origin) +
                                                ": the job file must be a JSON object, found " +
                                                std::string(kind) +
                                                "; write {\"alias_name\": ..., \"data_source\": ..., "
                                                "\"index_base\": ...}");
    }
    Poco::SharedPtr<DuplicateKeyHandler> handler = new DuplicateKeyHandler;
    Var root;
    try {
        Poco::JSON::Parser parser(handler);
        root = parser.parse(std::string(json_text));
    } catch (const Poco::Exception& error) {
        return make_error(ErrorKind::Usage, syntax_error_message(origin, json_text, error.message()));
    }
    // Poco stops after the first value and ignores some bytes after it (found by fuzz_job): the whole text must be
    // one JSON value.
    if (json_syntax_error_offset(json_text)) {
        return make_error(ErrorKind::Usage, syntax_error_message(origin, json_text, "unexpected text after the value"));
    }
    if (root.type() != typeid(Poco::JSON::Object::Ptr)) {
        return make_error(ErrorKind::Usage, std::string(origin) + ": the job file must be a JSON object");
    }
    const auto& object = *root.extract<Poco::JSON::Object::Ptr>();

    Problems problems(origin);
    for (const auto& key : handler->duplicates()) {
        problems.add(problems.prefix(key) + " appears more than once; keep exactly one");
    }
    Job job;
    for (const auto& key : object.getNames()) read_key(problems, job, key, object.get(key));
    constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kRequired = {{
        {"alias_name", R"(the alias to move, such as "customer-prod")"},
        {"data_source", R"(the data source plugin, such as "customer")"},
        {"index_base", R"(the index prefix including its schema version, such as "customer-2_0_0")"},
    }};
    for (const auto& [key, meaning] : kRequired) {
        if (!object.has(std::string(key))) {
            problems.add(problems.prefix(key) + " is missing: expected " + std::string(meaning));
        }
    }
    if (!problems.empty()) return make_error(ErrorKind::Usage, problems.joined());
    return job;
}

Result<Job> load_job(const std::filesystem::path& path) {
    auto text = read_file(path);
    if (!text) return make_error(ErrorKind::Usage, "job file: " + text.error().message);
    return parse_job(*text, path.string());
}

}  // namespace aliasing
