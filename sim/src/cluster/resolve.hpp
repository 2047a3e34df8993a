#pragma once
// Index expression resolution (Elasticsearch's IndexNameExpressionResolver, simplified to what the tool uses):
// comma lists, `*` wildcards, `_all`, `-exclusions`, aliases resolved, refused or ignored, state filters.

#include "cluster/cluster.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace aliasing::sim {

/// `*` matches any run of characters (Elasticsearch's Regex.simpleMatch).
bool simple_match(std::string_view pattern, std::string_view text);
bool has_wildcard(std::string_view text);
std::vector<std::string> split_list(std::string_view text);

enum class AliasUse {
    resolve,  ///< an alias name stands for its indices
    refuse,   ///< a concrete alias name is an error (400 "matches an alias"); wildcards match index names only
};

struct ExpandWildcards {
    bool open = true;
    bool closed = true;
    bool hidden = false;
    /// Parses expand_wildcards (open,closed,hidden,none,all); throws ApiError on an unknown value.
    static ExpandWildcards parse(std::string_view text);
};

struct ResolveOptions {
    AliasUse aliases = AliasUse::resolve;
    ExpandWildcards expand;
    bool ignore_unavailable = false;
    bool allow_no_indices = true;
    bool forbid_closed = false;  ///< a closed index gives 400 index_closed_exception
};

/// Resolves `expression` ("" and "_all" mean everything) to sorted index names. Throws ApiError.
std::vector<std::string> resolve_indices(const Cluster& cluster, std::string_view expression,
                                         const ResolveOptions& options);

/// Elasticsearch's index/alias name rules (reference §12); returns the description ("must not contain '#'")
/// of the first rule broken, or "" when the name is valid.
enum class NameKind { index, alias };
std::string name_rule_broken(std::string_view name, NameKind kind);

}  // namespace aliasing::sim
