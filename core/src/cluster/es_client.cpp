#include "aliasing/cluster/es_client.hpp"

#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/index_path.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>

namespace aliasing::cluster {
namespace {

using Poco::JSON::Object;

Object::Ptr parse_object(const std::string& body) {
    Poco::JSON::Parser parser;
    auto object = parser.parse(body).extract<Object::Ptr>();
    if (!object) throw Poco::DataFormatException("not a JSON object");
    return object;
}

bool has_error_type(const HttpResponse& response, std::string_view type) {
    return parse_es_error(response.body).type == type;
}

bool is_success(const HttpResponse& response) { return response.status >= 200 && response.status < 300; }

Error unexpected_body(Method method, const std::string& path, const std::string& what) {
    return make_error(ErrorKind::StepFailed, std::string(method_name(method)) + " " + path_for_message(path) +
                                                 " returned an unexpected body (" + what +
                                                 "); is this an Elasticsearch 7.11+ or OpenSearch 2.12+ cluster?");
}

int status_rank(const std::string& status) {
    if (status == "green") return 0;
    if (status == "yellow") return 1;
    return 2;
}

std::string single_index_refusal(std::string_view index) {
    if (index.empty() || index.find_first_of("*,") != std::string_view::npos || index == "_all" ||
        index.front() == '-') {
        return "refusing to address index '" + std::string(index) +
               "': only explicit index names are allowed (no wildcards, lists or _all)";
    }
    return {};
}

// "1 of 4 shards failed: [idx][0] illegal_state_exception: reason" for a broadcast response's _shards with
// failed > 0 (the failures array appears only then); empty when no shard failed.
std::string shard_failures(const Object::Ptr& shards) {
    if (!shards || shards->optValue<int>("failed", 0) <= 0) return {};
    std::string text = std::to_string(shards->optValue<int>("failed", 0)) + " of " +
                       std::to_string(shards->optValue<int>("total", 0)) + " shards failed";
    const auto failures = shards->getArray("failures");
    for (std::size_t i = 0; failures && i < failures->size(); ++i) {
        const auto failure = failures->getObject(static_cast<unsigned>(i));
        if (!failure) continue;
        text += std::string(i ? "; " : ": ") + "[" + failure->optValue<std::string>("index", "?") + "][" +
                std::to_string(failure->optValue<int>("shard", -1)) + "] ";
        if (const auto reason = failure->getObject("reason")) {
            text += reason->optValue<std::string>("type", "") + ": " + reason->optValue<std::string>("reason", "");
        } else {
            text += failure->optValue<std::string>("reason", "no reason given");
        }
    }
    return text;
}

}  // namespace

EsClient::EsClient(Transport transport) : m_transport(std::move(transport)) {}

Result<HttpResponse> EsClient::send(Method method, const std::string& path, std::string_view body,
                                           Replay replay, std::optional<std::chrono::milliseconds> read_timeout) {
    return m_transport.request(method, path, body, replay, read_timeout);
}

Error EsClient::failure(Method method, const std::string& path, const HttpResponse& response, ErrorKind kind) const {
    return response_failure(method, path, response, kind);
}

std::vector<std::vector<std::string>> EsClient::chunks(const std::vector<std::string>& names, std::string_view method,
                                                       std::string_view prefix, std::string_view suffix) const {
    return chunk_index_names(names, method, m_transport.longest_base_path() + std::string(prefix), suffix);
}

Result<ClusterInfo> EsClient::info() {
    const std::string path = "/";
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return make_error(ErrorKind::Unreachable, sent.error().message);
    const HttpResponse& response = *sent;
    if (!is_success(response)) return failure(Method::Get, path, response, ErrorKind::Unreachable);
    auto product = detect_product(response.body, response.elastic_product_header);
    if (!product) return product.error();
    if (product->compatibility_mode) {
        const std::string nodes_path = "/_nodes/_local";
        auto nodes = send(Method::Get, nodes_path, {}, Replay::Safe);
        if (!nodes) return make_error(ErrorKind::Unreachable, nodes.error().message);
        if (!is_success(*nodes)) return failure(Method::Get, nodes_path, *nodes, ErrorKind::Unreachable);
        if (auto applied = apply_node_version(*product, nodes->body); !applied) return applied.error();
    }
    ClusterInfo info;
    info.product = *product;
    info.version = product->version;
    info.major_version = product->major;
    try {
        const auto root = parse_object(response.body);
        info.cluster_name = root->optValue<std::string>("cluster_name", "");
        info.node_name = root->optValue<std::string>("name", "");
    } catch (const Poco::Exception&) {
    }
    return info;
}

Result<std::string> EsClient::cat_indices(std::string_view pattern, Hidden hidden) {
    const std::string path = "/_cat/indices/" + encode_path_segment(pattern) + "?format=json&bytes=b&expand_wildcards=" +
                             (hidden == Hidden::Include ? "all" : "open,closed") + "&h=" +
                             std::string(kCatIndicesColumns);
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return sent.error();
    if (sent->status == 404 && has_error_type(*sent, "index_not_found_exception")) return std::string("[]");
    if (!is_success(*sent)) return failure(Method::Get, path, *sent);
    return std::move(sent->body);
}

Result<std::vector<IndexNow>> EsClient::index_states(const std::vector<std::string>& names) {
    const std::string suffix = "?format=json&expand_wildcards=all&h=health,status,index";
    std::vector<IndexNow> states;
    std::vector<std::vector<std::string>> pending = chunks(names, "GET", "/_cat/indices/", suffix);
    while (!pending.empty()) {
        const std::vector<std::string> chunk = std::move(pending.back());
        pending.pop_back();
        const std::string path = "/_cat/indices/" + join_index_names(chunk) + suffix;
        auto sent = send(Method::Get, path, {}, Replay::Safe);
        if (!sent) return sent.error();
        if (sent->status == 404 && has_error_type(*sent, "index_not_found_exception")) {
            if (chunk.size() > 1)
                for (const auto& name : chunk) pending.push_back({name});
            continue;  // a single missing name: it no longer exists
        }
        if (!is_success(*sent)) return failure(Method::Get, path, *sent);
        try {
            Poco::JSON::Parser parser;
            const auto rows = parser.parse(sent->body).extract<Poco::JSON::Array::Ptr>();
            if (!rows) throw Poco::DataFormatException("not a JSON array");
            for (std::size_t i = 0; i < rows->size(); ++i) {
                const auto row = rows->getObject(static_cast<unsigned>(i));
                if (!row) throw Poco::DataFormatException("a row is not an object");
                auto text = [&](const char* key) {
                    return row->has(key) && !row->isNull(key) ? row->getValue<std::string>(key) : std::string();
                };
                states.push_back({text("index"), text("health"), text("status")});
            }
        } catch (const Poco::Exception& e) {
            return unexpected_body(Method::Get, path, e.displayText());
        }
    }
    return states;
}

Result<std::string> EsClient::get_alias(std::string_view alias) {
    const std::string path = "/_alias/" + encode_path_segment(alias);
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return sent.error();
    if (sent->status == 404) {
        const EsError error = parse_es_error(sent->body);
        if (error.type.empty() && error.reason.find("missing") != std::string::npos) return std::move(sent->body);
    }
    if (!is_success(*sent)) return failure(Method::Get, path, *sent);
    return std::move(sent->body);
}

Result<std::string> EsClient::get_index_aliases(std::string_view pattern) {
    const std::string path = "/" + encode_path_segment(pattern) + "/_alias";
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return sent.error();
    if (sent->status == 404 && has_error_type(*sent, "index_not_found_exception")) return std::string("{}");
    if (!is_success(*sent)) return failure(Method::Get, path, *sent);
    return std::move(sent->body);
}

Status EsClient::update_aliases(std::string_view actions_json) {
    const std::string path = "/_aliases";
    auto sent = send(Method::Post, path, actions_json, Replay::OutcomeUnknownIsError);
    if (!sent) return sent.error();
    const HttpResponse& response = *sent;
    if (response.status == 404 && (has_error_type(response, "resource_not_found_exception") ||
                                   has_error_type(response, "aliases_not_found_exception"))) {
        return make_error(ErrorKind::AliasMoved, describe_failure(Method::Post, path, response) +
                                                     "; the alias no longer points where it did when the run "
                                                     "started (someone else moved it); nothing was changed");
    }
    if (!is_success(response)) return failure(Method::Post, path, response);
    try {
        const auto root = parse_object(response.body);
        if (root->optValue<bool>("errors", false)) {
            return make_error(ErrorKind::StepFailed,
                              "POST /_aliases reported errors for some actions: " + response.body);
        }
        if (!root->optValue<bool>("acknowledged", false)) {
            return unknown_outcome_error(ErrorKind::StepFailed,
                                         "POST /_aliases was not acknowledged in time; the change may or may not "
                                         "be applied: re-read the alias before deciding");
        }
    } catch (const Poco::Exception& e) {
        Error error = unexpected_body(Method::Post, path, e.displayText());
        error.outcome = Outcome::Unknown;
        return error;
    }
    return Unit{};
}

Status EsClient::set_replicas(const std::vector<std::string>& indices, int replicas) {
    if (replicas < 0) return make_error(ErrorKind::Usage, "number_of_replicas must be >= 0, got " + std::to_string(replicas));
    const std::string body = "{\"index\":{\"number_of_replicas\":" + std::to_string(replicas) + "}}";
    for (const auto& chunk : chunks(indices, "PUT", "/", "/_settings")) {
        const std::string path = "/" + join_index_names(chunk) + "/_settings";
        auto sent = send(Method::Put, path, body, Replay::Safe);
        if (!sent) return sent.error();
        if (!is_success(*sent)) return failure(Method::Put, path, *sent);
    }
    return Unit{};
}

Result<std::string> EsClient::start_forcemerge(std::string_view index, int max_num_segments) {
    if (auto refusal = single_index_refusal(index); !refusal.empty()) return make_error(ErrorKind::StepFailed, refusal);
    const std::string path = "/" + encode_path_segment(index) + "/_forcemerge?max_num_segments=" +
                             std::to_string(max_num_segments) + "&wait_for_completion=false";
    auto sent = send(Method::Post, path, {}, Replay::OutcomeUnknownIsError);
    if (!sent) return sent.error();
    if (!is_success(*sent)) return failure(Method::Post, path, *sent);
    try {
        const auto root = parse_object(sent->body);
        if (!root->has("task")) throw Poco::DataFormatException("no task id");
        std::string task = root->getValue<std::string>("task");
        if (task.empty()) throw Poco::DataFormatException("empty task id");  // GET /_tasks/ would list every task
        return task;
    } catch (const Poco::Exception& e) {
        return unexpected_body(Method::Post, path, e.displayText());
    }
}

Status EsClient::forcemerge_sync(std::string_view index, int max_num_segments,
                                        std::chrono::milliseconds read_timeout) {
    if (auto refusal = single_index_refusal(index); !refusal.empty()) return make_error(ErrorKind::StepFailed, refusal);
    const std::string path =
        "/" + encode_path_segment(index) + "/_forcemerge?max_num_segments=" + std::to_string(max_num_segments);
    auto sent = send(Method::Post, path, {}, Replay::OutcomeUnknownIsError, read_timeout);
    if (!sent) return sent.error();
    if (!is_success(*sent)) return failure(Method::Post, path, *sent);
    try {
        const auto root = parse_object(sent->body);
        if (const std::string failed = shard_failures(root->getObject("_shards")); !failed.empty()) {
            return make_error(ErrorKind::StepFailed, "POST " + path_for_message(path) + ": " + failed);
        }
    } catch (const Poco::Exception& e) {
        return unexpected_body(Method::Post, path, e.displayText());
    }
    return Unit{};
}

Result<TaskState> EsClient::get_task(std::string_view task_id) {
    const std::string path = "/_tasks/" + encode_path_segment(task_id);
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return sent.error();
    if (!is_success(*sent)) return failure(Method::Get, path, *sent);
    try {
        const auto root = parse_object(sent->body);
        TaskState state;
        state.completed = root->optValue<bool>("completed", false);
        if (const auto task = root->getObject("task")) {
            state.running_time_nanos = std::max<Poco::Int64>(0, task->optValue<Poco::Int64>("running_time_in_nanos", 0));
        }
        if (const auto response = root->getObject("response")) {
            if (std::string failed = shard_failures(response->getObject("_shards")); !failed.empty())
                state.shard_failures = std::move(failed);
        }
        if (const auto error = root->getObject("error")) {
            state.error = error->optValue<std::string>("type", "") + ": " + error->optValue<std::string>("reason", "");
        }
        return state;
    } catch (const Poco::Exception& e) {
        return unexpected_body(Method::Get, path, e.displayText());
    }
}

Result<HealthResult> EsClient::wait_for_health(const std::vector<std::string>& indices, std::string_view status,
                                               std::chrono::seconds timeout) {
    if (status != "green" && status != "yellow" && status != "red") {
        return make_error(ErrorKind::Usage, "wait_for_status must be green, yellow or red, got '" + std::string(status) + "'");
    }
    HealthResult result{"green", false};
    if (indices.empty()) return result;
    const auto total = std::max(timeout, std::chrono::seconds{1});
    const auto deadline = std::chrono::steady_clock::now() + total;
    const std::string longest_suffix =
        "?wait_for_status=" + std::string(status) + "&timeout=" + std::to_string(total.count()) + "s";
    for (const auto& chunk : chunks(indices, "GET", "/_cluster/health/", longest_suffix)) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline - std::chrono::steady_clock::now());
        const auto wait = std::max(left, std::chrono::seconds{1});
        const std::string path = "/_cluster/health/" + join_index_names(chunk) + "?wait_for_status=" +
                                 std::string(status) + "&timeout=" + std::to_string(wait.count()) + "s";
        auto sent = send(Method::Get, path, {}, Replay::Safe,
                         std::chrono::duration_cast<std::chrono::milliseconds>(wait) + std::chrono::seconds{30});
        if (!sent) return sent.error();
        if (!is_success(*sent) && sent->status != 408) return failure(Method::Get, path, *sent);
        try {
            const auto root = parse_object(sent->body);
            const std::string chunk_status = root->optValue<std::string>("status", "red");
            if (chunk_status != "green" && chunk_status != "yellow" && chunk_status != "red") {
                throw Poco::DataFormatException("status '" + chunk_status + "' is not green, yellow or red");
            }
            if (status_rank(chunk_status) > status_rank(result.status)) result.status = chunk_status;
            if (root->optValue<bool>("timed_out", sent->status == 408) || sent->status == 408) {
                result.timed_out = true;
                return result;
            }
        } catch (const Poco::Exception& e) {
            return unexpected_body(Method::Get, path, e.displayText());
        }
    }
    return result;
}

Result<std::vector<IndexSegments>> EsClient::primary_segments(const std::vector<std::string>& indices) {
    std::vector<IndexSegments> out;
    for (const auto& chunk : chunks(indices, "GET", "/", "/_stats/segments,store")) {
        const std::string path = "/" + join_index_names(chunk) + "/_stats/segments,store";
        auto sent = send(Method::Get, path, {}, Replay::Safe);
        if (!sent) return sent.error();
        if (!is_success(*sent)) return failure(Method::Get, path, *sent);
        try {
            const auto root = parse_object(sent->body);
            const auto by_index = root->getObject("indices");
            if (!by_index) throw Poco::DataFormatException("no indices object");
            for (const auto& name : chunk) {
                const auto index = by_index->getObject(name);
                const auto primaries = index ? index->getObject("primaries") : nullptr;
                if (!primaries) continue;
                IndexSegments segments{name, 0, 0};
                if (const auto seg = primaries->getObject("segments")) {
                    segments.segment_count = seg->optValue<Poco::Int64>("count", 0);
                }
                if (const auto store = primaries->getObject("store")) {
                    segments.store_bytes = store->optValue<Poco::Int64>("size_in_bytes", 0);
                }
                if (segments.segment_count < 0 || segments.store_bytes < 0) {
                    throw Poco::DataFormatException("negative segment count or store size for " + name);
                }
                out.push_back(std::move(segments));
            }
        } catch (const Poco::Exception& e) {
            return unexpected_body(Method::Get, path, e.displayText());
        }
    }
    return out;
}

Status EsClient::delete_indices(const std::vector<std::string>& names) {
    for (const auto& name : names) {
        if (auto refusal = single_index_refusal(name); !refusal.empty()) {
            return make_error(ErrorKind::StepFailed, refusal + "; nothing was deleted");
        }
    }
    std::size_t deleted = 0;
    for (const auto& chunk : chunks(names, "DELETE", "/", "")) {
        const std::string path = "/" + join_index_names(chunk);
        auto sent = send(Method::Delete, path, {}, Replay::OutcomeUnknownIsError);
        const std::string progress = " (" + std::to_string(deleted) + " of " + std::to_string(names.size()) +
                                     " indices were deleted before this request)";
        if (!sent) {
            Error error = sent.error();
            error.message += progress;
            return error;
        }
        if (!is_success(*sent)) {
            Error error = failure(Method::Delete, path, *sent);
            error.message += progress;
            return error;
        }
        deleted += chunk.size();
    }
    return Unit{};
}

}  // namespace aliasing::cluster
