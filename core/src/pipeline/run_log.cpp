#include "aliasing/run_log.hpp"

#include "aliasing/json_writer.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

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

RunLog::RunLog(std::ostream& out, LogFormat format, Terminal terminal, std::chrono::milliseconds progress_interval)
    : m_out(out), m_format(format), m_terminal(terminal), m_interval(progress_interval) {}

void RunLog::end_progress_line() {
    if (m_progress_open) {
        m_out << "\n";
        m_progress_open = false;
    }
}

void RunLog::write(LogLevel level, std::string_view step, std::string_view message, double seconds) {
    end_progress_line();
    if (m_format == LogFormat::Json) {
        JsonWriter json;
        json.begin_object().field("ts", utc_timestamp()).field("level", level_name(level)).field("step", step);
        json.field("message", message);
        if (seconds >= 0) json.field("seconds", seconds);
        json.end_object();
        m_out << json.str() << "\n";
    } else {
        std::string line = utc_timestamp() + " " + level_name(level);
        line.append(6 - std::string_view(level_name(level)).size(), ' ');
        line += "[" + std::string(step) + "] " + std::string(message);
        m_out << line << "\n";
    }
    m_out.flush();
}

void RunLog::step_done(std::string_view step, std::string_view message,
                       std::chrono::steady_clock::duration took) {
    write(LogLevel::Info, step, std::string(message) + " (" + human_duration(took) + ")",
          std::chrono::duration<double>(took).count());
}

void RunLog::progress(std::string_view step, std::string_view what, std::uint64_t done, std::uint64_t total) {
    const auto now = std::chrono::steady_clock::now();
    const bool finished = done >= total;
    if (m_terminal == Terminal::Yes && m_format == LogFormat::Text) {
        const int width = 30;
        const int filled = total == 0 ? width : static_cast<int>(width * done / total);
        std::string bar = "\r[" + std::string(step) + "] [" + std::string(filled, '#') +
                          std::string(width - filled, '.') + "] " + std::to_string(done) + "/" +
                          std::to_string(total) + " " + std::string(what);
        m_out << bar << "\x1b[K";
        m_progress_open = true;
        if (finished) end_progress_line();
        m_out.flush();
        return;
    }
    if (!finished && now - m_last_progress < m_interval) return;
    m_last_progress = now;
    write(LogLevel::Info, step, std::to_string(done) + "/" + std::to_string(total) + " " + std::string(what), -1);
}

}  // namespace aliasing
