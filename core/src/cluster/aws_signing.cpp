#include "aliasing/cluster/aws_signing.hpp"

#include <fstream>
#include <map>

namespace aliasing::cluster {
namespace {

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

Error usage(const std::string& message) { return make_error(ErrorKind::Usage, "--aws-sigv4: " + message); }

/// The key = value pairs of one [profile] of an INI-style credentials file.
Result<std::map<std::string, std::string>> read_profile(const std::string& path, const std::string& profile) {
    std::ifstream in(path);
    if (!in) return usage("cannot read the credentials file " + path);
    std::map<std::string, std::string> values;
    std::string line, current;
    bool found = false;
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line.front() == '[' && line.back() == ']') {
            current = trim(line.substr(1, line.size() - 2));
            found = found || current == profile;
            continue;
        }
        const auto equals = line.find('=');
        if (current == profile && equals != std::string::npos) {
            values[trim(line.substr(0, equals))] = trim(line.substr(equals + 1));
        }
    }
    if (!found) return usage("profile [" + profile + "] is not in the credentials file " + path);
    return values;
}

}  // namespace

Result<std::optional<SigV4Config>> aws_signing_from(const AwsSigningFlags& flags, const GetEnv& getenv) {
    const auto env = [&](std::string_view name) { return getenv(name).value_or(""); };
    const std::string enabled = env("ALIASING_AWS_SIGV4");
    if (!flags.sigv4 && enabled != "1" && enabled != "true") return std::optional<SigV4Config>{};
    SigV4Config config;
    config.region = flags.region.value_or(env("AWS_REGION"));
    if (config.region.empty()) config.region = env("AWS_DEFAULT_REGION");
    if (config.region.empty()) return usage("no region: pass --aws-region REGION or set AWS_REGION");
    config.service = flags.service.value_or("es");
    if (config.service != "es" && config.service != "aoss") {
        return usage("--aws-service must be es (OpenSearch Service domains) or aoss (serverless), got \"" +
                     config.service + "\"");
    }
    config.credentials.access_key_id = env("AWS_ACCESS_KEY_ID");
    config.credentials.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
    config.credentials.session_token = env("AWS_SESSION_TOKEN");
    if (config.credentials.access_key_id.empty() != config.credentials.secret_access_key.empty()) {
        return usage("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together");
    }
    if (config.credentials.access_key_id.empty()) {
        std::string path = env("AWS_SHARED_CREDENTIALS_FILE");
        if (path.empty()) {
            const std::string home = env("HOME");
            if (home.empty()) return usage("no credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
            path = home + "/.aws/credentials";
        }
        const std::string profile = env("AWS_PROFILE").empty() ? "default" : env("AWS_PROFILE");
        auto values = read_profile(path, profile);
        if (!values) return values.error();
        config.credentials.access_key_id = (*values)["aws_access_key_id"];
        config.credentials.secret_access_key = (*values)["aws_secret_access_key"];
        config.credentials.session_token = (*values)["aws_session_token"];
        if (config.credentials.access_key_id.empty() || config.credentials.secret_access_key.empty()) {
            return usage("profile [" + profile + "] in " + path +
                         " has no aws_access_key_id/aws_secret_access_key (web identity, SSO and instance metadata "
                         "credentials are not supported)");
        }
    }
    return std::optional<SigV4Config>(std::move(config));
}

}  // namespace aliasing::cluster
