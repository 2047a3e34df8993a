// Elasticsearch index and alias name rules (reference §12), checked in the order Elasticsearch checks them so
// the reason we give is the one the cluster would give.
#include "aliasing/config/job.hpp"

#include <string>
#include <string_view>

namespace aliasing {
namespace {

// Elasticsearch prints its forbidden-character set in Java HashSet order; the text is part of its error
// contract.
constexpr std::string_view kForbiddenCharsReason =
    R"(must not contain the following characters [ , ", *, \, <, |, ,, >, /, ?])";
constexpr std::string_view kForbiddenChars = R"( "*\<|,>/?)";
constexpr std::size_t kMaxNameBytes = 255;

enum class NameKind { Index, Alias };

bool has_any_of(std::string_view text, std::string_view chars) {
    return text.find_first_of(chars) != std::string_view::npos;
}

bool has_ascii_uppercase(std::string_view text) {
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z') return true;
    }
    return false;
}

// The character rules shared by whole names and name parts (steps 1–3 of reference §12).
std::string_view character_problem(std::string_view text) {
    if (has_any_of(text, kForbiddenChars)) return kForbiddenCharsReason;
    if (text.find('#') != std::string_view::npos) return "must not contain '#'";
    if (text.find(':') != std::string_view::npos) return "must not contain ':'";
    return {};
}

std::string reason_for(NameKind kind, std::string_view name) {
    if (name.empty()) return "must not be empty";
    if (const auto problem = character_problem(name); !problem.empty()) return std::string(problem);
    if (name.front() == '_' || name.front() == '-' || name.front() == '+') {
        return "must not start with '_', '-', or '+'";
    }
    if (name.size() > kMaxNameBytes) {
        return "index name is too long, (" + std::to_string(name.size()) + " > " +
               std::to_string(kMaxNameBytes) + ")";
    }
    if (name == "." || name == "..") return "must not be '.' or '..'";
    if (kind == NameKind::Index && has_ascii_uppercase(name)) return "must be lowercase";
    return {};
}

std::string name_problem(NameKind kind, std::string_view name) {
    std::string reason = reason_for(kind, name);
    if (reason.empty()) return reason;
    std::string message = kind == NameKind::Index ? "Invalid index name [" : "Invalid alias name [";
    message.append(name);
    message.append("], ");
    message.append(reason);
    return message;
}

}  // namespace

std::string index_name_problem(std::string_view name) {
    return name_problem(NameKind::Index, name);
}

std::string alias_name_problem(std::string_view name) {
    return name_problem(NameKind::Alias, name);
}

std::string index_name_part_problem(std::string_view part) {
    if (part.empty()) return "must not be empty";
    if (const auto problem = character_problem(part); !problem.empty()) return std::string(problem);
    if (has_ascii_uppercase(part)) return "must be lowercase";
    return {};
}

}  // namespace aliasing
