#pragma once
// Private to the job file reader (job.cpp): the problems it collects, one line each, and the readers of each kind
// of value, which add a problem instead of failing.

#include "aliasing/config/job.hpp"
#include "aliasing/common/join.hpp"

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing::job_file {

using Poco::Dynamic::Var;

// Collects problems; each line reads "<origin>: key "<key>": ...".
class Problems {
  public:
    explicit Problems(std::string_view origin) : m_origin(origin) {}

    void add(std::string line) { m_lines.push_back(std::move(line)); }

    std::string prefix(std::string_view key) const {
        return std::string(m_origin) + ": key \"" + std::string(key) + "\"";
    }

    bool empty() const { return m_lines.empty(); }

    std::string joined() const { return join(m_lines, "\n"); }

  private:
    std::string_view m_origin;
    std::vector<std::string> m_lines;
};

void bad_value(Problems& problems, std::string_view key, const Var& value, std::string_view why);
// A non-negative integer from a JSON integer or a canonical decimal string ("0", "12"; no sign, no leading
// zeros, no spaces). Leading zeros are refused because a scheduler never writes them and they hint at a
// mangled value.
std::optional<std::uint64_t> to_unsigned(const Var& value);

template <class Int>
std::optional<Int> read_integer(Problems& problems, std::string_view key, const Var& value,
                                std::uint64_t minimum, std::string_view expectation) {
    const auto number = to_unsigned(value);
    if (!number || *number < minimum) {
        bad_value(problems, key, value, expectation);
        return std::nullopt;
    }
    constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<Int>::max());
    if (*number > kMax) {
        bad_value(problems, key, value, std::string(expectation) + ", at most " + std::to_string(kMax));
        return std::nullopt;
    }
    return static_cast<Int>(*number);
}

void read_bool(Problems& problems, std::string_view key, const Var& value, bool& target);
void read_name(Problems& problems, std::string_view key, const Var& value, std::string_view expectation,
               std::string (*name_problem)(std::string_view), std::string& target);
void read_foreign_policy(Problems& problems, std::string_view key, const Var& value, ForeignAliasTargets& target);
void read_mapping_check(Problems& problems, std::string_view key, const Var& value, MappingCheck& target);
void read_smoke_query(Problems& problems, std::string_view key, const Var& value,
                      std::optional<SmokeQuery>& target);
void read_entities(Problems& problems, std::string_view key, const Var& value,
                   std::optional<std::vector<std::string>>& target);

}  // namespace aliasing::job_file
