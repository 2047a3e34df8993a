#include "control/faults.hpp"

#include "cluster/resolve.hpp"

#include <algorithm>

namespace aliasing::sim {
namespace {

std::string_view action_name(FaultAction action)
{
    switch (action) {
    case FaultAction::respond: return "respond";
    case FaultAction::drop: return "drop";
    case FaultAction::delay: return "delay";
    case FaultAction::master_timeout: return "master_timeout";
    }
    return "respond";
}

std::optional<std::int64_t> positive(const Json* value, std::string_view field, std::string* error)
{
    if (value == nullptr || value->is_null()) {
        return std::nullopt;
    }
    if (!value->is_integer() || value->as_int() < 0) {
        *error = "[" + std::string(field) + "] must be a non-negative integer";
        return std::nullopt;
    }
    return value->as_int();
}

}  // namespace

std::int64_t FaultTable::add(const Json& description, std::string* error)
{
    if (!description.is_object()) {
        *error = "a fault rule must be a JSON object";
        return 0;
    }
    static const char* const known[] = {"method", "path", "nth", "count", "action", "status", "body", "delay_ms", "when"};
    for (const auto& [key, value] : description.as_object()) {
        if (std::find(std::begin(known), std::end(known), key) == std::end(known)) {
            *error = "unknown fault field [" + key + "]; known: method, path, nth, count, action, status, body, "
                     "delay_ms, when";
            return 0;
        }
    }
    FaultRule rule;
    const Json* path = description.find("path");
    if (path == nullptr || !path->is_string() || path->as_string().empty()) {
        *error = "[path] is required: a glob such as /_aliases or /_cat/indices/*";
        return 0;
    }
    rule.path = path->as_string();
    if (const Json* method = description.find("method"); method != nullptr && !method->is_null()) {
        if (!method->is_string()) {
            *error = "[method] must be a string such as POST";
            return 0;
        }
        rule.method = method->as_string();
    }
    error->clear();
    rule.nth = positive(description.find("nth"), "nth", error);
    const auto count = positive(description.find("count"), "count", error);
    const auto status = positive(description.find("status"), "status", error);
    const auto delay = positive(description.find("delay_ms"), "delay_ms", error);
    if (!error->empty()) {
        return 0;
    }
    if (rule.nth && *rule.nth == 0) {
        *error = "[nth] is 1-based";
        return 0;
    }
    if (count) {
        rule.count = *count;
        if (!rule.nth) {
            rule.nth = 1;
        }
    }
    rule.status = status ? static_cast<int>(*status) : 503;
    rule.delay_ms = delay.value_or(0);
    if (const Json* action = description.find("action"); action != nullptr) {
        const std::string name = action->is_string() ? action->as_string() : "";
        if (name == "respond") {
            rule.action = FaultAction::respond;
        } else if (name == "drop") {
            rule.action = FaultAction::drop;
        } else if (name == "delay") {
            rule.action = FaultAction::delay;
        } else if (name == "master_timeout") {
            rule.action = FaultAction::master_timeout;
        } else {
            *error = "[action] must be one of respond, drop, delay, master_timeout";
            return 0;
        }
    }
    if (const Json* when = description.find("when"); when != nullptr) {
        const std::string name = when->is_string() ? when->as_string() : "";
        if (name == "before" || name == "after") {
            rule.when = name == "before" ? FaultWhen::before : FaultWhen::after;
        } else {
            *error = "[when] must be before or after";
            return 0;
        }
    }
    if (const Json* body = description.find("body"); body != nullptr && !body->is_null()) {
        rule.body = *body;
    }
    const std::lock_guard<std::mutex> guard(m_mutex);
    rule.id = m_next_id++;
    m_rules.push_back(rule);
    return rule.id;
}

Json FaultTable::list() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    Json rules = Json::array();
    for (const auto& rule : m_rules) {
        Json entry = Json::object();
        entry["id"] = rule.id;
        entry["method"] = rule.method ? Json(*rule.method) : Json();
        entry["path"] = rule.path;
        entry["nth"] = rule.nth ? Json(*rule.nth) : Json();
        entry["count"] = rule.count;
        entry["action"] = action_name(rule.action);
        entry["status"] = rule.status;
        entry["body"] = rule.body.value_or(Json());
        entry["delay_ms"] = rule.delay_ms;
        entry["when"] = rule.when == FaultWhen::before ? "before" : "after";
        entry["matches"] = rule.matches;
        entry["hits"] = rule.hits;
        rules.push_back(std::move(entry));
    }
    Json body = Json::object();
    body["faults"] = std::move(rules);
    return body;
}

void FaultTable::clear()
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_rules.clear();
}

std::vector<FaultRule> FaultTable::fire(std::string_view method, std::string_view path)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    std::vector<FaultRule> fired;
    for (auto& rule : m_rules) {
        if ((rule.method && *rule.method != method) || !simple_match(rule.path, path)) {
            continue;
        }
        ++rule.matches;
        const bool fires = !rule.nth || (rule.matches >= *rule.nth && rule.matches < *rule.nth + rule.count);
        if (fires) {
            ++rule.hits;
            fired.push_back(rule);
        }
    }
    return fired;
}

}  // namespace aliasing::sim
