#include "aliasing/pipeline/run_log.hpp"

#include "aliasing/render/json_writer.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

namespace aliasing {
namespace {

std::string utc_timestamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
    return buffer;
}

const char* level_name(LogLevel level) {
    switch (level) {
        case LogLevel::Info: return "info";
        case LogLevel::Warn: return "warn";
        case LogLevel::Error: return "error";
    }
    return "info";
}

void optional_field(JsonWriter& json, std::string_view name, const std::optional<std::string>& value) {
    json.key(name);
    value ? json.value(*value) : json.null();
}

}  // namespace

std::string human_duration(std::chrono::steady_clock::duration took) {
    const double seconds = std::chrono::duration<double>(took).count();
    char buffer[32];
    if (seconds < 10)
        std::snprintf(buffer, sizeof buffer, "%.1fs", seconds);
    else if (seconds < 60)
        std::snprintf(buffer, sizeof buffer, "%.0fs", seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%dm%02ds", static_cast<int>(seconds) / 60, static_cast<int>(seconds) % 60);
    return buffer;
}

std::string RunLog::new_process_run_id() {
    std::random_device random;
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%08x%08x", static_cast<unsigned>(random()), static_cast<unsigned>(random()));
    return buffer;
}

RunLog::RunLog(std::ostream& out, LogStyle style, std::string run_id)
    : m_sink(std::make_shared<Sink>(out)), m_style(style), m_run_id(std::move(run_id)) {}

RunLog::RunLog(std::ostream& out, LogFormat format, Terminal terminal, std::chrono::milliseconds progress_interval)
    : RunLog(out, LogStyle{format, terminal, Verbosity::Normal, 80, progress_interval}) {}

RunLog::RunLog(RunLog& parent, std::string cluster)
    : m_sink(parent.m_sink),
      m_style(parent.m_style),
      m_run_id(parent.m_run_id),
      m_alias(parent.m_alias),
      m_data_source(parent.m_data_source),
      m_cluster(std::move(cluster)),
      m_start(parent.m_start) {}

void RunLog::set_context(std::string alias, std::string data_source) {
    m_alias = std::move(alias);
    m_data_source = std::move(data_source);
}

void RunLog::end_progress_line() {
    if (m_sink->progress_open) {
        m_sink->out << "\n";
        m_sink->progress_open = false;
    }
}

void RunLog::write(LogLevel level, std::string_view step, std::string_view message, double seconds) {
    if (m_style.verbosity == Verbosity::Quiet && level != LogLevel::Error) return;
    write_line(level, step, message, seconds, std::nullopt);
}

void RunLog::write_line(LogLevel level, std::string_view step, std::string_view message, double seconds,
                        std::optional<int> exit_code) {
    std::string line;
    if (m_style.format == LogFormat::Json) {
        JsonWriter json;
        json.begin_object().field("ts", utc_timestamp()).field("level", level_name(level)).field("step", step);
        json.field("message", message);
        if (seconds >= 0) json.field("seconds", seconds);
        optional_field(json, "alias", m_alias);
        optional_field(json, "data_source", m_data_source);
        if (!m_cluster.empty()) json.field("cluster", m_cluster);
        json.field("run_id", m_run_id);
        if (exit_code) {
            json.field("exit_code", *exit_code);
            json.field("duration_ms",
                       static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed()).count()));
        }
        json.end_object();
        line = json.str();
    } else {
        line = utc_timestamp() + " " + level_name(level);
        line.append(6 - std::string_view(level_name(level)).size(), ' ');
        line += "[" + (m_cluster.empty() ? "" : m_cluster + "/") + std::string(step) + "] " + std::string(message);
    }
    line += '\n';
    const std::lock_guard<std::mutex> guard(m_sink->mutex);
    end_progress_line();
    m_sink->out << line;
    m_sink->out.flush();
}

void RunLog::step_done(std::string_view step, std::string_view message,
                       std::chrono::steady_clock::duration took) {
    write(LogLevel::Info, step, std::string(message) + " (" + human_duration(took) + ")",
          std::chrono::duration<double>(took).count());
}

void RunLog::summary(std::string_view outcome, int exit_code) {
    const std::string message = std::string(outcome) + ": exit " + std::to_string(exit_code) + " in " +
                                human_duration(elapsed()) + " (run " + m_run_id + ")";
    write_line(exit_code == 0 || exit_code == 3 || exit_code == 99 ? LogLevel::Info : LogLevel::Error, "summary",
               message, -1, exit_code);
}

void RunLog::progress(std::string_view step, std::string_view what, std::uint64_t done, std::uint64_t total) {
    if (m_style.verbosity == Verbosity::Quiet) return;
    const auto now = std::chrono::steady_clock::now();
    const bool finished = done >= total;
    if (step != m_progress_step) {
        m_progress_step = std::string(step);
        m_progress_started = now;
        m_last_progress_text.clear();
    }
    const auto took = now - m_progress_started;
    std::string timing = human_duration(took);
    if (done > 0 && !finished) {
        const auto left = took * static_cast<double>(total - done) / static_cast<double>(done);
        timing += ", ~" + human_duration(std::chrono::duration_cast<std::chrono::steady_clock::duration>(left)) + " left";
    }
    const std::string count = std::to_string(done) + "/" + std::to_string(total);
    if (m_style.terminal == Terminal::Yes && m_style.format == LogFormat::Text) {
        const std::string head = "[" + (m_cluster.empty() ? "" : m_cluster + "/") + std::string(step) + "] ";
        const std::string tail = " " + count + " " + timing + " ";
        // The bar shrinks first, then `what` is cut: the line stays one column short of the width (no wrap).
        const std::size_t room = m_style.terminal_width > head.size() + tail.size() + 1
                                     ? m_style.terminal_width - head.size() - tail.size() - 1
                                     : 0;
        const std::size_t bar_width = std::min<std::size_t>(30, room >= 12 ? room / 3 : 0);
        std::string line = head;
        if (bar_width >= 4) {
            const std::size_t filled = total == 0 ? bar_width : static_cast<std::size_t>(bar_width * done / total);
            line += "[" + std::string(filled, '#') + std::string(bar_width - filled, '.') + "]";
        }
        line += tail;
        line += what;
        if (m_style.terminal_width > 1 && line.size() > m_style.terminal_width - 1) {
            line.resize(m_style.terminal_width - 1);
        }
        const std::lock_guard<std::mutex> guard(m_sink->mutex);
        m_sink->out << "\r" << line << "\x1b[K";
        m_sink->progress_open = true;
        if (finished) end_progress_line();
        m_sink->out.flush();
        return;
    }
    const std::string text = count + " " + std::string(what);
    if (text == m_last_progress_text) return;  // nothing changed: no line
    if (!finished && now - m_last_progress < m_style.progress_interval) return;
    m_last_progress = now;
    m_last_progress_text = text;
    write(LogLevel::Info, step, text + " (" + timing + ")", -1);
}

}  // namespace aliasing
