#include "aliasing/cluster/connection_file.hpp"

#include "connection_keys.hpp"

#include "aliasing/cluster/node_url.hpp"
#include "aliasing/common/closest_name.hpp"
#include "aliasing/common/join.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/IniFileConfiguration.h>
#include <Poco/Util/JSONConfiguration.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <tuple>

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

Error usage(const std::string& where, const std::string& message) {
    return make_error(ErrorKind::Usage, where + ": " + message);
}

std::string trim(std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

Result<std::chrono::milliseconds> seconds_value(const std::string& where, const std::string& key,
                                                const std::string& text) {
    double seconds = 0;
    const std::string value = trim(text);
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size() || !(seconds > 0) || seconds > 86400) {
        return usage(where,
                     key + ": value \"" + value + "\" is not valid: expected seconds, > 0 and at most 86400");
    }
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

/// Records the top-level keys of a JSON document while Poco builds it, repeats included, and which are objects.
class TopLevelKeys : public Poco::JSON::ParseHandler {
public:
    void startObject() override {
        if (m_depth == 1 && !names.empty()) names.back().section = true;
        ++m_depth;
        ParseHandler::startObject();
    }
    void endObject() override {
        --m_depth;
        ParseHandler::endObject();
    }
    void startArray() override {
        ++m_depth;
        ParseHandler::startArray();
    }
    void endArray() override {
        --m_depth;
        ParseHandler::endArray();
    }
    void key(const std::string& name) override {
        if (m_depth == 1) names.push_back({name, false});
        ParseHandler::key(name);
    }
    std::vector<TopLevelName> names;

private:
    int m_depth = 0;
};

/// The INI `[section]` headers in file order, read as Poco reads them (`;` starts a comment line).
std::vector<TopLevelName> ini_sections(const std::string& content) {
    std::vector<TopLevelName> names;
    std::size_t begin = 0;
    while (begin < content.size()) {
        auto end = content.find('\n', begin);
        if (end == std::string::npos) end = content.size();
        const std::string line = trim(content.substr(begin, end - begin));
        if (!line.empty() && line.front() == '[') names.push_back({trim(line.substr(1, line.find(']') - 1)), true});
        begin = end + 1;
    }
    return names;
}

/// The refusal of a secret written inline, naming the key of the file that should hold it.
std::optional<std::string> inline_secret_problem(const std::string& key) {
    for (auto secret : kInlineSecrets) {
        if (key == secret) {
            return key + ": secrets are never written inline; put it in a file readable only by this user and name "
                         "that file with " + key + "_file";
        }
    }
    if (std::find(std::begin(kInlineAwsSecrets), std::end(kInlineAwsSecrets), key) != std::end(kInlineAwsSecrets)) {
        return key + ": secrets are never written inline; put it in an AWS credentials file readable only by this "
                     "user and name that file with sigv4_credentials_file (and its [profile] with sigv4_profile)";
    }
    return std::nullopt;
}

/// The credentials of one connection must make one way to authenticate, told by key before any variable is read.
std::optional<std::string> credential_clash(const ConnectionFile& file) {
    const char* user = file.username ? "username" : file.username_file ? "username_file" : nullptr;
    if (file.username && file.username_file) return "username and username_file: give only one of them";
    if (user && !file.password_file) return std::string(user) + " needs password_file (basic auth takes both)";
    if (file.password_file && !user) return "password_file needs username or username_file (basic auth takes both)";
    if (file.api_key_file && user)
        return "api_key_file and " + std::string(user) + ": choose basic auth or an API key";
    if (file.signs()) {
        const char* credential = user ? user : file.api_key_file ? "api_key_file" : nullptr;
        const char* signing = file.sigv4_region    ? "sigv4_region"
                              : file.sigv4_service ? "sigv4_service"
                              : file.sigv4_profile ? "sigv4_profile"
                                                   : "sigv4_credentials_file";
        if (credential)
            return std::string(signing) + " and " + credential +
                   " cannot be combined: a SigV4-signed cluster authenticates with its AWS credentials only";
    }
    return std::nullopt;
}

}  // namespace

std::string file_problem(const std::string& path, bool non_empty) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode) || ::access(path.c_str(), R_OK) != 0)
        return "cannot read '" + path + "'; check that it exists and is readable by this user";
    if (non_empty && status.st_size == 0) return "'" + path + "' is empty";
    return {};
}

Result<PrivateConfig> open_private_config(const std::string& path, std::string_view what) {
    const std::string where = std::string(what) + " " + path;
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode)) {
        return usage(where, "cannot read it; check that it exists and is a regular file");
    }
    if ((status.st_mode & (S_IRGRP | S_IROTH)) != 0) {
        return usage(where, "group or others may read it, and it names credentials; run chmod 600 " + path);
    }
    std::ifstream in(path, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return usage(where, "cannot read it");

    PrivateConfig file;
    try {
        if (trim(content).rfind('{', 0) == 0) {
            Poco::SharedPtr<TopLevelKeys> keys = new TopLevelKeys;
            Poco::JSON::Parser parser(keys);
            parser.parse(content);
            auto root = keys->asVar();
            if (root.type() != typeid(Poco::JSON::Object::Ptr)) return usage(where, "not valid INI or JSON: not an object");
            file.config = new Poco::Util::JSONConfiguration(root.extract<Poco::JSON::Object::Ptr>());
            file.json = true;
            file.top_level = std::move(keys->names);
        } else {
            std::istringstream text(content);
            file.config = new Poco::Util::IniFileConfiguration(text);
            file.top_level = ini_sections(content);
        }
    } catch (const Poco::Exception& e) {
        return usage(where, "not valid INI or JSON: " + e.displayText());
    }
    return file;
}

Result<ConnectionFile> read_connection_keys(const Poco::Util::AbstractConfiguration& config, const std::string& path,
                                            const std::string& where) {
    Poco::Util::AbstractConfiguration::Keys keys;
    config.keys(keys);
    for (const auto& key : keys) {
        if (auto problem = inline_secret_problem(key)) return usage(where, *problem);
        if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
            const std::string close =
                closest_name(key, std::vector<std::string_view>(std::begin(kKeys), std::end(kKeys)));
            return usage(
                where, key + " is not a known key" + (close.empty() ? "" : "; did you mean " + close + "?"));
        }
    }

    ConnectionFile file;
    file.path = path;
    try {
        // Poco answers nodes[i] with the value itself, for every i, when nodes is no array: a JSON string "a, b"
        // looked like an endless array. An array's element never reads as the whole array.
        const std::string list = config.getString("nodes", "");
        if (config.has("nodes[0]") && config.getString("nodes[0]") != list) {
            for (int i = 0; config.has("nodes[" + std::to_string(i) + "]"); ++i)
                file.nodes.push_back(trim(config.getString("nodes[" + std::to_string(i) + "]")));
        } else if (config.has("nodes")) {
            std::size_t begin = 0;
            while (begin <= list.size()) {
                auto end = list.find(',', begin);
                if (end == std::string::npos) end = list.size();
                if (auto node = trim(list.substr(begin, end - begin)); !node.empty())
                    file.nodes.push_back(node);
                begin = end + 1;
            }
        }
        for (const auto& node : file.nodes)
            if (auto parsed = parse_node_url(node); !parsed) return usage(where, "nodes: " + parsed.error().message);
        file.ca_file = trim(config.getString("ca_file", ""));
        auto optional = [&](const char* key) -> std::optional<std::string> {
            if (!config.has(key)) return std::nullopt;
            return trim(config.getString(key));
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
            return usage(where, "sigv4_service: value \"" + *file.sigv4_service +
                                    "\" is not valid: expected es (OpenSearch Service domains) or aoss (serverless)");
        }
        for (auto [key, target] : {std::pair{"connect_timeout", &file.connect_timeout},
                                   std::pair{"tls_handshake_timeout", &file.tls_handshake_timeout},
                                   std::pair{"read_timeout", &file.read_timeout}}) {
            if (!config.has(key)) continue;
            auto value = seconds_value(where, key, config.getString(key));
            if (!value) return value.error();
            *target = *value;
        }
    } catch (const Poco::Exception& e) {
        return usage(where, e.displayText());
    }
    if (auto clash = credential_clash(file)) return usage(where, *clash);
    // Checked here, where the key is known: read later, a missing file would be named by the variable it stands in for.
    for (auto [key, value, secret] :
         {std::tuple{"ca_file", std::optional<std::string>(file.ca_file), false},
          std::tuple{"username_file", file.username_file, true}, std::tuple{"password_file", file.password_file, true},
          std::tuple{"api_key_file", file.api_key_file, true},
          std::tuple{"sigv4_credentials_file", file.sigv4_credentials_file, true}}) {
        if (!value || value->empty()) continue;
        if (auto problem = file_problem(*value, secret); !problem.empty()) return usage(where, key + (": " + problem));
    }
    return file;
}

Result<ConnectionFile> load_connection_file(const std::filesystem::path& file_path) {
    const std::string path = file_path.string();
    auto file = open_private_config(path, "connection file");
    if (!file) return file.error();
    return read_connection_keys(*file->config, path, "connection file " + path);
}

GetEnv with_connection_file(const ConnectionFile& file, GetEnv environment, const std::string& prefix) {
    // SigV4 is the file's credential too: the prefix's credential variables would only clash with it.
    const bool names_credentials =
        file.username || file.username_file || file.password_file || file.api_key_file || file.signs();
    const bool names_aws_credentials = file.sigv4_profile || file.sigv4_credentials_file;
    const std::string url = prefix + "_URL";
    const std::vector<std::pair<std::string, std::optional<std::string>>> credentials = {
        {prefix + "_USERNAME", file.username},          {prefix + "_USERNAME_FILE", file.username_file},
        {prefix + "_PASSWORD", std::nullopt},           {prefix + "_PASSWORD_FILE", file.password_file},
        {prefix + "_API_KEY", std::nullopt},            {prefix + "_API_KEY_FILE", file.api_key_file}};
    return [file, environment = std::move(environment), names_credentials, names_aws_credentials, url,
            credentials](std::string_view name) -> std::optional<std::string> {
        if (names_aws_credentials) {
            if (name == "AWS_PROFILE" && file.sigv4_profile) return file.sigv4_profile;
            if (name == "AWS_SHARED_CREDENTIALS_FILE" && file.sigv4_credentials_file) return file.sigv4_credentials_file;
            for (auto variable : kAwsCredentialVariables)
                if (name == variable) return std::nullopt;
        }
        if (name == url && !file.nodes.empty()) return join(file.nodes, ",");
        if (names_credentials) {
            for (const auto& [variable, value] : credentials)
                if (name == variable) return value;
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
