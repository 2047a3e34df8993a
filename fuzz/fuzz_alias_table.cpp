// Alias bodies (`GET _alias/{name}`, `GET {pattern}/_alias`): every (index, alias) pair an independent parser
// (Poco) finds is in the table, both ways round, and every pair's properties print as valid JSON.
#include "fuzz_check.hpp"

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/config/job.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing;
    const auto text = fuzz::as_text(data, size);
    auto table = AliasTable::parse(text, "fuzz.json");
    if (!table) {
        FUZZ_CHECK(!table.error().message.empty());
        return 0;
    }
    Poco::JSON::Object::Ptr root;
    try {
        Poco::JSON::Parser parser;
        root = parser.parse(std::string(text)).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
        return 0;  // Poco is stricter or looser somewhere; only compare what both read
    }
    if (!root) return 0;
    // Poco keeps the last of duplicate keys, the table reads the first "aliases": compare only bodies where each
    // index has one "aliases" key (as Elasticsearch writes them).
    std::size_t aliases_keys = 0;
    for (std::size_t at = text.find("\"aliases\""); at != std::string_view::npos; at = text.find("\"aliases\"", at + 1)) {
        ++aliases_keys;
    }
    std::size_t entries = 0;
    for (const auto& [index, entry] : *root) {
        if (entry.type() == typeid(Poco::JSON::Object::Ptr) && entry.extract<Poco::JSON::Object::Ptr>()->has("aliases")) {
            ++entries;
        }
    }
    if (aliases_keys != entries) return 0;
    for (const auto& [index, entry] : *root) {
        if (index == "error" || index == "status") continue;
        if (entry.type() != typeid(Poco::JSON::Object::Ptr)) continue;
        const auto aliases = entry.extract<Poco::JSON::Object::Ptr>()->getObject("aliases");
        if (!aliases) continue;
        for (const auto& [alias, properties] : *aliases) {
            const auto& of_index = table->aliases_of(index);
            FUZZ_CHECK(std::find(of_index.begin(), of_index.end(), alias) != of_index.end());
            const auto with = table->indices_with(alias);
            FUZZ_CHECK(std::find(with.begin(), with.end(), std::string_view(index)) != with.end());
            const std::string shown = properties_json(table->properties(index, alias));
            FUZZ_CHECK(!json_syntax_error_offset(shown).has_value());
        }
    }
    return 0;
}
