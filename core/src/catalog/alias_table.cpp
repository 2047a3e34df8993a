#include "aliasing/catalog/alias_table.hpp"

#include "aliasing/render/json_writer.hpp"

#include <simdjson.h>

#include <algorithm>

namespace aliasing {
namespace {
namespace od = simdjson::ondemand;

// The properties object of one alias on one index; `problem` says what is wrong with it, if anything.
AliasProperties read_properties(od::object object, std::string& problem) {
    AliasProperties properties;
    for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) {
            problem = "not valid JSON";
            return properties;
        }
        auto value = field.value();
        if (key == "filter") {
            od::object filter;
            std::string_view raw;
            if (value.get_object().get(filter) || filter.raw_json().get(raw)) {
                problem = "\"filter\" is not an object";
                return properties;
            }
            std::string minified(raw.size(), '\0');
            std::size_t length = 0;
            if (simdjson::minify(raw.data(), raw.size(), minified.data(), length)) {
                problem = "\"filter\" is not valid JSON";
                return properties;
            }
            minified.resize(length);
            properties.filter = std::move(minified);
        } else if (key == "index_routing" || key == "search_routing") {
            std::string_view text;
            if (value.get_string().get(text)) {
                problem = "\"" + std::string(key) + "\" is not a string";
                return properties;
            }
            (key == "index_routing" ? properties.index_routing : properties.search_routing) = std::string(text);
        } else if (key == "is_write_index" || key == "is_hidden") {
            bool flag = false;
            if (value.get_bool().get(flag)) {
                problem = "\"" + std::string(key) + "\" is not a boolean";
                return properties;
            }
            (key == "is_write_index" ? properties.is_write_index : properties.is_hidden) = flag;
        } else {
            properties.unknown.emplace_back(key);
        }
    }
    std::sort(properties.unknown.begin(), properties.unknown.end());
    return properties;
}

}  // namespace

void write_alias_properties(JsonWriter& json, const AliasProperties& properties) {
    if (properties.filter) json.key("filter").raw(*properties.filter);
    if (properties.index_routing) json.field("index_routing", *properties.index_routing);
    if (properties.search_routing) json.field("search_routing", *properties.search_routing);
    if (properties.is_write_index) json.field("is_write_index", *properties.is_write_index);
    if (properties.is_hidden) json.field("is_hidden", *properties.is_hidden);
}

std::string properties_json(const AliasProperties& properties) {
    JsonWriter json;
    json.begin_object();
    write_alias_properties(json, properties);
    json.end_object();
    return json.take();
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
            od::object object;
            if (alias_field.value().get_object().get(object)) {
                return not_aliases("alias [" + std::string(alias) + "] of index [" + index_name +
                                   "] is not an object of properties");
            }
            std::string problem;
            AliasProperties properties = read_properties(object, problem);
            if (!problem.empty()) {
                return not_aliases("alias [" + list.back() + "] of index [" + index_name + "]: " + problem);
            }
            if (!properties.empty()) table.m_properties[index_name][list.back()] = std::move(properties);
        }
        std::sort(list.begin(), list.end());
    }
    return table;
}

void AliasTable::add(std::string_view index, std::string_view alias, AliasProperties properties) {
    auto& list = m_by_index[std::string(index)];
    auto at = std::lower_bound(list.begin(), list.end(), alias);
    if (at == list.end() || *at != alias) list.emplace(at, alias);
    if (!properties.empty()) m_properties[std::string(index)][std::string(alias)] = std::move(properties);
}

void AliasTable::merge(const AliasTable& other) {
    for (const auto& [index, aliases] : other.m_by_index) {
        m_by_index.try_emplace(index);
        for (const auto& alias : aliases) add(index, alias, other.properties(index, alias));
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

const AliasProperties& AliasTable::properties(std::string_view index, std::string_view alias) const {
    static const AliasProperties none;
    auto by_index = m_properties.find(index);
    if (by_index == m_properties.end()) return none;
    auto found = by_index->second.find(alias);
    return found == by_index->second.end() ? none : found->second;
}

}  // namespace aliasing
