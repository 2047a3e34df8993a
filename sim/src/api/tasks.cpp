// GET /_tasks/{task_id} (reference §8).
#include "api/handlers.hpp"
#include "cluster/nodes.hpp"

#include <charconv>
#include <cstdio>
#include <thread>

namespace aliasing::sim {
namespace {

std::string human_time(std::int64_t nanos)
{
    char buffer[32];
    const double millis = static_cast<double>(nanos) / 1e6;
    if (millis < 1000) {
        std::snprintf(buffer, sizeof buffer, "%.1fms", millis);
    } else if (millis < 60000) {
        std::snprintf(buffer, sizeof buffer, "%.1fs", millis / 1000);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.1fm", millis / 60000);
    }
    std::string text = buffer;
    if (const auto dot = text.find(".0"); dot != std::string::npos) {
        text.erase(dot, 2);
    }
    return text;
}

Json task_body(const Cluster& cluster, const ForceMergeTask& task, Clock::time_point now, bool human)
{
    const auto running = (task.completed ? task.end : now) - task.start;
    const std::int64_t nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(running).count();
    Json info = Json::object();
    info["node"] = cluster.node_id;
    info["id"] = task.id;
    info["type"] = "transport";
    info["action"] = "indices:admin/forcemerge";
    info["description"] = task.description;
    info["start_time_in_millis"] = task.start_epoch_millis;
    if (human) {
        info["running_time"] = human_time(nanos);
    }
    info["running_time_in_nanos"] = nanos;
    info["cancellable"] = false;
    info["headers"] = Json::object();
    Json body = Json::object();
    body["completed"] = task.completed;
    body["task"] = std::move(info);
    if (task.completed) {
        body["response"] = task.response;
    }
    return body;
}

}  // namespace

Reply handle_get_task(Call& call)
{
    const std::string id = call.var("task_id");
    const bool wait = call.flag("wait_for_completion", false);
    const auto timeout = call.duration("timeout", std::chrono::seconds(30));
    const bool human = call.flag("human", false);
    const std::size_t colon = id.find(':');
    std::int64_t number = 0;
    if (colon == std::string::npos) {
        throw illegal_argument("malformed task id " + id);
    }
    const std::string node = id.substr(0, colon);
    const std::string digits = id.substr(colon + 1);
    const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (node.empty() || parsed.ec != std::errc() || parsed.ptr != digits.data() + digits.size()) {
        throw illegal_argument("malformed task id " + id);
    }
    auto guard = call.lock();
    const auto deadline = Clock::now() + timeout.value_or(std::chrono::hours(24));
    while (true) {
        const Cluster& cluster = call.cluster();
        bool known_node = node == cluster.node_id;
        for (int other = 1; other < cluster.data_nodes; ++other) {
            known_node = known_node || node == node_id(cluster, other);  // tasks run on the first node only
        }
        if (!known_node) {
            throw resource_not_found("task [" + id + "] belongs to the node [" + node +
                                     "] which isn't part of the cluster and there is no record of the task");
        }
        const auto found = node == cluster.node_id ? cluster.tasks.find(number) : cluster.tasks.end();
        if (found == cluster.tasks.end() || (found->second.completed && !found->second.stores_result)) {
            const std::string reason = "task [" + id + "] isn't running and hasn't stored its results";
            if (cluster.tasks_index_exists) {
                throw resource_not_found(reason);
            }
            const Json cause = index_not_found(".tasks").body["error"];
            Json caused_by = cause;
            caused_by.erase("root_cause");
            throw full_error(404, "resource_not_found_exception", reason, {}, &caused_by);
        }
        const auto now = Clock::now();
        if (!wait || found->second.completed) {
            return json_reply(task_body(cluster, found->second, now, human));
        }
        if (now >= deadline || call.stopping()) {
            throw full_error(408, "timeout_exception", "Timed out waiting for completion of task [" + id + "]");
        }
        guard.unlock();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        guard = call.lock();
    }
}

}  // namespace aliasing::sim
