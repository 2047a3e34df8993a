// The readers of the job file's values (SPEC §3): each accepts the original string-valued form and the native JSON
// type, and says what it expected.
#include "job_values.hpp"

#include "aliasing/common/closest_name.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <sstream>

namespace aliasing::job_file {
namespace {

constexpr std::string_view kExpectBool =
    R"(expected a boolean (true or false, or one of the strings "True", "False", "true", "false"))";
constexpr std::string_view kExpectEntities =
    R"(expected a non-empty array of distinct lowercase entity names such as ["individual", "address"])";
constexpr std::string_view kExpectForeign =
    R"(expected one of "refuse" (the default: refuse a run while the alias also points to indices that are not this )"
    R"(job's), "keep" (leave them behind the alias) or "remove" (remove them from the alias with the swap))";
constexpr std::string_view kExpectMappingCheck =
    R"(expected one of "superset" (the default: every field of the live mapping exists in the new one with the )"
    R"(same type), "exact" (the mappings are equal) or "off")";
constexpr std::string_view kExpectSmoke =
    R"(expected an object {"query": {...}, "min_hits": N, "per_index": true} with a query object, an integer )"
    R"(min_hits ≥ 0 and an optional boolean per_index)";
constexpr std::size_t kMaxShownValueBytes = 120;

// The value as JSON text, whole.
std::string shown_in_full(const Var& value) {
    std::ostringstream out;
    try {
        Poco::JSON::Stringifier::stringify(value, out);
    } catch (const Poco::Exception&) {
        return {};
    }
    return out.str();
}

// The value as it appears in JSON, shortened if long.
std::string shown(const Var& value) {
    std::ostringstream out;
    try {
        Poco::JSON::Stringifier::stringify(value, out);
    } catch (const Poco::Exception&) {
        return "(unprintable value)";
    }
    std::string text = out.str();
    if (text.size() > kMaxShownValueBytes) text = text.substr(0, kMaxShownValueBytes) + "...";
    return text;
}

std::optional<bool> to_bool(const Var& value) {
    if (value.type() == typeid(bool)) return value.extract<bool>();
    if (!value.isString()) return std::nullopt;
    const auto& text = value.extract<std::string>();
    if (text == "True" || text == "true") return true;
    if (text == "False" || text == "false") return false;
    return std::nullopt;
}

}  // namespace

void bad_value(Problems& problems, std::string_view key, const Var& value, std::string_view why) {
    problems.add(problems.prefix(key) + ": value " + shown(value) + " is not valid: " + std::string(why));
}


// A non-negative integer from a JSON integer or a canonical decimal string ("0", "12"; no sign, no leading
// zeros, no spaces). Leading zeros are refused because a scheduler never writes them and they hint at a
// mangled value.
std::optional<std::uint64_t> to_unsigned(const Var& value) {
    if (value.type() == typeid(bool)) return std::nullopt;
    if (value.isInteger()) {
        if (value.isSigned()) {
            const auto number = value.convert<Poco::Int64>();
            if (number < 0) return std::nullopt;
            return static_cast<std::uint64_t>(number);
        }
        return value.convert<Poco::UInt64>();
    }
    if (!value.isString()) return std::nullopt;
    const auto& text = value.extract<std::string>();
    if (text.empty() || (text.size() > 1 && text.front() == '0')) return std::nullopt;
    if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return number;
}


void read_bool(Problems& problems, std::string_view key, const Var& value, bool& target) {
    if (const auto flag = to_bool(value)) {
        target = *flag;
    } else {
        bad_value(problems, key, value, kExpectBool);
    }
}

void read_name(Problems& problems, std::string_view key, const Var& value, std::string_view expectation,
               std::string (*name_problem)(std::string_view), std::string& target) {
    if (!value.isString() || value.extract<std::string>().empty()) {
        bad_value(problems, key, value, expectation);
        return;
    }
    const auto& text = value.extract<std::string>();
    if (name_problem) {
        if (const auto problem = name_problem(text); !problem.empty()) {
            bad_value(problems, key, value, problem + "; " + std::string(expectation));
            return;
        }
    }
    target = text;
}

void read_foreign_policy(Problems& problems, std::string_view key, const Var& value, ForeignAliasTargets& target) {
    if (value.isString()) {
        const auto& text = value.extract<std::string>();
        for (auto policy : {ForeignAliasTargets::Refuse, ForeignAliasTargets::Keep, ForeignAliasTargets::Remove}) {
            if (text == to_string(policy)) {
                target = policy;
                return;
            }
        }
    }
    bad_value(problems, key, value, kExpectForeign);
}

void read_mapping_check(Problems& problems, std::string_view key, const Var& value, MappingCheck& target) {
    if (value.isString()) {
        const auto& text = value.extract<std::string>();
        for (auto check : {MappingCheck::Superset, MappingCheck::Exact, MappingCheck::Off}) {
            if (text == to_string(check)) {
                target = check;
                return;
            }
        }
    }
    bad_value(problems, key, value, kExpectMappingCheck);
}

void read_smoke_query(Problems& problems, std::string_view key, const Var& value,
                      std::optional<SmokeQuery>& target) {
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) return bad_value(problems, key, value, kExpectSmoke);
    const auto& object = *value.extract<Poco::JSON::Object::Ptr>();
    SmokeQuery smoke;
    for (const auto& name : object.getNames()) {
        const Var member = object.get(name);
        if (name == "query") {
            if (member.type() != typeid(Poco::JSON::Object::Ptr) ||
                member.extract<Poco::JSON::Object::Ptr>()->size() == 0)
                return bad_value(problems, key, value, "\"query\" must be a non-empty object; " + std::string(kExpectSmoke));
            smoke.query_json = shown_in_full(member);
        } else if (name == "min_hits") {
            const auto number = to_unsigned(member);
            if (!number) return bad_value(problems, key, value, "\"min_hits\" is not an integer ≥ 0; " + std::string(kExpectSmoke));
            smoke.min_hits = *number;
        } else if (name == "per_index") {
            const auto flag = to_bool(member);
            if (!flag) return bad_value(problems, key, value, "\"per_index\" is not a boolean; " + std::string(kExpectSmoke));
            smoke.per_index = *flag;
        } else {
            return bad_value(problems, key, value, "\"" + name + "\" is not a known member; " + std::string(kExpectSmoke));
        }
    }
    if (smoke.query_json.empty() || !object.has("min_hits"))
        return bad_value(problems, key, value, "\"query\" and \"min_hits\" are required; " + std::string(kExpectSmoke));
    target = std::move(smoke);
}

void read_entities(Problems& problems, std::string_view key, const Var& value,
                   std::optional<std::vector<std::string>>& target) {
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) {
        bad_value(problems, key, value, kExpectEntities);
        return;
    }
    const auto& array = *value.extract<Poco::JSON::Array::Ptr>();
    if (array.size() == 0) {
        bad_value(problems, key, value, kExpectEntities);
        return;
    }
    std::vector<std::string> entities;
    std::set<std::string, std::less<>> seen;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const Var element = array.get(static_cast<unsigned>(i));
        if (!element.isString()) {
            bad_value(problems, key, value,
                      "element " + std::to_string(i + 1) + " is " + shown(element) + ", not a string; " +
                          std::string(kExpectEntities));
            return;
        }
        const auto& entity = element.extract<std::string>();
        if (const auto problem = index_name_part_problem(entity); !problem.empty()) {
            bad_value(problems, key, value,
                      "entity \"" + entity + "\" " + problem + "; " + std::string(kExpectEntities));
            return;
        }
        if (!seen.insert(entity).second) {
            bad_value(problems, key, value,
                      "entity \"" + entity + "\" is listed twice; " + std::string(kExpectEntities));
            return;
        }
        entities.push_back(entity);
    }
    target = std::move(entities);
}

}  // namespace aliasing::job_file
