#include "cluster/query.hpp"

#include "api/errors.hpp"
#include "cluster/mapping.hpp"

#include <cctype>
#include <charconv>
#include <set>
#include <vector>

namespace aliasing::sim {
namespace {

void collect(const Json& node, std::string_view path, std::vector<Json>& out)
{
    if (node.is_array()) {
        for (const auto& item : node.as_array()) {
            collect(item, path, out);
        }
        return;
    }
    if (path.empty()) {
        if (!node.is_null()) {
            out.push_back(node);
        }
        return;
    }
    if (!node.is_object()) {
        return;
    }
    for (const auto& [key, child] : node.as_object()) {
        if (path.substr(0, key.size()) != key) {
            continue;
        }
        if (path.size() == key.size()) {
            collect(child, "", out);
        } else if (path[key.size()] == '.') {
            collect(child, path.substr(key.size() + 1), out);
        }
    }
}

std::vector<std::string> tokens(const std::string& text)
{
    std::vector<std::string> out;
    std::string current;
    for (const char raw : text) {
        const auto c = static_cast<unsigned char>(raw);
        if (std::isalnum(c) != 0 || c >= 0x80) {
            current.push_back(static_cast<char>(std::tolower(c)));
        } else if (!current.empty()) {
            out.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) {
        out.push_back(current);
    }
    return out;
}

std::string text_of(const Json& value)
{
    if (value.is_string()) {
        return value.as_string();
    }
    if (value.is_bool()) {
        return value.as_bool() ? "true" : "false";
    }
    return value.dump();
}

bool numeric_type(const std::string& type)
{
    static const std::set<std::string> numeric{"long",  "integer",    "short",        "byte",
                                               "double", "float",     "half_float",   "scaled_float",
                                               "unsigned_long"};
    return numeric.count(type) != 0;
}

std::optional<double> number_of(const Json& value)
{
    if (value.is_number()) {
        return value.as_double();
    }
    if (!value.is_string()) {
        return std::nullopt;
    }
    double parsed = 0;
    const std::string& text = value.as_string();
    const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return parsed;
}

/// One stored value against one query value, the way the field's type indexes it.
bool value_equals(const std::string& type, const Json& stored, const Json& wanted)
{
    if (numeric_type(type)) {
        const auto left = number_of(stored);
        const auto right = number_of(wanted);
        if (!right) {
            throw full_error(400, "query_shard_exception",
                             "failed to create query: For input string: \"" + text_of(wanted) + "\"");
        }
        return left && *left == *right;
    }
    return text_of(stored) == text_of(wanted);
}

struct FieldValues {
    std::string type;
    std::vector<Json> values;
};

std::optional<FieldValues> field_values(const Json& source, const Json& mappings, const std::string& field)
{
    const auto mapped = find_field(mappings, field);
    if (!mapped || mapped->type == "object" || mapped->type == "nested") {
        return std::nullopt;
    }
    FieldValues out;
    out.type = mapped->type;
    collect(source, mapped->source_path, out.values);
    return out;
}

bool term_matches(const Json& source, const Json& mappings, const std::string& field, const Json& wanted)
{
    const auto found = field_values(source, mappings, field);
    if (!found) {
        return false;
    }
    for (const auto& value : found->values) {
        if (found->type == "text") {
            for (const auto& token : tokens(text_of(value))) {
                if (token == text_of(wanted)) {
                    return true;
                }
            }
        } else if (value_equals(found->type, value, wanted)) {
            return true;
        }
    }
    return false;
}

const Json& clause_value(const Json& body, std::string_view key)
{
    if (body.is_object()) {
        if (const Json* value = body.find(key)) {
            return *value;
        }
    }
    return body;
}

bool match_matches(const Json& source, const Json& mappings, const std::string& field, const Json& body)
{
    const Json& query = clause_value(body, "query");
    const auto found = field_values(source, mappings, field);
    if (!found) {
        return false;
    }
    if (found->type != "text") {
        return term_matches(source, mappings, field, query);
    }
    const Json* operator_value = body.is_object() ? body.find("operator") : nullptr;
    const bool all = operator_value != nullptr && operator_value->is_string() &&
                     (operator_value->as_string() == "and" || operator_value->as_string() == "AND");
    std::set<std::string> present;
    for (const auto& value : found->values) {
        for (auto& token : tokens(text_of(value))) {
            present.insert(std::move(token));
        }
    }
    const auto wanted = tokens(text_of(query));
    if (wanted.empty()) {
        return false;
    }
    std::size_t hits = 0;
    for (const auto& token : wanted) {
        hits += present.count(token);
    }
    return all ? hits == wanted.size() : hits > 0;
}

bool range_matches(const Json& source, const Json& mappings, const std::string& field, const Json& bounds)
{
    const auto found = field_values(source, mappings, field);
    if (!found) {
        return false;
    }
    for (const auto& value : found->values) {
        bool inside = true;
        for (const auto& [op, limit] : bounds.as_object()) {
            int order = 0;
            if (numeric_type(found->type)) {
                const auto left = number_of(value);
                const auto right = number_of(limit);
                if (!left || !right) {
                    inside = false;
                    break;
                }
                order = *left < *right ? -1 : (*left > *right ? 1 : 0);
            } else {
                const int compared = text_of(value).compare(text_of(limit));
                order = compared < 0 ? -1 : (compared > 0 ? 1 : 0);
            }
            if ((op == "gt" && order <= 0) || (op == "gte" && order < 0) || (op == "lt" && order >= 0) ||
                (op == "lte" && order > 0)) {
                inside = false;
            }
        }
        if (inside) {
            return true;
        }
    }
    return false;
}

std::vector<const Json*> clauses_of(const Json* clauses)
{
    std::vector<const Json*> out;
    if (clauses == nullptr) {
        return out;
    }
    if (clauses->is_array()) {
        for (const auto& clause : clauses->as_array()) {
            out.push_back(&clause);
        }
    } else {
        out.push_back(clauses);
    }
    return out;
}

bool bool_matches(const Json& body, const Json& source, const Json& mappings)
{
    for (const char* key : {"must", "filter"}) {
        for (const Json* clause : clauses_of(body.find(key))) {
            if (!query_matches(*clause, source, mappings)) {
                return false;
            }
        }
    }
    for (const Json* clause : clauses_of(body.find("must_not"))) {
        if (query_matches(*clause, source, mappings)) {
            return false;
        }
    }
    const auto should = clauses_of(body.find("should"));
    const bool scoring = body.find("must") != nullptr || body.find("filter") != nullptr;
    std::int64_t minimum = should.empty() || scoring ? 0 : 1;
    if (const Json* given = body.find("minimum_should_match")) {
        minimum = given->is_integer() ? given->as_int() : number_of(*given).value_or(1);
    }
    std::int64_t hits = 0;
    for (const Json* clause : should) {
        hits += query_matches(*clause, source, mappings) ? 1 : 0;
    }
    return hits >= minimum;
}

}  // namespace

bool is_match_all(const Json& query)
{
    return query.is_object() && query.size() == 1 && query.find("match_all") != nullptr;
}

bool query_matches(const Json& query, const Json& source, const Json& mappings)
{
    const auto& [name, body] = query.as_object().front();
    if (name == "match_all") {
        return true;
    }
    if (name == "match_none") {
        return false;
    }
    if (name == "bool") {
        return bool_matches(body, source, mappings);
    }
    if (name == "exists") {
        const auto found = field_values(source, mappings, body["field"].as_string());
        return found && !found->values.empty();
    }
    const auto& [field, value] = body.as_object().front();
    if (name == "term") {
        return term_matches(source, mappings, field, clause_value(value, "value"));
    }
    if (name == "terms") {
        for (const auto& wanted : value.as_array()) {
            if (term_matches(source, mappings, field, wanted)) {
                return true;
            }
        }
        return false;
    }
    if (name == "range") {
        return range_matches(source, mappings, field, value);
    }
    return match_matches(source, mappings, field, value);
}

Json query_from_q(const std::string& q)
{
    if (q == "*" || q == "*:*") {
        return Json::parse(R"({"match_all":{}})").value_or(Json());
    }
    const auto colon = q.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == q.size()) {
        throw full_error(400, "query_shard_exception",
                         "aliasing-sim: only q=*, q=*:* and q=field:value are simulated, got [" + q + "]");
    }
    Json query = Json::object();
    query["match"][q.substr(0, colon)] = q.substr(colon + 1);
    return query;
}

}  // namespace aliasing::sim
