// Commands that talk to a cluster: run, status, rollback, audit --es-url.

#include "cluster_connections.hpp"
#include "command_line.hpp"
#include "plugin_setup.hpp"

#include "aliasing/audit/audit.hpp"
#include "aliasing/cluster/connection_file.hpp"
#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/multi/multi_cluster.hpp"
#include "aliasing/pipeline/pipeline.hpp"
#include "aliasing/pipeline/run_metrics.hpp"

#include "aliasing/render/json_writer.hpp"

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <thread>

namespace aliasing::cli {
namespace {

// The one piece of global state: set by the SIGTERM/SIGINT handler, read at the run's safe points.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler may only touch a lock-free atomic");

extern "C" void on_stop_signal(int) { g_stop_requested.store(true); }

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // requests in flight go on; the run stops at its next safe point
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

bool stop_requested() { return g_stop_requested.load(); }

// Backoff sleeps between retries end early once a stop is requested.
void interruptible_sleep(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (!stop_requested() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
            until - std::chrono::steady_clock::now(), std::chrono::milliseconds(50)));
}

struct Session {
    Session(const LogStyle& style, std::optional<std::string> report_file, bool one_json_document)
        : log(std::cerr, style),
          report_path(std::move(report_file)),
          log_format(style.format),
          json_document(one_json_document) {}

    RunLog log;
    RunReport report;
    std::optional<std::string> report_path;
    LogFormat log_format = LogFormat::Text;
    /// run, status, rollback with --output json: the plan is held back and printed at the end inside one
    /// document whose last fields are the run's real outcome and exit code.
    bool json_document = false;
    std::ostringstream held_plan;
    std::optional<std::string> metrics_path;  ///< --metrics-file
    std::string metrics_alias, metrics_data_source;  ///< its labels, once the job is read

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
        if (metrics_path) {
            const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
            if (auto written = write_metrics_file(*metrics_path, metrics_of(report, metrics_alias, metrics_data_source, now));
                !written)
                log.error("metrics", written.error().message);
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
    if (!text) return cluster::kDefaultLockTtl;
    auto seconds = parse_timeout(text);
    if (!seconds) return make_error(ErrorKind::Usage, "--lock-ttl: value \"" + *text + "\" is not valid: expected seconds > 0");
    return seconds;
}

Result<std::size_t> parse_parallel(const CommandLine& line) {
    if (!line.parallel) return PipelineOptions{}.parallel_prepare;
    const std::string& text = *line.parallel;
    std::size_t clusters = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), clusters);
    if (ec != std::errc() || end != text.data() + text.size() || clusters < 1 || clusters > 64)
        return make_error(ErrorKind::Usage, "--parallel: value \"" + text + "\" is not valid: expected 1 to 64 clusters");
    // One --cluster is accepted (a scheduler's template may list one cluster or several); no --cluster is a mistake.
    if (line.clusters.empty() && !clusters_file_path(line))
        return make_error(ErrorKind::Usage,
                          "--parallel is for several clusters (--cluster NAME=URL, repeatable, or --clusters FILE)");
    return clusters;
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
    // The connection file's sigv4_* keys complete the command line's flags, and its profile and credentials file
    // stand in for the AWS_* variables (through `environment`).
    auto signing = cluster::aws_signing_from(file ? cluster::signing_flags_with(*file, line.aws) : line.aws, environment);
    if (!signing) return signing.error();
    if (*signing && (!options->api_key.empty() || !options->username.empty())) {
        return make_error(ErrorKind::Usage, "--aws-sigv4 replaces ALIASING_ES_USERNAME/ALIASING_ES_API_KEY: unset them");
    }
    options->sigv4 = *signing;
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
    cluster::TransportHooks hooks;
    hooks.sleep = interruptible_sleep;
    auto transport = cluster::Transport::create(*options, hooks);
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
    if (line.apply && !line.pattern) {
        return session.finish(outcome_of(make_error(
            ErrorKind::Usage, "audit --apply needs an explicit --pattern GLOB (e.g. --pattern 'customer-2_0_0-*'): "
                              "force-merging every index of a cluster is never a default; nothing was changed")));
    }
    auto plugins = load_plugins(line);  // before any connection: the probes fork
    auto client = connect(line, session.log);
    if (!client) return session.finish(outcome_of(client.error()));
    const std::string pattern = line.pattern.value_or("*");
    auto body = client->cat_indices(pattern, cluster::EsClient::Hidden::Exclude);
    if (!body) return session.finish(outcome_of(body.error()));
    auto catalog = Catalog::parse(std::move(body).value(), "GET /_cat/indices/" + pattern);
    if (!catalog) return session.finish(outcome_of(catalog.error()));
    AuditOptions options;
    options.pattern = pattern;
    options.max_segment_size_bytes = *max_segment;
    options.sources = plugins.registry.sources();
    const auto rows = audit_catalog(*catalog, options);
    session.plan_stream() << render_audit(rows, *format) << std::flush;
    if (!line.apply) return session.finish({0, "audited", ""});
    std::vector<MergeRow> merges;
    for (const auto& row : rows)
        if (row.merge.decision == MergeDecision::Merge && row.merge.command.rfind("POST", 0) == 0)
            merges.push_back(row.merge);
    PipelineOptions pipeline_options;
    pipeline_options.timeout = *timeout;
    pipeline_options.interrupted = stop_requested;
    return session.finish(apply_force_merges(*client, merges, session.log, session.report, pipeline_options));
}

Result<std::string> lock_index_from(const CommandLine& line) {
    if (!line.lock_index) return std::string(cluster::kLockIndex);
    if (auto problem = index_name_problem(*line.lock_index); !problem.empty())
        return make_error(ErrorKind::Usage, "--lock-index: value \"" + *line.lock_index + "\" is not a valid index "
                                            "name: " + problem);
    return *line.lock_index;
}

// `aliasing rollback --clear JOB`: removes the rollback hold; the alias is not moved.
int clear_rollback_hold(cluster::EsClient& client, const Job& job, const std::string& index, Session& session) {
    auto hold = cluster::read_hold(client, index, job.alias_name);
    if (!hold) return session.finish(outcome_of(hold.error()));
    auto cleared = cluster::clear_hold(client, index, job.alias_name);
    if (!cleared) return session.finish(outcome_of(cleared.error()));
    if (!*cleared || !*hold) {
        session.log.info("hold", "alias [" + job.alias_name + "] has no rollback hold: nothing to clear");
        return session.finish({0, "hold_cleared", "no rollback hold"});
    }
    const std::string message = "rollback hold cleared (" + cluster::describe_hold(**hold) +
                                "); the next run promotes the newest complete generation again";
    session.log.info("hold", message);
    session.report.record({"hold", job.alias_name, ActionStatus::Ok, "cleared", 0});
    return session.finish({0, "hold_cleared", message});
}

}  // namespace

int run_promotion(const CommandLine& line) {
    if (line.log_format != "text" && line.log_format != "json")
        return fail(2, "--log-format: value \"" + line.log_format + "\" is not valid: expected text or json");
    const LogStyle style = log_style(line);
    Session session(style, line.report, line.output == "json" && line.command != "audit");
    session.report.set_command(line.command);
    session.report.set_run_id(session.log.run_id());
    session.metrics_path = line.metrics_file;
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
    session.metrics_alias = job->alias_name;
    session.metrics_data_source = job->data_source;
    session.log.set_context(job->alias_name, job->data_source);
    if (job->abort_run) {
        return session.finish({exit_code(ErrorKind::Aborted), "aborted",
                               "abort_run is set in " + line.positional.front() + ": nothing done"});
    }
    auto plugins = load_plugin_for(line, job->data_source);
    auto source = plugins.registry.require(job->data_source);
    if (!source) return session.finish(outcome_of(source.error()));
    session.report.set_plugin((*source)->info());

    auto lock_index = lock_index_from(line);
    if (!lock_index) return session.finish(outcome_of(lock_index.error()));
    if ((line.clear || line.hold_until_newer) && line.command != "rollback")
        return session.finish(outcome_of(make_error(ErrorKind::Usage, "--clear and --hold-until-newer are rollback options")));
    if (auto problem = cluster_option_problem(line)) return session.finish(outcome_of(*problem));
    install_stop_handlers();
    std::vector<ClusterClient> clusters;
    if (!line.clusters.empty() || clusters_file_path(line)) {
        cluster::TransportHooks hooks;
        hooks.sleep = interruptible_sleep;
        auto connected = connect_clusters(line, session.log, hooks);
        if (!connected) return session.finish(outcome_of(connected.error()));
        clusters = std::move(connected).value();
    }
    // One --cluster is the plain single-cluster run on that cluster.
    std::optional<cluster::EsClient> client;
    if (clusters.size() == 1) {
        client.emplace(std::move(clusters.front().client));
        clusters.clear();
    } else if (clusters.empty()) {
        auto connected = connect(line, session.log);
        if (!connected) return session.finish(outcome_of(connected.error()));
        client.emplace(std::move(connected).value());
    }
    if (line.clear) {
        if (auto info = client->info(); !info)
            return session.finish(outcome_of(make_error(ErrorKind::Unreachable, info.error().message)));
        const int code = clear_rollback_hold(*client, *job, *lock_index, session);
        client->close();
        return code;
    }

    PipelineOptions options;
    options.interrupted = stop_requested;
    if (line.hold_until_newer) options.hold_release = cluster::HoldRelease::NewerThanFrom;
    options.plan_format = *format;
    options.plan_width = line.wide ? TableWidth::Wide : TableWidth::Fit;
    options.timeout = *timeout;
    auto parallel = parse_parallel(line);
    if (!parallel) return session.finish(outcome_of(parallel.error()));
    options.parallel_prepare = *parallel;
    if (line.command == "status" || line.command == "plan" || line.dry_run) options.execution = Execution::DryRun;
    if (line.command == "rollback") options.mode = PipelineMode::Rollback;
    auto lock_ttl = parse_lock_ttl(line.lock_ttl);
    if (!lock_ttl) return session.finish(outcome_of(lock_ttl.error()));
    options.lock = cluster::LockRequest{};
    options.lock->id = job->alias_name;
    options.lock->holder = run_holder();
    options.lock->job = line.positional.front();
    options.lock->ttl = *lock_ttl;
    options.lock->index = *lock_index;
    if (!client) {
        std::vector<NamedClient> named;
        for (auto& cluster : clusters) named.push_back({cluster.name, &cluster.client});
        MultiPipeline pipeline(named, *job, **source, session.log, session.report, session.plan_stream(), options);
        const PipelineOutcome outcome = pipeline.run();
        for (auto& cluster : clusters) cluster.client.close();
        return session.finish(outcome);
    }
    Pipeline pipeline(*client, *job, **source, session.log, session.report, session.plan_stream(), options);
    const PipelineOutcome outcome = pipeline.run();
    client->close();
    return session.finish(outcome);
}

}  // namespace aliasing::cli
