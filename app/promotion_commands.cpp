// Commands that talk to a cluster: run, status, rollback, audit --es-url.

#include "command_line.hpp"
#include "plugin_setup.hpp"

#include "aliasing/audit.hpp"
#include "aliasing/cluster/connection_file.hpp"
#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/pipeline.hpp"

#include "aliasing/json_writer.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace aliasing::cli {
namespace {

struct Session {
    RunLog log;
    RunReport report;
    std::optional<std::string> report_path;
    LogFormat log_format = LogFormat::Text;
    /// run, status, rollback with --output json: the plan is held back and printed at the end inside one
    /// document whose last fields are the run's real outcome and exit code.
    bool json_document = false;
    std::ostringstream held_plan;

    std::ostream& plan_stream() { return json_document ? static_cast<std::ostream&>(held_plan) : std::cout; }

    int finish(const PipelineOutcome& outcome) {
        report.finish(outcome.exit_code, outcome.outcome, outcome.message);
        if (outcome.exit_code != 0 && !outcome.message.empty()) {
            if (outcome.exit_code == 99)
                log.info("result", outcome.message);
            else if (outcome.exit_code == 3)
                ;  // the plan step already said why
            else if (log_format == LogFormat::Text)
                fail(outcome.exit_code, outcome.message);
            else
                log.error("result", outcome.outcome + " (exit " + std::to_string(outcome.exit_code) + "): " +
                                        outcome.message);
        }
        if (report_path) {
            if (auto written = report.write(*report_path); !written) log.error("report", written.error().message);
        }
        if (json_document) std::cout << run_document(outcome) << std::flush;
        log.summary(outcome.outcome, outcome.exit_code);
        return outcome.exit_code;
    }

    std::string run_document(const PipelineOutcome& outcome) const {
        std::string plan = held_plan.str();
        while (!plan.empty() && (plan.back() == '\n' || plan.back() == ' ')) plan.pop_back();
        JsonWriter json;
        json.begin_object().field("run_id", log.run_id()).key("plan");
        plan.empty() ? json.null() : json.raw(plan);
        json.field("message", outcome.message).field("outcome", outcome.outcome).field("exit_code", outcome.exit_code);
        json.end_object();
        return json.take() + "\n";
    }
};

std::size_t terminal_columns() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        const long value = std::atol(columns);
        if (value > 0) return static_cast<std::size_t>(value);
    }
    return 80;
}

LogStyle log_style(const CommandLine& line) {
    LogStyle style;
    style.format = line.log_format == "json" ? LogFormat::Json : LogFormat::Text;
    style.terminal = ::isatty(STDERR_FILENO) ? Terminal::Yes : Terminal::No;
    style.verbosity = line.quiet ? Verbosity::Quiet : Verbosity::Normal;
    if (style.terminal == Terminal::Yes) style.terminal_width = terminal_columns();
    return style;
}

Result<std::chrono::seconds> parse_timeout(const std::optional<std::string>& text) {
    if (!text) return std::chrono::seconds(3600);
    long seconds = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc() || end != text->data() + text->size() || seconds <= 0)
        return make_error(ErrorKind::Usage, "--timeout: value \"" + *text + "\" is not valid: expected seconds > 0");
    return std::chrono::seconds(seconds);
}

Result<std::chrono::seconds> parse_lock_ttl(const std::optional<std::string>& text) {
    if (!text) return std::chrono::seconds(6 * 3600);
    auto seconds = parse_timeout(text);
    if (!seconds) return make_error(ErrorKind::Usage, "--lock-ttl: value \"" + *text + "\" is not valid: expected seconds > 0");
    return seconds;
}

std::string run_holder() {
    char host[256] = "unknown-host";
    ::gethostname(host, sizeof host - 1);
    return std::string(host) + ":" + std::to_string(::getpid());
}

Result<cluster::EsClient> connect(const CommandLine& line, RunLog& log) {
    const auto tls = line.insecure ? cluster::TlsVerification::Insecure : cluster::TlsVerification::Verify;
    cluster::GetEnv environment = cluster::process_environment();
    std::optional<cluster::ConnectionFile> file;
    if (const auto path = connection_file_path(line)) {
        auto loaded = cluster::load_connection_file(*path);
        if (!loaded) return loaded.error();
        file = std::move(loaded).value();
        environment = cluster::with_connection_file(*file, std::move(environment));
    }
    const std::string ca_file = line.ca_file.value_or(file ? file->ca_file : std::string());
    auto options = cluster::connection_options_from(line.es_urls, ca_file, tls, environment);
    if (!options) return options.error();
    if (file) cluster::apply_connection_file(*file, *options);
    if (line.insecure) {
        const bool any_https = std::any_of(options->urls.begin(), options->urls.end(),
                                           [](const std::string& url) { return url.rfind("https://", 0) == 0; });
        if (any_https) {
            log.warn("tls", "--insecure: the cluster's TLS certificate is NOT verified; anyone on the path can read "
                            "and change this run's requests. Never use this in production");
        } else {
            log.warn("tls", "--insecure has no effect: every cluster URL is http://, so nothing is encrypted or "
                            "verified at all; use https:// URLs");
        }
    }
    auto transport = cluster::Transport::create(*options);
    if (!transport) return transport.error();
    return cluster::EsClient(std::move(transport).value());
}

int online_audit(const CommandLine& line, Session& session) {
    auto format = parse_output_format(line.output);
    if (!format) return session.finish(outcome_of(format.error()));
    auto max_segment = parse_size_option(line.max_segment_size, 2ULL << 30);
    if (!max_segment) return session.finish(outcome_of(max_segment.error()));
    auto timeout = parse_timeout(line.timeout);
    if (!timeout) return session.finish(outcome_of(timeout.error()));
    auto client = connect(line, session.log);
    if (!client) return session.finish(outcome_of(client.error()));
    const std::string pattern = line.pattern.value_or("*");
    auto body = client->cat_indices(pattern);
    if (!body) return session.finish(outcome_of(body.error()));
    auto catalog = Catalog::parse(std::move(body).value(), "GET /_cat/indices/" + pattern);
    if (!catalog) return session.finish(outcome_of(catalog.error()));
    AuditOptions options;
    options.pattern = pattern;
    options.max_segment_size_bytes = *max_segment;
    const auto rows = audit_catalog(*catalog, options);
    session.plan_stream() << render_audit(rows, *format) << std::flush;
    if (!line.apply) return session.finish({0, "audited", ""});
    std::vector<MergeRow> merges;
    for (const auto& row : rows)
        if (row.merge.decision == MergeDecision::Merge && row.merge.command.rfind("POST", 0) == 0)
            merges.push_back(row.merge);
    PipelineOptions pipeline_options;
    pipeline_options.timeout = *timeout;
    return session.finish(apply_force_merges(*client, merges, session.log, session.report, pipeline_options));
}

}  // namespace

int run_promotion(const CommandLine& line) {
    if (line.log_format != "text" && line.log_format != "json")
        return fail(2, "--log-format: value \"" + line.log_format + "\" is not valid: expected text or json");
    const LogStyle style = log_style(line);
    Session session{RunLog(std::cerr, style), RunReport{}, line.report, style.format,
                    line.output == "json" && line.command != "audit", std::ostringstream{}};
    session.report.set_command(line.command);
    session.report.set_run_id(session.log.run_id());
    if (line.command == "audit") return online_audit(line, session);

    if (line.positional.size() != 1)
        return session.finish(outcome_of(make_error(
            ErrorKind::Usage, line.command + " needs exactly one job file; see `aliasing " + line.command + " --help`")));
    auto format = parse_output_format(line.output);
    if (!format) return session.finish(outcome_of(format.error()));
    auto timeout = parse_timeout(line.timeout);
    if (!timeout) return session.finish(outcome_of(timeout.error()));
    auto job = load_job(line.positional.front());
    if (!job) return session.finish(outcome_of(job.error()));
    session.report.set_job(line.positional.front(), *job);
    session.log.set_context(job->alias_name, job->data_source);
    if (job->abort_run) {
        return session.finish({exit_code(ErrorKind::Aborted), "aborted",
                               "abort_run is set in " + line.positional.front() + ": nothing done"});
    }
    auto plugins = load_plugins(line);
    auto source = plugins.registry.require(job->data_source);
    if (!source) return session.finish(outcome_of(source.error()));
    session.report.set_plugin((*source)->info());

    auto client = connect(line, session.log);
    if (!client) return session.finish(outcome_of(client.error()));

    PipelineOptions options;
    options.plan_format = *format;
    options.plan_width = line.wide ? TableWidth::Wide : TableWidth::Fit;
    options.timeout = *timeout;
    if (line.command == "status" || line.dry_run) options.execution = Execution::DryRun;
    if (line.command == "rollback") options.mode = PipelineMode::Rollback;
    auto lock_ttl = parse_lock_ttl(line.lock_ttl);
    if (!lock_ttl) return session.finish(outcome_of(lock_ttl.error()));
    options.lock = cluster::LockRequest{job->alias_name, run_holder(), line.positional.front(), *lock_ttl, {}};
    Pipeline pipeline(*client, *job, **source, session.log, session.report, session.plan_stream(), options);
    const PipelineOutcome outcome = pipeline.run();
    client->close();
    return session.finish(outcome);
}

}  // namespace aliasing::cli
