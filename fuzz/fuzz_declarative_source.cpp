// Declarative source files: an accepted source has a name and layouts, and every name it parses it formats back.
// Input: the JSON file, then optionally '\0' index_base '\n' index name.
#include "fuzz_check.hpp"

#include "aliasing/plugins/sources.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing;
    const auto text = fuzz::as_text(data, size);
    const std::size_t nul = text.find('\0');
    const std::string_view json = text.substr(0, nul);
    const std::string_view tail = nul == std::string_view::npos ? std::string_view{} : text.substr(nul + 1);
    const std::size_t newline = tail.find('\n');
    const std::string_view base = tail.substr(0, newline);
    const std::string name(newline == std::string_view::npos ? std::string_view{} : tail.substr(newline + 1));

    auto source = parse_declarative_source(json, "fuzz.json");
    if (!source) {
        FUZZ_CHECK(source.error().kind == ErrorKind::Usage);
        return 0;
    }
    const DataSourceInfo& info = (*source)->info();
    FUZZ_CHECK(!info.name.empty());
    FUZZ_CHECK(!info.layouts.empty());
    auto parsed = (*source)->parse_name(base, name);
    if (!parsed || !*parsed) return 0;
    const auto& split = **parsed;
    FUZZ_CHECK(split.layout < info.layouts.size());
    auto formatted = (*source)->format_name(base, split.entity, split.run_id, split.layout);
    FUZZ_CHECK(formatted.ok());
    FUZZ_CHECK(*formatted == name);
    return 0;
}
