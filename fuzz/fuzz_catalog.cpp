// `_cat/indices` bodies: never more rows than the input has objects, every name a view of non-empty text.
#include "fuzz_check.hpp"

#include "aliasing/catalog/catalog.hpp"

#include <algorithm>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing;
    const auto text = fuzz::as_text(data, size);
    const auto objects = static_cast<std::size_t>(std::count(text.begin(), text.end(), '{'));
    auto catalog = Catalog::parse(std::string(text), "fuzz.json");
    if (!catalog) {
        FUZZ_CHECK(!catalog.error().message.empty());
        return 0;
    }
    FUZZ_CHECK(catalog->size() <= objects);
    std::size_t name_bytes = 0;
    for (const auto& row : catalog->indices()) {
        name_bytes += row.name.size();
        FUZZ_CHECK(row.segments_known || row.primary_segments == 0);
        FUZZ_CHECK(to_string(row.health) != nullptr && to_string(row.state) != nullptr);
    }
    FUZZ_CHECK(name_bytes <= size);
    return 0;
}
