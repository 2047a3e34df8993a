// Commands that talk to a cluster: run, status, rollback, audit --es-url.

#include "command_line.hpp"
#include "plugin_setup.hpp"

#include "aliasing/audit.hpp"
#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/transport.hpp"
#include "aliasing/pipeline.hpp"

#include <unistd.h>

#include <charconv>
#include <iostream>

namespace aliasing::cli {
namespace {

struct Session {
    RunLog log;
    RunReport report;
    std::optional<std::string> report_path;

    int finish(const PipelineOutcome& outcome) {
        report.finish(outcome.exit_code, outcome.outcome, outcome.message);
        if (outcome.exit_code != 0 && !outcome.message.empty()) {
            if (outcome.exit_code == 99)
                log.info("result", outcome.message);
            else if (outcome.exit_code == 3)
                ;  // the plan step already said why
            else
                log.error("result", outcome.outcome + " (exit " + std::to_string(outcome.exit_code) + "): " +
                                        outcome.message);
        }
        if (report_path) {
            if (auto written = report.write(*report_path); !written) log.error("report", written.error().message);
        }
        return outcome.exit_code;
    }
};

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
    auto options = cluster::connection_options_from(line.es_urls, line.ca_file.value_or(""), tls,
                                                    cluster::process_environment());
    if (!options) return options.error();
    auto signing = cluster::aws_signing_from(line.aws, cluster::process_environment());
    if (!signing) return signing.error();
    if (*signing && (!options->api_key.empty() || !options->username.empty())) {
        return make_error(ErrorKind::Usage, "--aws-sigv4 replaces ALIASING_ES_USERNAME/ALIASING_ES_API_KEY: unset them");
    }
    options->sigv4 = *signing;
    if (line.insecure) {
        log.warn("tls", "--insecure: the cluster's TLS certificate is NOT verified; anyone on the path can read "
                        "and change this run's requests. Never use this in production");
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
    std::cout << render_audit(rows, *format) << std::flush;
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
    Session session{RunLog(std::cerr, line.log_format == "json" ? LogFormat::Json : LogFormat::Text,
                           ::isatty(STDERR_FILENO) ? Terminal::Yes : Terminal::No),
                    RunReport{}, line.report};
    session.report.set_command(line.command);
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
    options.timeout = *timeout;
    if (line.command == "status" || line.dry_run) options.execution = Execution::DryRun;
    if (line.command == "rollback") options.mode = PipelineMode::Rollback;
    auto lock_ttl = parse_lock_ttl(line.lock_ttl);
    if (!lock_ttl) return session.finish(outcome_of(lock_ttl.error()));
    options.lock = cluster::LockRequest{job->alias_name, run_holder(), line.positional.front(), *lock_ttl, {}};
    Pipeline pipeline(*client, *job, **source, session.log, session.report, std::cout, options);
    const PipelineOutcome outcome = pipeline.run();
    client->close();
    return session.finish(outcome);
}

}  // namespace aliasing::cli
