// aliasing-sim: serve a simulated Elasticsearch cluster on loopback until SIGTERM/SIGINT.
#include "aliasing/sim/json.hpp"
#include "aliasing/sim/server.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <optional>
#include <string>

namespace {

constexpr const char* usage = R"(Usage: aliasing-sim [options]

An in-memory Elasticsearch REST simulator on loopback (see sim/README.md).
Prints http://HOST:PORT as the first line of stdout, then logs requests to stderr.

Options:
  --host HOST                  address to bind (default 127.0.0.1)
  --port N                     port (default 0 = any free port)
  --state FILE                 load a state document {"version","data_nodes","cat_indices","aliases"}
  --catalog FILE               load a GET _cat/indices?format=json&bytes=b body (with --aliases)
  --aliases FILE               load a GET _alias body (the 404 "alias missing" body means no aliases)
  --version V                  Elasticsearch 9.x.y, 8.x.y (default 8.15.0), 7.10.x-7.17.x; OpenSearch 1.x-3.x
  --distribution D             elasticsearch (default) or opensearch; with --version, wins over --state
  --aws-sigv4 KEY:SECRET       verify every request's AWS SigV4 signature (403 with AWS's body when bad)
  --aws-region REGION          the region signatures must be scoped to (with --aws-sigv4)
  --basic-auth USER:PASSWORD   demand this basic auth on every request (401 security_exception otherwise)
  --compatibility-mode         OpenSearch's compatibility.override_main_response_version: GET / reads 7.10.2
  --nodes N                    number of data nodes (default 3)
  --forcemerge-ms-per-gib N    simulated force-merge duration per GiB of primary store (default 0)
  --replica-delay-ms N         yellow -> green delay after a replica increase (default 0)
  --quiet                      do not log requests
  --help                       show this help
)";

std::optional<std::string> read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int fail(const std::string& message)
{
    std::cerr << "aliasing-sim: " << message << "\n";
    return 2;
}

bool parse_number(const std::string& text, std::uint64_t& out)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
        return false;
    }
    out = std::stoull(text);
    return true;
}

/// The state document with the command line's product and version in it: flags win over the file.
std::string with_version(const std::string& text, const aliasing::sim::ServerOptions& options, bool version_given)
{
    auto document = aliasing::sim::Json::parse(text);
    if (!version_given || !document || !document->is_object()) {
        return text;
    }
    (*document)["distribution"] = options.distribution;
    (*document)["version"] = options.version;
    return document->dump();
}

}  // namespace

int main(int argc, char** argv)
{
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // first: every thread started later inherits the mask

    aliasing::sim::ServerOptions options;
    std::string state_file;
    std::string catalog_file;
    std::string aliases_file;
    bool quiet = false;
    bool version_given = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::cout << usage;
            return 0;
        }
        if (arg == "--quiet") {
            quiet = true;
            continue;
        }
        if (arg == "--compatibility-mode") {
            options.override_main_response_version = true;
            continue;
        }
        if (i + 1 >= argc) {
            return fail("option " + arg + " needs a value; see --help");
        }
        const std::string value = argv[++i];
        std::uint64_t number = 0;
        if (arg == "--host") {
            options.host = value;
        } else if (arg == "--port") {
            if (!parse_number(value, number) || number > 65535) {
                return fail("--port must be 0..65535, got " + value);
            }
            options.port = static_cast<std::uint16_t>(number);
        } else if (arg == "--state") {
            state_file = value;
        } else if (arg == "--catalog") {
            catalog_file = value;
        } else if (arg == "--aliases") {
            aliases_file = value;
        } else if (arg == "--version") {
            options.version = value;
            version_given = true;
        } else if (arg == "--aws-sigv4") {
            options.aws_sigv4 = value;
        } else if (arg == "--aws-region") {
            options.aws_region = value;
        } else if (arg == "--basic-auth") {
            options.basic_auth = value;
        } else if (arg == "--distribution") {
            options.distribution = value;
            version_given = true;
        } else if (arg == "--nodes") {
            if (!parse_number(value, number) || number < 1 || number > 1000) {
                return fail("--nodes must be a positive number, got " + value);
            }
            options.data_nodes = static_cast<int>(number);
        } else if (arg == "--forcemerge-ms-per-gib") {
            if (!parse_number(value, number)) {
                return fail("--forcemerge-ms-per-gib must be a non-negative number, got " + value);
            }
            options.forcemerge_millis_per_gib = number;
        } else if (arg == "--replica-delay-ms") {
            if (!parse_number(value, number)) {
                return fail("--replica-delay-ms must be a non-negative number, got " + value);
            }
            options.replica_delay_millis = number;
        } else {
            return fail("unknown option " + arg + "; see --help");
        }
    }
    if (!state_file.empty() && (!catalog_file.empty() || !aliases_file.empty())) {
        return fail("use either --state or --catalog/--aliases, not both");
    }
    if (!aliases_file.empty() && catalog_file.empty()) {
        return fail("--aliases needs --catalog");
    }

    try {
        aliasing::sim::Server server(options);
        if (!state_file.empty()) {
            const auto text = read_file(state_file);
            if (!text) {
                return fail("cannot read state file " + state_file);
            }
            if (const std::string error = server.load_state(with_version(*text, options, version_given));
                !error.empty()) {
                return fail(state_file + ": " + error);
            }
        }
        if (!catalog_file.empty()) {
            const auto catalog = read_file(catalog_file);
            if (!catalog) {
                return fail("cannot read catalog file " + catalog_file);
            }
            std::optional<std::string> aliases = std::string("{}");
            if (!aliases_file.empty()) {
                aliases = read_file(aliases_file);
                if (!aliases) {
                    return fail("cannot read aliases file " + aliases_file);
                }
            }
            if (const std::string error = server.load_catalog(*catalog, *aliases); !error.empty()) {
                return fail(catalog_file + ": " + error);
            }
        }
        if (!quiet) {
            server.set_request_logger([](const std::string& line) { std::cerr << line << "\n"; });
        }
        server.start();
        std::cout << server.url() << std::endl;
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
    } catch (const std::exception& failure) {
        return fail(failure.what());
    }
    return 0;
}
