// Force-merge requests (async with a task, or synchronous below ES 8.1), their tasks and the segments that
// tell whether a merge is done.
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

}  // namespace aliasing::cluster
