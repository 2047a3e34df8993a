#include "aliasing/alias_table.hpp"

#include <simdjson.h>

#include <algorithm>

namespace aliasing {
namespace {
namespace od = simdjson::ondemand;
}

Result<AliasTable> AliasTable::parse(std::string_view json, std::string_view origin) {
    auto not_aliases = [&](const std::string& why) {
        return make_error(ErrorKind::Usage, std::string(origin) + ": " + why +
                                                "; expected the body of GET _alias/{name} or GET {index}/_alias");
    };
    simdjson::padded_string padded(json);
    od::parser parser;
    od::document doc;
    od::object root;
    if (parser.iterate(padded).get(doc) || doc.get_object().get(root)) return not_aliases("not a JSON object");

    AliasTable table;
    for (auto field : root) {
        std::string_view index;
        if (field.unescaped_key().get(index)) return not_aliases("not valid JSON");
        // The 404 body of a missing alias: {"error":"alias [x] missing","status":404, ...found entries...}.
        if (index == "error" || index == "status") {
            od::json_type type;
            if (field.value().type().get(type)) return not_aliases("not valid JSON");
            if (type != od::json_type::object) continue;
        }
        std::string index_name(index);
        od::object entry;
        if (field.value().get_object().get(entry)) return not_aliases("index [" + index_name + "] is not an object");
        od::object aliases;
        auto aliases_field = entry.find_field_unordered("aliases");
        if (aliases_field.error() == simdjson::NO_SUCH_FIELD) {
            table.m_by_index.try_emplace(index_name);
            continue;
        }
        if (aliases_field.get_object().get(aliases)) {
            return not_aliases("index [" + index_name + "] has no \"aliases\" object");
        }
        auto& list = table.m_by_index[index_name];
        for (auto alias_field : aliases) {
            std::string_view alias;
            if (alias_field.unescaped_key().get(alias)) return not_aliases("not valid JSON");
            list.emplace_back(alias);
        }
        std::sort(list.begin(), list.end());
    }
    return table;
}

void AliasTable::add(std::string_view index, std::string_view alias) {
    auto& list = m_by_index[std::string(index)];
    auto at = std::lower_bound(list.begin(), list.end(), alias);
    if (at == list.end() || *at != alias) list.emplace(at, alias);
}

void AliasTable::merge(const AliasTable& other) {
    for (const auto& [index, aliases] : other.m_by_index) {
        m_by_index.try_emplace(index);
        for (const auto& alias : aliases) add(index, alias);
    }
}

std::vector<std::string_view> AliasTable::indices_with(std::string_view alias) const {
    std::vector<std::string_view> indices;
    for (const auto& [index, aliases] : m_by_index) {
        if (std::binary_search(aliases.begin(), aliases.end(), alias)) indices.push_back(index);
    }
    return indices;
}

const std::vector<std::string>& AliasTable::aliases_of(std::string_view index) const {
    static const std::vector<std::string> none;
    auto it = m_by_index.find(index);
    return it == m_by_index.end() ? none : it->second;
}

}  // namespace aliasing
