#include "api/call.hpp"

#include <charconv>

namespace aliasing::sim {

Reply json_reply(Json body, int status)
{
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
}

Reply text_reply(std::string text, int status)
{
    Reply reply;
    reply.status = status;
    reply.kind = Reply::Kind::text;
    reply.text = std::move(text);
    return reply;
}

Reply empty_reply(int status)
{
    Reply reply;
    reply.status = status;
    reply.kind = Reply::Kind::empty;
    return reply;
}

Call::Call(const HttpRequest& request, SimState& state, std::map<std::string, std::string> vars)
    : m_request(request), m_state(state), m_vars(std::move(vars))
{
}

std::string Call::var(const std::string& name) const
{
    auto found = m_vars.find(name);
    return found == m_vars.end() ? std::string() : found->second;
}

std::optional<std::string> Call::param(std::string_view name) const
{
    for (const auto& [key, value] : m_request.params) {
        if (key == name) {
            return value;
        }
    }
    return std::nullopt;
}

bool Call::flag(std::string_view name, bool fallback) const
{
    const auto value = param(name);
    if (!value) {
        return fallback;
    }
    if (value->empty() || *value == "true") {
        return true;
    }
    if (*value == "false") {
        return false;
    }
    throw bad_boolean(*value);
}

std::int64_t Call::integer(std::string_view name, std::int64_t fallback) const
{
    const auto value = param(name);
    if (!value) {
        return fallback;
    }
    std::int64_t number = 0;
    const auto result = std::from_chars(value->data(), value->data() + value->size(), number);
    if (result.ec != std::errc() || result.ptr != value->data() + value->size()) {
        throw illegal_argument("Failed to parse int parameter [" + std::string(name) + "] with value [" + *value +
                               "]");
    }
    return number;
}

std::optional<std::chrono::milliseconds> parse_time_value(std::string_view text)
{
    if (text == "-1" || text == "0") {
        return text == "0" ? std::optional(std::chrono::milliseconds(0)) : std::nullopt;
    }
    std::size_t digits = 0;
    while (digits < text.size() && ((text[digits] >= '0' && text[digits] <= '9') || text[digits] == '.')) {
        ++digits;
    }
    if (digits == 0) {
        return std::nullopt;
    }
    double amount = 0;
    const auto result = std::from_chars(text.data(), text.data() + digits, amount);
    if (result.ec != std::errc()) {
        return std::nullopt;
    }
    const std::string_view unit = text.substr(digits);
    double millis = 0;
    if (unit == "nanos") {
        millis = amount / 1e6;
    } else if (unit == "micros") {
        millis = amount / 1e3;
    } else if (unit == "ms") {
        millis = amount;
    } else if (unit == "s") {
        millis = amount * 1e3;
    } else if (unit == "m") {
        millis = amount * 60e3;
    } else if (unit == "h") {
        millis = amount * 3600e3;
    } else if (unit == "d") {
        millis = amount * 86400e3;
    } else {
        return std::chrono::milliseconds(-2);  // marker: malformed
    }
    return std::chrono::milliseconds(static_cast<std::int64_t>(millis));
}

std::optional<std::chrono::milliseconds> Call::duration(std::string_view name,
                                                        std::chrono::milliseconds fallback) const
{
    const auto value = param(name);
    if (!value) {
        return fallback;
    }
    const auto parsed = parse_time_value(*value);
    if (*value == "-1") {
        return std::nullopt;
    }
    if (!parsed || parsed->count() < 0) {
        throw full_error(400, "parse_exception",
                         "failed to parse setting [" + std::string(name) + "] with value [" + *value +
                             "] as a time value: unit is missing or unrecognized");
    }
    return parsed;
}

Json Call::body() const
{
    if (m_request.body.empty()) {
        return Json();
    }
    std::string error;
    auto parsed = Json::parse(m_request.body, &error);
    if (!parsed) {
        throw full_error(400, "x_content_parse_exception", "[1:1] Failed to parse request body: " + error);
    }
    return *parsed;
}

std::unique_lock<std::mutex> Call::lock()
{
    std::unique_lock<std::mutex> guard(m_state.mutex);
    m_state.cluster.advance(Clock::now());
    return guard;
}

ResolveOptions broadcast_resolve_options(const Call& call)
{
    ResolveOptions options;
    options.expand = ExpandWildcards{true, false, false};
    if (const auto expand = call.param("expand_wildcards")) {
        options.expand = ExpandWildcards::parse(*expand);
    }
    options.ignore_unavailable = call.flag("ignore_unavailable", false);
    options.allow_no_indices = call.flag("allow_no_indices", true);
    options.forbid_closed = true;
    return options;
}

}  // namespace aliasing::sim
