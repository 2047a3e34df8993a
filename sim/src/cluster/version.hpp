#pragma once
// The Elasticsearch version the simulator impersonates; behaviour that differs between 7.17 and 8.x asks it.

#include <optional>
#include <string>
#include <string_view>

namespace aliasing::sim {

struct Version {
    int major = 8;
    int minor = 15;
    int patch = 0;

    /// "8.15.0", "7.17.x" (x = 0) or "8.x" style; nullopt when unparsable or not 7.17/8.x.
    static std::optional<Version> parse(std::string_view text);
    bool at_least(int want_major, int want_minor) const
    {
        return major > want_major || (major == want_major && minor >= want_minor);
    }
    bool is_7x() const { return major < 8; }
    std::string text() const;
    std::string lucene() const;
    /// index.version.created as GET _settings shows it.
    std::string created_id() const;
};

}  // namespace aliasing::sim
