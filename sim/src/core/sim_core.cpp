#include "core/sim_core.hpp"

#include "api/filter_path.hpp"
#include "core/media_types.hpp"

#include <algorithm>
#include <cctype>
#include <thread>

namespace aliasing::sim {
namespace {

bool is_control_path(std::string_view path)
{
    return path == "/_sim" || path.rfind("/_sim/", 0) == 0;
}

HttpResponse master_timeout_response(const Version& version)
{
    HttpResponse response;
    response.content_type = version.is_7x() ? "application/json; charset=UTF-8" : "application/json;charset=utf-8";
    ApiError error = full_error(version.is_9x() ? 429 : 503, "process_cluster_event_timeout_exception",
                                "failed to process cluster event (index-aliases) within 30s");
    if (version.is_9x()) {
        // elastic/elasticsearch#116026, #124936: timeouts are 429 with "timed_out" and X-Timed-Out.
        error.body["timed_out"] = true;
        response.headers.emplace_back("X-Timed-Out", "true");
    }
    response.status = error.status;
    response.body = error.body.dump();
    return response;
}

/// The body of a respond fault that names none: a 401 from OpenSearch's security plugin is not JSON
/// (opensearch-project/security#3803: "Unauthorized" up to 2.10, empty from 2.11).
Json default_body(const FaultRule& rule, const Version& version)
{
    if (rule.status == 401 && version.opensearch()) {
        return Json(version.at_least(2, 11) ? std::string() : std::string("Unauthorized"));
    }
    return default_fault_body(rule.status);
}

HttpResponse fault_response(const FaultRule& rule, const Version& version)
{
    if (rule.action == FaultAction::master_timeout) {
        return master_timeout_response(version);
    }
    HttpResponse response;
    response.status = rule.status;
    const Json body = rule.body.value_or(default_body(rule, version));
    if (body.is_string()) {
        response.body = body.as_string();
        response.content_type = rule.status == 502 || rule.status == 504 ? "text/html" : "text/plain; charset=UTF-8";
    } else {
        response.body = body.dump();
        response.content_type = "application/json; charset=UTF-8";
    }
    return response;
}

void sleep_for_faults(const std::vector<FaultRule>& rules, FaultWhen when, const std::atomic<bool>* stopping)
{
    for (const auto& rule : rules) {
        if (rule.when != when || rule.delay_ms <= 0 || rule.action == FaultAction::drop) {
            continue;
        }
        const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(rule.delay_ms);
        while (std::chrono::steady_clock::now() < end && (stopping == nullptr || !stopping->load())) {
            std::this_thread::sleep_for(
                std::min<std::chrono::steady_clock::duration>(end - std::chrono::steady_clock::now(),
                                                              std::chrono::milliseconds(10)));
        }
    }
}

const FaultRule* answering_fault(const std::vector<FaultRule>& rules, FaultWhen when)
{
    for (const auto& rule : rules) {
        if (rule.when == when && rule.action != FaultAction::delay) {
            return &rule;
        }
    }
    return nullptr;
}

}  // namespace

SimCore::SimCore()
{
    m_state.cluster.cluster_uuid = random_uuid();
    m_state.cluster.node_id = random_word_id();
}

void SimCore::set_logger(std::function<void(const std::string&)> logger)
{
    const std::lock_guard<std::mutex> guard(m_logger_mutex);
    m_logger = std::move(logger);
}

void SimCore::set_connection_counters(std::function<std::int64_t()> open, std::function<std::int64_t()> total)
{
    m_open_connections = std::move(open);
    m_total_connections = std::move(total);
}

void SimCore::log_line(const HttpRequest& request, int status, std::chrono::steady_clock::duration took)
{
    const std::lock_guard<std::mutex> guard(m_logger_mutex);
    if (!m_logger) {
        return;
    }
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
    std::string target = request.target.size() > 200 ? request.target.substr(0, 200) + "..." : request.target;
    m_logger(request.method + " " + target + " -> " + (status == 0 ? std::string("dropped") : std::to_string(status)) +
             " (" + std::to_string(millis) + " ms)");
}

Outcome SimCore::handle(const HttpRequest& request)
{
    if (request.defect == RequestDefect::none && is_control_path(request.path)) {
        return handle_control(request);
    }
    return handle_api(request);
}

Outcome SimCore::handle_api(const HttpRequest& request)
{
    const auto started = std::chrono::steady_clock::now();
    LoggedRequest entry;
    entry.method = request.method;
    entry.path = request.path;
    entry.query = request.query;
    entry.line_bytes = request.line_bytes;
    entry.body = request.body;
    const std::int64_t seq = m_log.append(std::move(entry));
    const auto finish = [&](Outcome outcome) {
        if (current_version().sends_product_header()) {
            outcome.response.headers.emplace_back("X-elastic-product", "Elasticsearch");
        }
        const int status = outcome.delivery == Delivery::drop ? 0 : outcome.response.status;
        m_log.set_status(seq, status);
        log_line(request, status, std::chrono::steady_clock::now() - started);
        return outcome;
    };

    if (request.defect != RequestDefect::none) {
        const ApiError error = request.defect == RequestDefect::header_too_long ? too_long_header() : too_long_line();
        Reply reply = json_reply(error.body, error.status);
        return finish(Outcome{render(reply, request), Delivery::send});
    }
    if (m_sigv4) {
        if (auto refusal = m_sigv4->refuse(request)) {
            HttpResponse denied;
            denied.status = 403;
            denied.content_type = "application/json";
            denied.headers.emplace_back("x-amzn-ErrorType", "InvalidSignatureException");
            denied.body = *refusal;
            return finish(Outcome{denied, Delivery::send});
        }
    }
    if (m_basic_auth) {
        if (auto refusal = m_basic_auth->refuse(request)) {
            Reply reply = json_reply(refusal->body, refusal->status);
            reply.headers = refusal->headers;
            return finish(Outcome{render(reply, request), Delivery::send});
        }
    }
    // The place is taken on arrival, before any delay: a delayed change holds those that arrived after it.
    MasterQueue::Place place =
        m_router.applied(request) == Applied::by_master ? m_master_queue.join() : MasterQueue::Place{};
    const std::vector<FaultRule> fired = m_faults.fire(request.method, request.path);
    sleep_for_faults(fired, FaultWhen::before, m_state.stopping);
    if (const FaultRule* rule = answering_fault(fired, FaultWhen::before)) {
        place.leave();
        if (rule->action == FaultAction::drop) {
            return finish(Outcome{HttpResponse{}, Delivery::drop});
        }
        return finish(Outcome{fault_response(*rule, current_version()), Delivery::send});
    }

    Reply reply;
    const Version version = current_version();
    if (const auto error = check_media_types(request, version)) {
        reply = json_reply(error->body, error->status);
    } else {
        place.wait_turn(m_state.stopping);
        reply = m_router.dispatch(request, m_state);
    }
    place.leave();
    Outcome outcome{render(reply, request), Delivery::send};

    sleep_for_faults(fired, FaultWhen::after, m_state.stopping);
    if (const FaultRule* rule = answering_fault(fired, FaultWhen::after)) {
        if (rule->action == FaultAction::drop) {
            return finish(Outcome{HttpResponse{}, Delivery::drop});
        }
        return finish(Outcome{fault_response(*rule, current_version()), Delivery::send});
    }
    return finish(std::move(outcome));
}

HttpResponse SimCore::render(const Reply& reply, const HttpRequest& request)
{
    HttpResponse response;
    response.status = reply.status;
    response.headers = reply.headers;
    const Version version = current_version();
    if (reply.kind == Reply::Kind::text) {
        response.content_type = "text/plain; charset=UTF-8";
        response.body = reply.text;
        return response;
    }
    response.content_type = response_media_type(request, version, reply.status);
    if (reply.kind == Reply::Kind::json) {
        bool pretty = false;
        const std::string* filter_path = nullptr;
        for (const auto& [name, value] : request.params) {
            pretty = pretty || (name == "pretty" && value != "false");
            filter_path = name == "filter_path" ? &value : filter_path;
        }
        const Json body = filter_path != nullptr && reply.status < 400 ? apply_filter_path(reply.body, *filter_path)
                                                                       : reply.body;
        response.body = pretty ? body.dump_pretty() : body.dump();
    }
    return response;
}

Version SimCore::current_version()
{
    const std::lock_guard<std::mutex> guard(m_state.mutex);
    return m_state.cluster.version;
}

}  // namespace aliasing::sim
