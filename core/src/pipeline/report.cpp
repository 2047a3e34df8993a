#include "aliasing/pipeline/report.hpp"

#include "aliasing/render/json_writer.hpp"

#include <cstdio>
#include <ctime>
#include <fstream>

namespace aliasing {

const char* to_string(ActionStatus status) {
    switch (status) {
        case ActionStatus::Ok: return "ok";
        case ActionStatus::Failed: return "failed";
        case ActionStatus::Skipped: return "skipped";
    }
    return "failed";
}

void RunReport::set_job(std::string path, Job job) {
    m_job_path = std::move(path);
    m_job = std::move(job);
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    m_started_at = buffer;
}

void RunReport::set_cluster(std::string version, std::string name, std::string product) {
    m_cluster_version = std::move(version);
    m_cluster_name = std::move(name);
    m_cluster_product = std::move(product);
}

void RunReport::record(ActionRecord action, std::vector<std::string> indices) {
    RunReport& into = m_parent ? *m_parent : *this;
    const std::lock_guard<std::mutex> guard(into.m_actions_mutex);
    into.m_actions.push_back(std::move(action));
    into.m_action_clusters.push_back(m_action_cluster);
    into.m_action_indices.push_back(std::move(indices));
}

void RunReport::finish(int exit_code, std::string outcome, std::string message) {
    m_exit_code = exit_code;
    m_outcome = std::move(outcome);
    m_message = std::move(message);
    m_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

std::string RunReport::to_json() const {
    JsonWriter json;
    json.begin_object().field("report_version", 1).field("command", m_command).field("run_id", m_run_id);
    json.field("started_at", m_started_at);
    json.key("job");
    if (m_job) {
        const Job& j = *m_job;
        json.begin_object().field("path", m_job_path).field("alias_name", j.alias_name);
        json.field("data_source", j.data_source).field("index_base", j.index_base);
        json.field("abort_run", j.abort_run).field("delete_old", j.delete_old).field("forcemerge_new", j.forcemerge_new);
        json.key("new_replicas");
        j.new_replicas ? json.value(*j.new_replicas) : json.null();
        json.key("max_segment_size_bytes");
        j.max_segment_size_bytes ? json.value(*j.max_segment_size_bytes) : json.null();
        json.key("entities");
        if (j.entities) {
            json.begin_array();
            for (const auto& e : *j.entities) json.value(e);
            json.end_array();
        } else {
            json.null();
        }
        json.field("keep_generations", j.keep_generations).end_object();
    } else {
        json.null();
    }
    json.key("plugin");
    if (m_plugin) {
        json.begin_object().field("name", m_plugin->name).field("version", m_plugin->version);
        json.field("kind", m_plugin->kind == SourceKind::Compiled ? "compiled" : "declarative");
        json.field("abi_version", m_plugin->abi_version).field("path", m_plugin->path).end_object();
    } else {
        json.null();
    }
    json.key("cluster");
    if (m_cluster_version.empty())
        json.null();
    else
        json.begin_object()
            .field("version", m_cluster_version)
            .field("name", m_cluster_name)
            .field("product", m_cluster_product)
            .end_object();
    json.key("plan");
    m_plan_json.empty() ? json.null() : json.raw(m_plan_json);
    if (!m_clusters_json.empty()) json.key("clusters").raw(m_clusters_json);
    json.key("actions").begin_array();
    for (std::size_t i = 0; i < m_actions.size(); ++i) {
        const ActionRecord& a = m_actions[i];
        const std::vector<std::string>& indices = m_action_indices[i];
        json.begin_object().field("step", a.step).field("target", a.target).field("status", to_string(a.status));
        json.field("detail", a.detail).field("seconds", a.seconds);
        if (!m_action_clusters[i].empty()) json.field("cluster", m_action_clusters[i]);
        if (!indices.empty()) {
            json.key("indices").begin_array();
            for (const auto& index : indices) json.value(index);
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
    json.field("outcome", m_outcome).field("exit_code", m_exit_code).field("message", m_message);
    json.field("seconds", m_seconds).end_object();
    return json.take() + "\n";
}

Status RunReport::write(const std::filesystem::path& path) const {
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return make_error(ErrorKind::Usage, "cannot write report " + path.string());
        out << to_json();
        if (!out.flush()) return make_error(ErrorKind::Usage, "cannot write report " + path.string());
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) return make_error(ErrorKind::Usage, "cannot write report " + path.string() + ": " + ec.message());
    return ok_status();
}

ActionTimer::ActionTimer(RunReport& report, std::string step, std::string target) : m_report(report) {
    m_record.step = std::move(step);
    m_record.target = std::move(target);
}

ActionTimer::~ActionTimer() {
    if (!m_done) finish(ActionStatus::Failed, "interrupted");
}

void ActionTimer::finish(ActionStatus status, std::string detail) {
    if (m_done) return;
    m_done = true;
    m_record.status = status;
    m_record.detail = std::move(detail);
    m_record.seconds = std::chrono::duration<double>(elapsed()).count();
    m_report.record(std::move(m_record), std::move(m_indices));
}

}  // namespace aliasing
