// --metrics-file: the run's outcome in the Prometheus text exposition format (version 0.0.4), for node_exporter's
// textfile collector. One file per job; rewritten atomically so the collector never reads half of it.
#include "aliasing/pipeline/run_metrics.hpp"

#include "aliasing/io/file_io.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace aliasing {
namespace {

std::string escaped(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string labels(const RunMetrics& metrics, const std::string& extra = {}) {
    return "{alias=\"" + escaped(metrics.alias) + "\",data_source=\"" + escaped(metrics.data_source) + "\"" + extra + "}";
}

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

void gauge(std::string& out, const std::string& name, const std::string& help) {
    out += "# HELP " + name + " " + help + "\n# TYPE " + name + " gauge\n";
}

}  // namespace

RunMetrics metrics_of(const RunReport& report, std::string alias, std::string data_source, double finished_at) {
    RunMetrics metrics;
    metrics.alias = std::move(alias);
    metrics.data_source = std::move(data_source);
    metrics.finished_at = finished_at;
    metrics.exit_code = report.exit_code();
    metrics.duration_seconds = report.seconds();
    bool swapped = false;
    for (std::size_t i = 0; i < report.actions().size(); ++i) {
        const ActionRecord& action = report.actions()[i];
        auto step = std::find_if(metrics.step_seconds.begin(), metrics.step_seconds.end(),
                                 [&](const auto& entry) { return entry.first == action.step; });
        if (step == metrics.step_seconds.end()) {
            metrics.step_seconds.emplace_back(action.step, action.seconds);
        } else {
            step->second += action.seconds;
        }
        if (action.step == "swap" && action.status == ActionStatus::Ok) swapped = true;
        if (action.step == "delete" && action.status == ActionStatus::Ok)
            metrics.indices_deleted += report.action_indices()[i].empty() ? 1 : report.action_indices()[i].size();
    }
    if (swapped && !report.plan_json().empty()) {
        try {
            Poco::JSON::Parser parser;
            const auto plan = parser.parse(report.plan_json()).extract<Poco::JSON::Object::Ptr>();
            if (const auto gates = plan->getObject("gates")) {
                const auto docs = gates->getArray("docs");
                for (std::size_t i = 0; docs && i < docs->size(); ++i)
                    metrics.documents_promoted += docs->getObject(static_cast<unsigned>(i))->getValue<std::uint64_t>("docs");
            }
            const auto merges = plan->getArray("merges");
            for (std::size_t i = 0; merges && i < merges->size(); ++i)
                metrics.bytes_promoted += merges->getObject(static_cast<unsigned>(i))->getValue<std::uint64_t>("size_bytes");
        } catch (const std::exception&) {
            // the plan is our own JSON; a shape we cannot read leaves the two counters at 0
        }
    }
    return metrics;
}

std::optional<double> previous_success(std::string_view text, const std::string& alias, const std::string& data_source) {
    const std::string prefix = "aliasing_last_success_timestamp_seconds{alias=\"" + escaped(alias) +
                               "\",data_source=\"" + escaped(data_source) + "\"} ";
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        if (line.substr(0, prefix.size()) == prefix) {
            try {
                return std::stod(std::string(line.substr(prefix.size())));
            } catch (const std::exception&) {
                return std::nullopt;
            }
        }
        at = end + 1;
    }
    return std::nullopt;
}

std::string render_metrics(const RunMetrics& metrics, std::optional<double> previous) {
    const bool success = metrics.exit_code == 0 || metrics.exit_code == 3;
    const std::string l = labels(metrics);
    std::string out;
    gauge(out, "aliasing_last_run_timestamp_seconds", "When the last run ended (Unix time).");
    out += "aliasing_last_run_timestamp_seconds" + l + " " + number(metrics.finished_at) + "\n";
    gauge(out, "aliasing_last_run_exit_code", "Exit code of the last run (0 promoted, 3 already live, 4 refused, ...).");
    out += "aliasing_last_run_exit_code" + l + " " + std::to_string(metrics.exit_code) + "\n";
    const std::optional<double> last_success = success ? std::optional<double>(metrics.finished_at) : previous;
    if (last_success) {
        gauge(out, "aliasing_last_success_timestamp_seconds", "When a run last ended with exit 0 or 3 (Unix time).");
        out += "aliasing_last_success_timestamp_seconds" + l + " " + number(*last_success) + "\n";
    }
    gauge(out, "aliasing_last_run_duration_seconds", "Wall time of the last run.");
    out += "aliasing_last_run_duration_seconds" + l + " " + number(metrics.duration_seconds) + "\n";
    gauge(out, "aliasing_step_duration_seconds", "Seconds the last run spent in each step.");
    for (const auto& [step, seconds] : metrics.step_seconds)
        out += "aliasing_step_duration_seconds" + labels(metrics, ",step=\"" + escaped(step) + "\"") + " " + number(seconds) + "\n";
    gauge(out, "aliasing_documents_promoted", "Primary documents of the indices the last run put behind the alias.");
    out += "aliasing_documents_promoted" + l + " " + std::to_string(metrics.documents_promoted) + "\n";
    gauge(out, "aliasing_bytes_promoted", "Primary store bytes of the indices the last run put behind the alias.");
    out += "aliasing_bytes_promoted" + l + " " + std::to_string(metrics.bytes_promoted) + "\n";
    gauge(out, "aliasing_indices_deleted", "Indices the last run deleted.");
    out += "aliasing_indices_deleted" + l + " " + std::to_string(metrics.indices_deleted) + "\n";
    return out;
}

Status write_metrics_file(const std::filesystem::path& path, const RunMetrics& metrics) {
    std::optional<double> previous;
    if (std::filesystem::exists(path)) {
        if (auto text = read_file(path)) previous = previous_success(*text, metrics.alias, metrics.data_source);
    }
    const std::filesystem::path temporary = path.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return make_error(ErrorKind::Usage, "cannot write metrics file " + path.string());
        out << render_metrics(metrics, previous);
        if (!out.flush()) return make_error(ErrorKind::Usage, "cannot write metrics file " + path.string());
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) return make_error(ErrorKind::Usage, "cannot write metrics file " + path.string() + ": " + ec.message());
    return ok_status();
}

}  // namespace aliasing
