#include "aliasing/cluster/connection_options.hpp"

#include "aliasing/cluster/node_url.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace aliasing::cluster {
namespace {

Error usage(std::string message) { return make_error(ErrorKind::Usage, std::move(message)); }

std::string trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

void split_urls(std::string_view list, std::vector<std::string>& out) {
    std::size_t begin = 0;
    while (begin <= list.size()) {
        auto end = list.find(',', begin);
        if (end == std::string_view::npos) end = list.size();
        std::string item = trim(list.substr(begin, end - begin));
        if (!item.empty()) out.push_back(std::move(item));
        begin = end + 1;
    }
}

/// A secret from NAME or from the file named by NAME_FILE; "" when neither is set. Never echoes the content.
Result<std::string> read_secret(const GetEnv& getenv, const std::string& name) {
    const std::string file_variable = name + "_FILE";
    std::optional<std::string> direct = getenv(name);
    std::optional<std::string> file = getenv(file_variable);
    if (direct && direct->empty()) direct.reset();
    if (file && file->empty()) file.reset();
    if (direct && file) {
        return usage("both " + name + " and " + file_variable + " are set; set only one of them");
    }
    if (direct) return *direct;
    if (!file) return std::string();
    std::error_code ec;
    std::ifstream in;
    if (std::filesystem::is_regular_file(*file, ec)) in.open(*file, std::ios::binary);
    std::string value;
    if (in) value.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.is_open() || in.bad()) {
        return usage("cannot read the file named by " + file_variable + " ('" + *file +
                     "'); check that it exists and is readable by this user");
    }
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
    if (value.empty()) return usage("the file named by " + file_variable + " ('" + *file + "') is empty");
    return value;
}

}  // namespace

GetEnv process_environment() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* value = std::getenv(std::string(name).c_str());
        if (value == nullptr) return std::nullopt;
        return std::string(value);
    };
}

Result<ConnectionOptions> connection_options_from(const std::vector<std::string>& cli_urls, const std::string& ca_file,
                                                  TlsVerification tls, const GetEnv& getenv) {
    return connection_options_from(cli_urls, ca_file, tls, getenv, "ALIASING_ES");
}

Result<ConnectionOptions> connection_options_from(const std::vector<std::string>& cli_urls, const std::string& ca_file,
                                                  TlsVerification tls, const GetEnv& getenv,
                                                  const std::string& prefix) {
    const std::string url_variable = prefix + "_URL", user_variable = prefix + "_USERNAME",
                      password_variable = prefix + "_PASSWORD", key_variable = prefix + "_API_KEY";
    ConnectionOptions options;
    if (!ca_file.empty()) {
        // Checked whatever the scheme: a CA file that is not there is a mistake even when no node uses https yet.
        std::error_code ec;
        std::ifstream probe;
        if (std::filesystem::is_regular_file(ca_file, ec)) probe.open(ca_file, std::ios::binary);
        if (!probe.is_open()) {
            return usage("--ca-file: cannot read '" + ca_file + "'; check that it exists and is readable by this user");
        }
    }
    options.ca_file = ca_file;
    options.tls = tls;

    std::vector<std::string> urls;
    for (const auto& value : cli_urls) split_urls(value, urls);
    std::string source = "--es-url";
    if (urls.empty()) {
        if (auto env = getenv(url_variable)) split_urls(*env, urls);
        source = url_variable;
    }
    if (urls.empty()) return usage("no cluster URL: pass --es-url or set " + url_variable);
    for (const auto& url : urls) {
        auto node = parse_node_url(url);
        if (!node) return usage(source + ": " + node.error().message);
        options.urls.push_back(url);
    }

    auto username = read_secret(getenv, user_variable);
    if (!username) return username.error();
    auto password = read_secret(getenv, password_variable);
    if (!password) return password.error();
    auto api_key = read_secret(getenv, key_variable);
    if (!api_key) return api_key.error();

    if (username->empty() != password->empty()) {
        return usage(username->empty() ? password_variable + " is set but " + user_variable + " is not; set both for basic auth"
                                       : user_variable + " is set but " + password_variable + " is not; set both for basic auth");
    }
    if (!username->empty() && !api_key->empty()) {
        return usage("both basic auth (" + user_variable + "/" + password_variable + ") and " + key_variable +
                     " are set; choose one");
    }
    if (username->find(':') != std::string::npos) {
        return usage(user_variable + " must not contain ':' (basic auth cannot carry it)");
    }
    options.username = std::move(*username);
    options.password = std::move(*password);
    options.api_key = std::move(*api_key);
    return options;
}

}  // namespace aliasing::cluster
