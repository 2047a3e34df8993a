#include "aliasing/cluster/es_client.hpp"
#include "es_client_support.hpp"

#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/index_path.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <charconv>

namespace aliasing::cluster {

Poco::JSON::Object::Ptr parse_object(const std::string& body) {
    Poco::JSON::Parser parser;
    auto object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    if (!object) throw Poco::DataFormatException("not a JSON object");
    return object;
}

bool has_error_type(const HttpResponse& response, std::string_view type) {
    return parse_es_error(response.body).type == type;
}

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

std::string shard_failures(const Poco::JSON::Object::Ptr& shards) {
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
