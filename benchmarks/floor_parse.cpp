// Built with ALIASING_SIMD's flags (see CMakeLists.txt), like core/src/catalog/catalog.cpp.
#include "floor_parse.hpp"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <string_view>

namespace aliasing::bench {
namespace {

namespace od = simdjson::ondemand;

std::uint64_t to_integer(std::string_view token) {
    // A string token "123": the digits sit between the quotes; null (closed indices) counts as 0.
    std::uint64_t value = 0;
    if (token.size() >= 2 && token.front() == '"') std::from_chars(token.data() + 1, token.data() + token.size() - 1, value);
    return value;
}

}  // namespace

FloorTotals floor_parse(const std::string& body) {
    FloorTotals totals;
    od::parser parser;
    od::document doc;
    if (parser.iterate(simdjson::padded_string_view(body.data(), body.size(), body.capacity())).get(doc)) return totals;
    od::array rows;
    if (doc.get_array().get(rows)) return totals;
    for (auto element : rows) {
        od::object row;
        if (element.get_object().get(row)) return totals;
        ++totals.rows;
        for (auto field : row) {
            od::raw_json_string raw_key;
            if (field.key().get(raw_key)) return totals;
            const char* key = raw_key.raw();
            const auto* quote = static_cast<const char*>(std::memchr(key, '"', 32));
            if (quote == nullptr) return totals;
            const std::string_view name(key, static_cast<std::size_t>(quote - key));
            od::value value = field.value();
            if (name == "index") {
                const std::string_view token = value.raw_json_token();
                totals.name_bytes += token.size() - 2;
            } else if (name == "health") {
                totals.open_green += value.raw_json_token() == "\"green\"";
            } else if (name == "status") {
                totals.open_green += value.raw_json_token() == "\"open\"";
            } else if (name == "pri") {
                totals.shards += to_integer(value.raw_json_token());
            } else if (name == "rep") {
                totals.replicas += to_integer(value.raw_json_token());
            } else if (name == "docs.count") {
                totals.docs += to_integer(value.raw_json_token());
            } else if (name == "pri.store.size") {
                totals.primary_bytes += to_integer(value.raw_json_token());
            } else if (name == "segments.count" || name == "pri.segments.count") {
                totals.segments += to_integer(value.raw_json_token());
            }
        }
    }
    totals.ok = true;
    return totals;
}

}  // namespace aliasing::bench
