#pragma once
// The parsed command line of `aliasing`, shared by the command implementations.

#include "aliasing/cluster/aws_signing.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aliasing::cli {

struct CommandLine {
    std::string command;                  // plan, audit, run, status, rollback, plugins, help, version
    std::vector<std::string> positional;  // e.g. the job file
    std::vector<std::string> given;       // long names of the options given, in order (for per-command checks)

    bool help = false;
    bool version = false;
    std::string output = "text";
    std::optional<std::string> catalog;
    std::vector<std::string> aliases;
    std::vector<std::string> plugin_dirs;
    std::optional<std::string> pattern;
    std::optional<std::string> max_segment_size;
    std::optional<std::string> now;
    std::vector<std::string> es_urls;
    std::vector<std::string> clusters;    // --cluster NAME=URL, repeatable (several clusters, docs/multi-cluster.md)
    std::optional<std::string> parallel;  // --parallel N: clusters prepared at once
    std::optional<std::string> clusters_file;  // --clusters FILE: the clusters, one section each
    std::optional<std::string> ca_file;
    std::optional<std::string> connection;
    bool insecure = false;
    cluster::AwsSigningFlags aws;  ///< --aws-sigv4, --aws-region, --aws-service
    bool dry_run = false;
    bool apply = false;
    std::optional<std::string> report;
    std::optional<std::string> metrics_file;
    std::string log_format = "text";
    bool quiet = false;
    bool wide = false;
    std::optional<std::string> timeout;
    std::optional<std::string> lock_ttl;
    std::optional<std::string> lock_index;
    bool clear = false;             // rollback --clear: remove the rollback hold
    bool hold_until_newer = false;  // rollback --hold-until-newer
};

/// Each command's entry point: returns the process exit code (SPEC §9).
int run_plan(const CommandLine& line);
int run_audit(const CommandLine& line);
int run_plugins(const CommandLine& line);
int run_promotion(const CommandLine& line);  // run, status, rollback

/// "unknown option --dryrun; did you mean --dry-run? ..." for the option name Poco did not know.
std::string unknown_option_message(const std::string& given);

/// Prints `aliasing: error: <message>` to stderr and returns `code`.
int fail(int code, const std::string& message);

}  // namespace aliasing::cli
