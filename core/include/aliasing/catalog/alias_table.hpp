#pragma once
/// Which aliases each index carries, with their properties: the body of `GET _alias/{name}` or
/// `GET {pattern}/_alias`.

#include "aliasing/common/result.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

/// The properties of one alias on one index, as GET _alias returns them (reference §3): only the keys that are set.
/// `routing` given at creation comes back as both index_routing and search_routing.
struct AliasProperties {
    std::optional<std::string> filter;  ///< the filter object, minified JSON
    std::optional<std::string> index_routing;
    std::optional<std::string> search_routing;
    std::optional<bool> is_write_index;
    std::optional<bool> is_hidden;
    std::vector<std::string> unknown;  ///< property keys this version does not know (and so cannot carry), sorted

    bool empty() const {
        return !filter && !index_routing && !search_routing && !is_write_index && !is_hidden && unknown.empty();
    }
    bool operator==(const AliasProperties&) const = default;
};

/// The properties as the JSON object GET _alias shows (and an `add` action takes), e.g.
/// `{"filter":{...},"index_routing":"1","search_routing":"1","is_write_index":true}`; `{}` when none are set.
std::string properties_json(const AliasProperties& properties);

/// Writes the set properties as fields of an object the caller opened (an `add` action, a plan entry).
class JsonWriter;
void write_alias_properties(JsonWriter& json, const AliasProperties& properties);

class AliasTable {
public:
    AliasTable() = default;

    /// Parses `{"idx":{"aliases":{"a":{...}}}}`. The 404 body of a missing alias
    /// (`{"error":"alias [x] missing","status":404}`, possibly with found entries beside it) means "none".
    static Result<AliasTable> parse(std::string_view json, std::string_view origin);

    /// Adds every (index, alias) pair of `other`, with its properties.
    void merge(const AliasTable& other);
    void add(std::string_view index, std::string_view alias, AliasProperties properties = {});

    /// Indices that carry `alias`, sorted; the views point into this table.
    std::vector<std::string_view> indices_with(std::string_view alias) const;
    /// Aliases of `index`, sorted; empty when it has none or is unknown.
    const std::vector<std::string>& aliases_of(std::string_view index) const;
    /// The properties of `alias` on `index`; empty when it has none (or does not carry the alias).
    const AliasProperties& properties(std::string_view index, std::string_view alias) const;

    bool empty() const { return m_by_index.empty(); }

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_by_index;
    // Only the (index, alias) pairs that have properties: most aliases have none.
    std::map<std::string, std::map<std::string, AliasProperties, std::less<>>, std::less<>> m_properties;
};

}  // namespace aliasing
