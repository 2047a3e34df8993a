#include "aliasing/cluster/index_path.hpp"

#include <cctype>

namespace aliasing::cluster {
namespace {

constexpr std::string_view kHttpVersionSuffix = " HTTP/1.1";

bool kept_as_is(unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '*' || c == ',' || c == ':';
}

}  // namespace

std::string encode_path_segment(std::string_view segment) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(segment.size());
    for (const char raw : segment) {
        const auto c = static_cast<unsigned char>(raw);
        if (kept_as_is(c)) {
            out += raw;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0F];
        }
    }
    return out;
}

std::string join_index_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty()) out += ',';
        out += encode_path_segment(name);
    }
    return out;
}

std::vector<std::vector<std::string>> chunk_index_names(const std::vector<std::string>& names, std::string_view method,
                                                        std::string_view path_prefix, std::string_view path_suffix,
                                                        std::size_t max_line) {
    const std::size_t fixed = method.size() + 1 + path_prefix.size() + path_suffix.size() + kHttpVersionSuffix.size();
    std::vector<std::vector<std::string>> chunks;
    std::size_t line = 0;
    for (const auto& name : names) {
        const std::size_t encoded = encode_path_segment(name).size();
        if (!chunks.empty() && !chunks.back().empty() && line + 1 + encoded < max_line) {
            chunks.back().push_back(name);
            line += 1 + encoded;
            continue;
        }
        chunks.push_back({name});
        line = fixed + encoded;
    }
    return chunks;
}

}  // namespace aliasing::cluster
