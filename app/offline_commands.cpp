// Commands that need no cluster: plan, audit --catalog, plugins.

#include "command_line.hpp"
#include "plugin_setup.hpp"

#include "aliasing/audit/audit.hpp"
#include "aliasing/catalog/error_body.hpp"
#include "aliasing/render/plan_render.hpp"

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace aliasing::cli {

Result<AliasTable> load_alias_files(const std::vector<std::string>& files) {
    AliasTable table;
    for (const auto& file : files) {
        auto bytes = read_file(file);
        if (!bytes) return bytes.error();
        if (auto checked = check_not_error_body(*bytes, file, SavedBody::Aliases); !checked) return checked.error();
        auto parsed = AliasTable::parse(*bytes, file);
        if (!parsed) return parsed.error();
        table.merge(*parsed);
    }
    return table;
}

Result<Catalog> load_catalog_file(const std::string& file) {
    auto bytes = read_file(file);
    if (!bytes) return bytes.error();
    if (auto checked = check_not_error_body(*bytes, file, SavedBody::Catalog); !checked) return checked.error();
    return Catalog::parse(std::move(bytes).value(), file);
}

std::optional<std::string> connection_file_path(const CommandLine& line) {
    if (line.connection) return line.connection;
    const char* variable = std::getenv("ALIASING_CONNECTION");
    if (variable != nullptr && *variable != '\0') return std::string(variable);
    return std::nullopt;
}

std::optional<std::string> clusters_file_path(const CommandLine& line) {
    if (line.clusters_file) return line.clusters_file;
    if (!line.clusters.empty() || !line.es_urls.empty() || line.connection || line.catalog || !line.aliases.empty())
        return std::nullopt;
    const char* variable = std::getenv("ALIASING_CLUSTERS");
    if (variable != nullptr && *variable != '\0') return std::string(variable);
    return std::nullopt;
}

Result<RunInstant> clock_from(const CommandLine& line) {
    if (!line.now) return now_instant();
    auto instant = parse_run_id(*line.now);
    if (!instant) return make_error(ErrorKind::Usage, "--now: " + instant.error().message);
    return instant;
}

Result<std::uint64_t> parse_size_option(const std::optional<std::string>& text, std::uint64_t fallback) {
    if (!text) return fallback;
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value == 0) {
        return make_error(ErrorKind::Usage, "--max-segment-size: value \"" + *text +
                                                "\" is not valid: expected a positive number of bytes");
    }
    return value;
}

int run_plan(const CommandLine& line) {
    if (line.positional.size() != 1) return fail(2, "plan needs exactly one job file; see `aliasing plan --help`");
    if (!line.catalog) return fail(2, "plan needs --catalog FILE (the body of GET _cat/indices/...); see `aliasing plan --help`");
    auto format = parse_output_format(line.output);
    if (!format) return fail(2, format.error().message);
    auto job = load_job(line.positional.front());
    if (!job) return fail(exit_code(job.error().kind), job.error().message);
    if (job->abort_run) {
        std::cout << "abort_run is set in " << line.positional.front() << ": nothing to do (exit 99, \"skipped\")\n";
        return exit_code(ErrorKind::Aborted);
    }
    auto plugins = load_plugin_for(line, job->data_source);
    auto source = plugins.registry.require(job->data_source);
    if (!source) return fail(2, source.error().message);
    auto clock = clock_from(line);
    if (!clock) return fail(2, clock.error().message);
    auto catalog = load_catalog_file(*line.catalog);
    if (!catalog) return fail(2, catalog.error().message);
    auto aliases = load_alias_files(line.aliases);
    if (!aliases) return fail(2, aliases.error().message);

    auto plan = make_plan(PlanRequest{*job, **source, *catalog, *aliases, *clock});
    if (!plan) return fail(exit_code(plan.error().kind), plan.error().message);
    std::cout << render_plan(*plan, *format, line.wide ? TableWidth::Wide : TableWidth::Fit);
    return plan->exit_code();
}

int run_audit(const CommandLine& line) {
    const bool cluster_from_environment =
        !line.catalog && (std::getenv("ALIASING_ES_URL") != nullptr || connection_file_path(line).has_value());
    if (!line.es_urls.empty() || line.apply || cluster_from_environment) return run_promotion(line);  // online
    if (!line.catalog) return fail(2, "audit needs --catalog FILE or --es-url URL; see `aliasing audit --help`");
    auto format = parse_output_format(line.output);
    if (!format) return fail(2, format.error().message);
    auto max_segment = parse_size_option(line.max_segment_size, 2ULL << 30);
    if (!max_segment) return fail(2, max_segment.error().message);
    auto catalog = load_catalog_file(*line.catalog);
    if (!catalog) return fail(2, catalog.error().message);
    auto plugins = load_plugins(line);
    AuditOptions options;
    options.pattern = line.pattern.value_or("*");
    options.max_segment_size_bytes = *max_segment;
    options.sources = plugins.registry.sources();
    std::cout << render_audit(audit_catalog(*catalog, options), *format);
    return 0;
}

int run_plugins(const CommandLine& line) {
    if (line.output != "text" && line.output != "json")
        return fail(2, "--output: value \"" + line.output + "\" is not valid: expected text or json");
    auto plugins = load_plugins(line);
    std::cout << render_plugin_list(plugins.registry, line.output == "json" ? ListFormat::Json : ListFormat::Text);
    return 0;
}

}  // namespace aliasing::cli
