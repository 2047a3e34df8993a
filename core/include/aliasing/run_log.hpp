#pragma once
/// What a run tells the person (or log shipper) watching it: one line per event, step durations, and progress
/// for long steps — a redrawn bar on a terminal, a line every few seconds otherwise (Airflow task logs).

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace aliasing {

enum class LogFormat { Text, Json };
enum class LogLevel { Info, Warn, Error };
/// Whether the stream is a terminal (progress redraws in place) or a file/pipe (periodic lines).
enum class Terminal { Yes, No };

class RunLog {
public:
    RunLog(std::ostream& out, LogFormat format, Terminal terminal,
           std::chrono::milliseconds progress_interval = std::chrono::seconds(5));

    void info(std::string_view step, std::string_view message) { write(LogLevel::Info, step, message, -1); }
    void warn(std::string_view step, std::string_view message) { write(LogLevel::Warn, step, message, -1); }
    void error(std::string_view step, std::string_view message) { write(LogLevel::Error, step, message, -1); }
    /// A step finished: logs its duration.
    void step_done(std::string_view step, std::string_view message, std::chrono::steady_clock::duration took);

    /// Progress of a long step (`done` of `total`). Throttled: redrawn on a terminal, a line every interval
    /// otherwise, and always when done == total.
    void progress(std::string_view step, std::string_view what, std::uint64_t done, std::uint64_t total);

private:
    void write(LogLevel level, std::string_view step, std::string_view message, double seconds);
    void end_progress_line();

    std::ostream& m_out;
    LogFormat m_format;
    Terminal m_terminal;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last_progress{};
    bool m_progress_open = false;
};

/// Seconds as a short human string: "0.4s", "12s", "3m05s".
std::string human_duration(std::chrono::steady_clock::duration took);

}  // namespace aliasing
