#pragma once
/// What a run tells the person (or log shipper) watching it: one line per event, step durations, and progress
/// for long steps — a redrawn bar on a terminal, a line every few seconds otherwise (Airflow task logs) — and one
/// summary line at the end (outcome, exit code, total time).

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace aliasing {

enum class LogFormat { Text, Json };
enum class LogLevel { Info, Warn, Error };
/// Whether the stream is a terminal (progress redraws in place) or a file/pipe (periodic lines).
enum class Terminal { Yes, No };
/// Quiet: only errors and the summary line (`--quiet`).
enum class Verbosity { Normal, Quiet };

/// How the log is written. The defaults are a human log on a pipe.
struct LogStyle {
    LogFormat format = LogFormat::Text;
    Terminal terminal = Terminal::No;
    Verbosity verbosity = Verbosity::Normal;
    std::size_t terminal_width = 80;  ///< columns of the terminal: a progress line never wraps
    std::chrono::milliseconds progress_interval = std::chrono::seconds(5);
};

class RunLog {
public:
    /// A fresh id for one process run: 16 hex digits.
    static std::string new_process_run_id();

    /// `run_id` identifies this process's run in every JSON line and in the report (new_process_run_id()).
    RunLog(std::ostream& out, LogStyle style, std::string run_id = new_process_run_id());
    RunLog(std::ostream& out, LogFormat format, Terminal terminal,
           std::chrono::milliseconds progress_interval = std::chrono::seconds(5));
    /// One cluster's log in a several-cluster run: its lines carry the cluster (text `[dr/swap]`, JSON
    /// `"cluster":"dr"`) and go to `parent`'s stream, with the parent's style, ids and clock. The parent and its
    /// cluster logs may write from different threads: each line is written whole, under the stream's one lock, and
    /// each has its own progress (a terminal's redrawn line shows whichever cluster reported last). `parent` must
    /// outlive it.
    RunLog(RunLog& parent, std::string cluster);
    RunLog(const RunLog&) = delete;
    RunLog& operator=(const RunLog&) = delete;

    /// The job's alias and data source, carried by every JSON line from now on (null before).
    void set_context(std::string alias, std::string data_source);
    const std::string& run_id() const { return m_run_id; }
    /// The cluster this log is about ("" but for a cluster's log, see above).
    const std::string& cluster() const { return m_cluster; }

    void info(std::string_view step, std::string_view message) { write(LogLevel::Info, step, message, -1); }
    void warn(std::string_view step, std::string_view message) { write(LogLevel::Warn, step, message, -1); }
    void error(std::string_view step, std::string_view message) { write(LogLevel::Error, step, message, -1); }
    /// A step finished: logs its duration.
    void step_done(std::string_view step, std::string_view message, std::chrono::steady_clock::duration took);

    /// Progress of a long step (`done` of `total`). On a terminal: one redrawn line that fits its width, with the
    /// elapsed time and, once something is done, the time left. Otherwise a line at most every interval, and only
    /// when something changed; always when done == total.
    void progress(std::string_view step, std::string_view what, std::uint64_t done, std::uint64_t total);

    /// The last line: outcome, exit code and the time since the log was created (JSON: `exit_code`,
    /// `duration_ms`). Written in every verbosity.
    void summary(std::string_view outcome, int exit_code);

    /// Time since the log was created.
    std::chrono::steady_clock::duration elapsed() const { return std::chrono::steady_clock::now() - m_start; }

private:
    void write(LogLevel level, std::string_view step, std::string_view message, double seconds);
    void write_line(LogLevel level, std::string_view step, std::string_view message, double seconds,
                    std::optional<int> exit_code);
    /// Under the sink's lock.
    void end_progress_line();

    /// The stream, shared by a log and its clusters' logs: a redrawn progress line is the stream's, not a log's.
    struct Sink {
        explicit Sink(std::ostream& stream) : out(stream) {}
        std::ostream& out;
        std::mutex mutex;
        bool progress_open = false;
    };
    std::shared_ptr<Sink> m_sink;
    LogStyle m_style;
    std::string m_run_id;
    std::optional<std::string> m_alias, m_data_source;
    std::string m_cluster;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_last_progress{};
    std::string m_progress_step;
    std::chrono::steady_clock::time_point m_progress_started{};
    std::string m_last_progress_text;
};

/// Seconds as a short human string: "0.4s", "12s", "3m05s".
std::string human_duration(std::chrono::steady_clock::duration took);

}  // namespace aliasing
