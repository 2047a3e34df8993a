// The replicas step's requests: number_of_replicas on the new indices and the health wait for them.
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

}  // namespace aliasing::cluster
