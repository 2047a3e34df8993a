#pragma once
// The keys of one connection — a connection file, or one cluster's section of a clusters file — and the checks of
// the private file holding them: one reader, so both files take the same keys with the same rules and messages.

#include "aliasing/cluster/connection_file.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cluster {

/// A name at the top of a file: a JSON object key, an INI `[section]` header or a key outside any section.
struct TopLevelName {
    std::string name;
    bool section = false;  ///< a JSON object or an INI section (else a plain value)
};

struct PrivateConfig {
    Poco::AutoPtr<Poco::Util::AbstractConfiguration> config;
    bool json = false;
    /// In file order with repeats: Poco merges a repeated INI section and keeps the last repeated JSON key silently.
    std::vector<TopLevelName> top_level;
};

/// Reads FILE as INI or JSON (the first non-blank byte `{`). Usage errors start with "`what` PATH: ": missing, not
/// a regular file, readable by group or others, not parsable.
Result<PrivateConfig> open_private_config(const std::string& path, std::string_view what);

/// The connection keys of `section` (a whole connection file, or a view on one cluster), validated: unknown keys
/// (with the close one), inline secrets, bad nodes, a credential or CA file that cannot be read, credentials that
/// clash, a bad timeout or sigv4_service. Every message starts with "`where`: " and names the key.
Result<ConnectionFile> read_connection_keys(const Poco::Util::AbstractConfiguration& section, const std::string& path,
                                            const std::string& where);

/// "" when PATH is a regular file this user can read (and, with `non_empty`, not empty); else what is wrong,
/// e.g. "cannot read '/x'; check that it exists and is readable by this user".
std::string file_problem(const std::string& path, bool non_empty);

}  // namespace aliasing::cluster
