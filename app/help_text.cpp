#include "help_text.hpp"

#include <algorithm>

namespace aliasing::cli {

const std::vector<OptionHelp>& all_options() {
    static const std::vector<OptionHelp> options = {
        {"help", "", "show help for the command and exit"},
        {"output", "FORMAT",
         "text (default), json, or markdown (to paste into a change request); run, status and rollback print one "
         "JSON document at the end whose last field is the run's real exit_code"},
        {"catalog", "FILE",
         "body of GET _cat/indices/{index_base}-*?format=json&bytes=b&h=health,status,index,uuid,pri,rep,"
         "docs.count,pri.store.size,pri.segments.count"},
        {"aliases", "FILE",
         "body of GET _alias/{alias_name} (only its 404 \"alias [x] missing\" body means no alias yet; any other "
         "error body is refused) or GET {index_base}-*/_alias; "
         "repeatable, the bodies are merged"},
        {"plugin-dir", "DIR", "also look for plugins in DIR (before ALIASING_PLUGIN_PATH and the install's); repeatable"},
        {"pattern", "GLOB", "only indices whose name matches GLOB (* and ?)"},
        {"max-segment-size", "BYTES", "target segment size for force-merge sizing (default 2147483648 = 2 GiB)"},
        {"now", "RUN_ID", "plan as if the clock read RUN_ID (e.g. 20261124t020000), for reproducible plans"},
        {"es-url", "URL", "cluster node URL, comma-separated for several nodes (default: $ALIASING_ES_URL)"},
        {"cluster", "NAME=URL",
         "several clusters, repeatable: promote one generation on every cluster (NAME: a-z, 0-9, _ and -; "
         "credentials from ALIASING_<NAME>_USERNAME/_PASSWORD or ALIASING_<NAME>_API_KEY, NAME uppercased, - as _); "
         "not with --es-url or a connection file; one --cluster is the plain single-cluster run"},
        {"parallel", "N",
         "several clusters: prepare (force-merge, replicas, green) at most N clusters at once (default 4; 1 prepares "
         "one after the other); every cluster is still prepared before any alias moves"},
        {"clusters", "FILE",
         "several clusters from a clusters file, INI ([NAME] sections) or JSON ({\"NAME\": {...}}): each section takes "
         "the connection file's keys (see --connection) and must name its nodes; its CA, credentials and sigv4_* are "
         "that cluster's own, while --ca-file, --insecure and --aws-* apply to clusters whose section does not set "
         "them (default: $ALIASING_CLUSTERS unless --cluster, --es-url, --connection or --catalog is given); not with "
         "--cluster; refused when group or others may read it"},
        {"ca-file", "FILE", "PEM CA bundle to verify the cluster's TLS certificate"},
        {"connection", "FILE",
         "connection file, INI or JSON: nodes, ca_file, username, username_file/password_file/api_key_file, "
         "connect_timeout, tls_handshake_timeout, read_timeout, sigv4_region/sigv4_service/sigv4_profile/"
         "sigv4_credentials_file (any of them signs, as --aws-sigv4) (default: $ALIASING_CONNECTION); secrets only by "
         "file path; refused when group or others may read it"},
        {"insecure", "", "do not verify the cluster's TLS certificate (loudly warned about; never in prod)"},
        {"aws-sigv4", "", "sign every request with AWS SigV4 (Amazon OpenSearch Service); also ALIASING_AWS_SIGV4=1"},
        {"aws-region", "REGION", "the AWS region for --aws-sigv4 (default: $AWS_REGION)"},
        {"aws-service", "SERVICE", "es (OpenSearch Service domains, default) or aoss (serverless) for --aws-sigv4"},
        {"dry-run", "", "stop after printing the plan; touch nothing"},
        {"apply", "", "run the force-merges the audit recommends (needs --pattern)"},
        {"report", "FILE", "write a JSON report of the run (job, plugin, plan, every action, outcome, exit code)"},
        {"metrics-file", "PATH",
         "write the run's outcome in the Prometheus text format (atomically) for node_exporter's textfile collector"},
        {"log-format", "FORMAT",
         "text (default) or json: one JSON object per line for log shippers, each with alias, data_source and "
         "run_id; the last line has exit_code and duration_ms"},
        {"wide", "", "print the plan table with full column names and commands (default: fit 120 columns)"},
        {"quiet", "", "log only errors and the final summary line (outcome, exit code, total time)"},
        {"timeout", "SECONDS", "longest wait for a force-merge or for green health (default 3600)"},
        {"lock-ttl", "SECONDS",
         "how long a dead run's lock blocks others (default 900 = 15 min): a live run renews its lock (a heartbeat); "
         "a waiting run takes a lock over once it has watched it this long without a heartbeat, by its own clock"},
        {"lock-index", "NAME",
         "the index keeping the run lock and the rollback hold (default aliasing-locks); the user needs read, write "
         "and create_index (or auto_configure) on it"},
        {"clear", "", "rollback: remove the rollback hold instead of rolling back, so the next run promotes again"},
        {"hold-until-newer", "",
         "rollback: the hold also ends by itself when a generation newer than the one rolled back from appears"},
    };
    return options;
}

const std::vector<CommandHelp>& all_commands() {
    static const std::vector<CommandHelp> commands = {
        {"run", "aliasing run JOB [--es-url URL] [--dry-run] [--report FILE] [--log-format text|json]",
         "promote the newest complete generation to the alias",
         "Reads the cluster, plans (the plan is printed first), force-merges the new indices, sets their replicas "
         "and waits for them to be green, moves the alias in one atomic POST /_aliases (must_exist on the observed "
         "old targets), verifies it, then deletes what it replaced (delete_old). A refused or failed run leaves the "
         "cluster as it was or safe to resume: run the same job again. One run per alias at a time: the run holds a "
         "lock document in the cluster (aliasing-locks, or --lock-index) and renews it while it works; a second run "
         "is refused (exit 6) at the holder's next heartbeat. SIGTERM or SIGINT stops the run at the next safe point "
         "(never between the swap and its verification), releases the lock and exits 6, outcome \"interrupted\". "
         "After `aliasing rollback` the run refuses (exit 4) to promote a newer generation until the hold is cleared. "
         "With --cluster given twice or more, one generation is promoted on every cluster: the newest complete and "
         "passing every gate on all of them (a cluster lacking it refuses the run, exit 4), locked on every cluster "
         "in name order, prepared everywhere (--parallel at once) before any swap, swapped cluster by cluster and swapped back when a "
         "later swap fails (exit 6); clusters left on different generations are exit 8, reported cluster by cluster; "
         "the next run converges them.",
         {"es-url", "cluster", "clusters", "parallel", "connection", "ca-file", "insecure", "aws-sigv4",
          "aws-region", "aws-service", "dry-run", "report", "metrics-file", "log-format", "quiet", "plugin-dir",
          "output", "wide", "timeout", "lock-ttl", "lock-index"},
         "ALIASING_ES_URL=https://es-prod:9200 ALIASING_ES_API_KEY_FILE=/run/secrets/es aliasing run customer.json"},
        {"plan", "aliasing plan JOB --catalog CATALOG.json [--aliases ALIASES.json]... [--output text|json|markdown]",
         "show offline what a promotion would do",
         "Plans from saved response bodies instead of a live cluster: the same table, alias change and deletion "
         "list that `aliasing run` prints, and the same exit code (0 promote, 3 already live, 4 refused). With "
         "--cluster NAME=URL (repeatable) it reads those clusters instead, changing nothing: each cluster's plan and "
         "one row per cluster (what it serves, what it would promote).",
         {"catalog", "aliases", "cluster", "clusters", "ca-file", "insecure", "output", "wide", "plugin-dir", "now"},
         "aliasing plan examples/jobs/customer.json --catalog examples/catalogs/customer.json "
         "--aliases examples/catalogs/customer-aliases.json"},
        {"status", "aliasing status JOB [--es-url URL]",
         "what is live, which generations exist and are complete, what a run would do",
         "Reads the cluster and prints the plan without acting (like run --dry-run, exit codes as plan), then the run "
         "lock (holder host:pid, job, since, last heartbeat) and any rollback hold; exit 4 while a hold would refuse "
         "the run. With --cluster (repeatable): each cluster's plan, one row per cluster, and a SPLIT line while the "
         "clusters serve different generations.",
         {"es-url", "cluster", "clusters", "connection", "ca-file", "insecure", "aws-sigv4", "aws-region", "aws-service",
          "plugin-dir", "output", "wide", "log-format", "quiet",
          "lock-index"},
         "aliasing status customer.json --es-url http://127.0.0.1:9200"},
        {"rollback", "aliasing rollback JOB [--es-url URL] [--report FILE] [--hold-until-newer] | rollback --clear JOB",
         "point the alias back to the newest retained complete generation older than the live one",
         "Keep generations for rollback with keep_generations in the job file. Same checks, lock and atomic swap as "
         "run; never deletes anything. Before the swap it leaves a rollback hold in the lock index: normal runs on "
         "every host then refuse (exit 4, nothing changed) to promote any generation newer than the live one until "
         "`aliasing rollback --clear JOB` removes it (or, with --hold-until-newer, until a generation newer than the "
         "one rolled back from appears). `status` shows the hold.",
         {"es-url", "connection", "ca-file", "insecure", "aws-sigv4", "aws-region", "aws-service",
          "report", "metrics-file", "log-format", "quiet", "plugin-dir", "output",
          "wide", "timeout", "dry-run", "lock-ttl", "lock-index", "clear", "hold-until-newer"},
         "aliasing rollback customer.json"},
        {"audit", "aliasing audit (--catalog CATALOG.json | --es-url URL) [--pattern GLOB] [--apply]",
         "the plan table for every index, flagging bad shard sizing",
         "Prints shards, size, segments and the recommended force-merge for every index of a catalog (or of a live "
         "cluster: --es-url, or ALIASING_ES_URL when no --catalog is given), and flags indices whose shards are far "
         "too small or too large for their size. Against a cluster, --apply runs the recommended force-merges of the "
         "indices matching an explicit --pattern; hidden indices and indices of a data source that never "
         "force-merges (transaction) are skipped, saying why.",
         {"catalog", "es-url", "connection", "ca-file", "insecure", "pattern", "max-segment-size", "output", "apply",
          "log-format", "quiet", "timeout"},
         "aliasing audit --catalog all-indices.json --pattern 'customer-*'"},
        {"plugins", "aliasing plugins [--plugin-dir DIR]... [--output text|json]",
         "list the data sources found, with versions, and why anything was rejected",
         "Searches --plugin-dir, then ALIASING_PLUGIN_PATH (':'-separated), then the install's lib/aliasing/plugins.",
         {"plugin-dir", "output"}, "aliasing plugins --output json"},
        {"help", "aliasing help [COMMAND]", "show help", "", {}, "aliasing help run"},
    };
    return commands;
}

const CommandHelp* find_command(std::string_view name) {
    for (const auto& command : all_commands())
        if (command.name == name) return &command;
    return nullptr;
}

namespace {
const OptionHelp* find_option(std::string_view name) {
    for (const auto& option : all_options())
        if (option.name == name) return &option;
    return nullptr;
}

/// The --output help of a command that refuses markdown (plugins lists data sources, it is no change request).
constexpr std::string_view kTextOrJson = "text (default) or json";

std::string option_line(const OptionHelp& option, std::string_view text_override = {}) {
    std::string head = "  --" + std::string(option.name);
    if (!option.argument.empty()) head += " " + std::string(option.argument);
    if (head.size() < 26) head.append(26 - head.size(), ' ');
    else head += "\n" + std::string(26, ' ');
    return head + std::string(text_override.empty() ? option.text : text_override) + "\n";
}
}  // namespace

std::string general_help() {
    std::string out =
        "aliasing: promote a freshly written generation of Elasticsearch indices to live.\n\n"
        "Usage: aliasing COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto& command : all_commands()) {
        std::string name = "  " + std::string(command.name);
        name.append(name.size() < 12 ? 12 - name.size() : 1, ' ');
        out += name + std::string(command.summary) + "\n";
    }
    out +=
        "\nOptions:\n  --version   show the versions of aliasing (commit, build date), its plugin ABI and libraries\n"
        "  --help      show this help\n"
        "\nRun `aliasing help COMMAND` or `aliasing COMMAND --help` for a command's options and an example.\n\n"
        "Exit codes: 0 promoted (or cleanup completed), 2 usage or job-file error, 3 already live, 4 validation\n"
        "failed or a gate refused, 5 cluster unreachable / TLS / authentication / authorization, 6 a step\n"
        "failed, the run lock is held or the run was interrupted (cluster safe, rerun resumes), 7 alias\n"
        "moved by someone else, 8 several clusters left serving different generations (the report says\n"
        "which; a rerun converges them), 99 abort_run set (a scheduler \"skip\").\n\n"
        "Environment: ALIASING_ES_URL, ALIASING_ES_USERNAME + ALIASING_ES_PASSWORD or ALIASING_ES_API_KEY (each\n"
        "also as *_FILE naming a file), ALIASING_CONNECTION (a connection file, see --connection),\n"
        "ALIASING_PLUGIN_PATH; with --cluster NAME=URL: ALIASING_<NAME>_USERNAME + ALIASING_<NAME>_PASSWORD or\n"
        "ALIASING_<NAME>_API_KEY (and *_FILE), ALIASING_<NAME>_CA_FILE, ALIASING_<NAME>_AWS_REGION per cluster;\n"
        "ALIASING_CLUSTERS (a clusters file, see --clusters).\n";
    return out;
}

std::string command_help(const CommandHelp& command) {
    std::string out = "Usage: " + std::string(command.synopsis) + "\n\n" + std::string(command.summary) + ".\n";
    if (!command.description.empty()) out += "\n" + std::string(command.description) + "\n";
    if (!command.options.empty()) {
        out += "\nOptions:\n";
        for (auto name : command.options) {
            const auto* option = find_option(name);
            if (!option) continue;
            const bool text_or_json = name == "output" && command.name == "plugins";
            out += option_line(*option, text_or_json ? kTextOrJson : std::string_view());
        }
        out += option_line(*find_option("help"));
    }
    if (!command.example.empty()) out += "\nExample:\n  " + std::string(command.example) + "\n";
    return out;
}

std::string man_page() {
    auto escape = [](std::string_view text) {
        std::string out;
        for (char c : text) {
            if (c == '\\') out += "\\e";
            else if (c == '-') out += "\\-";
            else out += c;
        }
        return out;
    };
    std::string out = ".TH ALIASING 1 \"\" \"aliasing\" \"User Commands\"\n.SH NAME\naliasing \\- promote a generation "
                      "of Elasticsearch indices to live\n.SH SYNOPSIS\n.B aliasing\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
                      ".SH COMMANDS\n";
    for (const auto& command : all_commands()) {
        out += ".TP\n.B " + escape(command.synopsis) + "\n" + escape(command.summary) + ". " +
               escape(command.description) + "\n";
        if (!command.example.empty()) out += ".br\nExample: \\fB" + escape(command.example) + "\\fR\n";
    }
    out += ".SH OPTIONS\n.TP\n.B \\-\\-version\nshow the versions of aliasing (commit, build date), its plugin ABI and "
           "libraries\n";
    for (const auto& option : all_options()) {
        out += ".TP\n.B \\-\\-" + escape(option.name) + (option.argument.empty() ? "" : " \\fI" + escape(option.argument) + "\\fR") +
               "\n" + escape(option.text) + "\n";
    }
    out += ".SH EXIT STATUS\n0 promoted, 2 usage or job-file error, 3 already live, 4 validation failed, 5 cluster "
           "unreachable, TLS, authentication or authorization (403: the message names the privilege) failure, 6 a step "
           "failed (rerun resumes), 7 alias moved by someone else, 8 several clusters (\\-\\-cluster) left serving "
           "different generations (a rerun converges them), 99 abort_run set. With \\-\\-output json, run, "
           "status and rollback print one JSON document whose last field, exit_code, is the process's exit code.\n";
    out += ".SH ENVIRONMENT\nALIASING_ES_URL, ALIASING_ES_USERNAME + ALIASING_ES_PASSWORD or ALIASING_ES_API_KEY "
           "(each also as *_FILE naming a file), ALIASING_CONNECTION (a connection file, as \\-\\-connection), "
           "ALIASING_PLUGIN_PATH; with \\-\\-cluster NAME=URL: ALIASING_<NAME>_USERNAME + ALIASING_<NAME>_PASSWORD or "
           "ALIASING_<NAME>_API_KEY (and *_FILE), ALIASING_<NAME>_CA_FILE, ALIASING_<NAME>_AWS_REGION per cluster; "
           "ALIASING_CLUSTERS (a clusters file, as \\-\\-clusters).\n";
    out += ".SH LOGS\nLogs go to stderr, human lines or one JSON object per line (\\-\\-log-format json, each with "
           "alias, data_source and run_id), and end with one summary line: outcome, exit code, total time "
           "(exit_code and duration_ms in JSON). \\-\\-quiet keeps only errors and the summary.\n";
    return out;
}

std::string bash_completion() {
    std::string commands;
    for (const auto& command : all_commands()) commands += std::string(command.name) + " ";
    std::string out =
        "# bash completion for aliasing, generated from its help table (app/help_text.cpp).\n"
        "_aliasing() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} opts\n"
        "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
        "        COMPREPLY=($(compgen -W \"" + commands + "--help --version\" -- \"$cur\"))\n"
        "        return\n"
        "    fi\n"
        "    case ${COMP_WORDS[1]} in\n";
    for (const auto& command : all_commands()) {
        std::string options;
        for (auto name : command.options) options += "--" + std::string(name) + " ";
        if (command.name == "help") options = commands;
        out += "        " + std::string(command.name) + ") opts=\"" + options + "--help\" ;;\n";
    }
    out +=
        "        *) opts=\"--help\" ;;\n"
        "    esac\n"
        "    case $prev in\n"
        "        --output) COMPREPLY=($(compgen -W \"text json markdown\" -- \"$cur\")); return ;;\n"
        "        --log-format) COMPREPLY=($(compgen -W \"text json\" -- \"$cur\")); return ;;\n"
        "        --plugin-dir) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
        "    esac\n"
        "    if [[ $cur == -* || ${COMP_WORDS[1]} == help ]]; then\n"
        "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
        "    else\n"
        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        "    fi\n"
        "}\n"
        "complete -o filenames -F _aliasing aliasing\n";
    return out;
}

}  // namespace aliasing::cli
