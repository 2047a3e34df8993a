#pragma once
/// Which aliases each index carries: the body of `GET _alias/{name}` or `GET {pattern}/_alias`.

#include "aliasing/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

class AliasTable {
public:
    AliasTable() = default;

    /// Parses `{"idx":{"aliases":{"a":{...}}}}`. The 404 body of a missing alias
    /// (`{"error":"alias [x] missing","status":404}`, possibly with found entries beside it) means "none".
    static Result<AliasTable> parse(std::string_view json, std::string_view origin);

    /// Adds every (index, alias) pair of `other`.
    void merge(const AliasTable& other);
    void add(std::string_view index, std::string_view alias);

    /// Indices that carry `alias`, sorted; the views point into this table.
    std::vector<std::string_view> indices_with(std::string_view alias) const;
    /// Aliases of `index`, sorted; empty when it has none or is unknown.
    const std::vector<std::string>& aliases_of(std::string_view index) const;

    bool empty() const { return m_by_index.empty(); }

private:
    std::map<std::string, std::vector<std::string>, std::less<>> m_by_index;
};

}  // namespace aliasing
