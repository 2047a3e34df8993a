#include "aliasing/cluster/connection_file.hpp"

#include "aliasing/common/closest_name.hpp"
#include "aliasing/common/join.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/JSONConfiguration.h>

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <iterator>

namespace aliasing::cluster {
namespace {

constexpr std::string_view kKeys[] = {
    "nodes",         "ca_file",      "username",        "username_file",
    "password_file", "api_key_file", "connect_timeout", "tls_handshake_timeout",
    "read_timeout",  "sigv4_region", "sigv4_service",   "sigv4_profile",
    "sigv4_credentials_file"};
constexpr std::string_view kInlineSecrets[] = {"password", "api_key"};
/// AWS secrets as a credentials file spells them: they belong in that file, named by sigv4_credentials_file.
constexpr std::string_view kInlineAwsSecrets[] = {"aws_secret_access_key", "aws_session_token"};
/// What the file's credentials replace in the environment when it names a profile or a credentials file.
constexpr std::string_view kAwsCredentialVariables[] = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                        "AWS_SESSION_TOKEN"};

Error usage(const std::string& path, const std::string& message) {
    return make_error(ErrorKind::Usage, "connection file " + path + ": " + message);
}

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

Result<std::chrono::milliseconds> seconds_value(const std::string& path, const std::string& key,
                                                const std::string& text) {
    double seconds = 0;
    const std::string value = trim(text);
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size() || !(seconds > 0) || seconds > 86400) {
        return usage(path,
                     key + ": value \"" + value + "\" is not valid: expected seconds, > 0 and at most 86400");
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

}  // namespace

Result<ConnectionFile> load_connection_file(const std::filesystem::path& file_path) {
    const std::string path = file_path.string();
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
        return usage(path, "cannot read it; check that it exists and is a regular file");
    }
    if ((status.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        return usage(
            path,
            "group or others may read it, and it names the cluster's credentials; run chmod 600 " + path);
    }
    std::ifstream in(path, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return usage(path, "cannot read it");

    Poco::AutoPtr<Poco::Util::AbstractConfiguration> config;
    try {
        if (trim(content).rfind('{', 0) == 0) {
            config = new Poco::Util::JSONConfiguration(path);
        } else {
            config = new Poco::Util::IniFileConfiguration(path);
        }
    } catch (const Poco::Exception& e) {
        return usage(path, "not valid INI or JSON: " + e.displayText());
    }

    Poco::Util::AbstractConfiguration::Keys keys;
    config->keys(keys);
    for (const auto& key : keys) {
        for (auto secret : kInlineSecrets) {
            if (key == secret) {
                return usage(path,
                             key +
                                 ": secrets are never written inline; put it in a file readable only by this "
                                 "user and name that file with " +
                                 key + "_file");
            }
        }
        if (std::find(std::begin(kInlineAwsSecrets), std::end(kInlineAwsSecrets), key) != std::end(kInlineAwsSecrets)) {
            return usage(path, key +
                                   ": secrets are never written inline; put it in an AWS credentials file readable "
                                   "only by this user and name that file with sigv4_credentials_file (and its "
                                   "[profile] with sigv4_profile)");
        }
        if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
            const std::string close =
                closest_name(key, std::vector<std::string_view>(std::begin(kKeys), std::end(kKeys)));
            return usage(
                path, key + " is not a known key" + (close.empty() ? "" : "; did you mean " + close + "?"));
        }
    }

    ConnectionFile file;
    file.path = path;
    try {
        if (config->has("nodes[0]")) {
            for (int i = 0; config->has("nodes[" + std::to_string(i) + "]"); ++i)
                file.nodes.push_back(trim(config->getString("nodes[" + std::to_string(i) + "]")));
        } else if (config->has("nodes")) {
            const std::string list = config->getString("nodes");
            std::size_t begin = 0;
            while (begin <= list.size()) {
                auto end = list.find(',', begin);
                if (end == std::string::npos) end = list.size();
                if (auto node = trim(list.substr(begin, end - begin)); !node.empty())
                    file.nodes.push_back(node);
                begin = end + 1;
            }
        }
        file.ca_file = trim(config->getString("ca_file", ""));
        auto optional = [&](const char* key) -> std::optional<std::string> {
            if (!config->has(key)) return std::nullopt;
            return trim(config->getString(key));
        };
        file.username = optional("username");
        file.username_file = optional("username_file");
        file.password_file = optional("password_file");
        file.api_key_file = optional("api_key_file");
        file.sigv4_region = optional("sigv4_region");
        file.sigv4_service = optional("sigv4_service");
        file.sigv4_profile = optional("sigv4_profile");
        file.sigv4_credentials_file = optional("sigv4_credentials_file");
        if (file.sigv4_service && *file.sigv4_service != "es" && *file.sigv4_service != "aoss") {
            return usage(path, "sigv4_service: value \"" + *file.sigv4_service +
                                   "\" is not valid: expected es (OpenSearch Service domains) or aoss (serverless)");
        }
        for (auto [key, target] : {std::pair{"connect_timeout", &file.connect_timeout},
                                   std::pair{"tls_handshake_timeout", &file.tls_handshake_timeout},
                                   std::pair{"read_timeout", &file.read_timeout}}) {
            if (!config->has(key)) continue;
            auto value = seconds_value(path, key, config->getString(key));
            if (!value) return value.error();
            *target = *value;
        }
    } catch (const Poco::Exception& e) {
        return usage(path, e.displayText());
    }
    return file;
}

GetEnv with_connection_file(const ConnectionFile& file, GetEnv environment) {
    // SigV4 is the file's credential too: ALIASING_ES_* from the environment would only clash with it.
    const bool names_credentials =
        file.username || file.username_file || file.password_file || file.api_key_file || file.signs();
    const bool names_aws_credentials = file.sigv4_profile || file.sigv4_credentials_file;
    return [file, environment = std::move(environment), names_credentials,
            names_aws_credentials](std::string_view name) -> std::optional<std::string> {
        if (names_aws_credentials) {
            if (name == "AWS_PROFILE" && file.sigv4_profile) return file.sigv4_profile;
            if (name == "AWS_SHARED_CREDENTIALS_FILE" && file.sigv4_credentials_file) return file.sigv4_credentials_file;
            for (auto variable : kAwsCredentialVariables)
                if (name == variable) return std::nullopt;
        }
        if (name == "ALIASING_ES_URL" && !file.nodes.empty()) {
            return join(file.nodes, ",");
        }
        if (names_credentials && name.rfind("ALIASING_ES_", 0) == 0 && name != "ALIASING_ES_URL") {
            if (name == "ALIASING_ES_USERNAME") return file.username;
            if (name == "ALIASING_ES_USERNAME_FILE") return file.username_file;
            if (name == "ALIASING_ES_PASSWORD_FILE") return file.password_file;
            if (name == "ALIASING_ES_API_KEY_FILE") return file.api_key_file;
            return std::nullopt;
        }
        return environment(name);
    };
}

AwsSigningFlags signing_flags_with(const ConnectionFile& file, AwsSigningFlags flags) {
    flags.sigv4 = flags.sigv4 || file.signs();
    if (!flags.region) flags.region = file.sigv4_region;
    if (!flags.service) flags.service = file.sigv4_service;
    return flags;
}

void apply_connection_file(const ConnectionFile& file, ConnectionOptions& options) {
    if (file.connect_timeout) options.connect_timeout = *file.connect_timeout;
    if (file.tls_handshake_timeout) options.tls_handshake_timeout = *file.tls_handshake_timeout;
    if (file.read_timeout) options.read_timeout = *file.read_timeout;
}

}  // namespace aliasing::cluster
