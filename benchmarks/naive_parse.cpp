#include "naive_parse.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <charconv>

namespace aliasing::bench {
namespace {

std::uint64_t integer_of(const Poco::JSON::Object& row, const std::string& key) {
    const Poco::Dynamic::Var value = row.get(key);
    if (value.isEmpty()) return 0;  // null: a closed index
    const std::string text = value.convert<std::string>();
    std::uint64_t number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number);
    return number;
}

}  // namespace

FloorTotals naive_parse(const std::string& body) {
    FloorTotals totals;
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var parsed = parser.parse(body);
    const auto rows = parsed.extract<Poco::JSON::Array::Ptr>();
    if (rows.isNull()) return totals;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const Poco::JSON::Object::Ptr row = rows->getObject(static_cast<unsigned>(i));
        if (row.isNull()) return totals;
        ++totals.rows;
        totals.name_bytes += row->getValue<std::string>("index").size();
        totals.open_green += row->getValue<std::string>("health") == "green";
        totals.open_green += row->getValue<std::string>("status") == "open";
        totals.shards += integer_of(*row, "pri");
        totals.replicas += integer_of(*row, "rep");
        totals.docs += integer_of(*row, "docs.count");
        totals.primary_bytes += integer_of(*row, "pri.store.size");
        totals.segments += integer_of(*row, "segments.count") + integer_of(*row, "pri.segments.count");
    }
    totals.ok = true;
    return totals;
}

}  // namespace aliasing::bench
