// Layout templates and name matching (sdk/include/aliasing/layout.hpp): a valid template formats back every
// name it matches, byte for byte, and formatted_size() is the formatted length.
// Input: template '\n' index_base '\n' name.
#include "fuzz_check.hpp"

#include "aliasing/layout.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using aliasing::sdk::LayoutTemplate;
    const auto text = aliasing::fuzz::as_text(data, size);
    const std::size_t first = text.find('\n');
    const std::string_view templ = text.substr(0, first);
    std::string_view rest = first == std::string_view::npos ? std::string_view{} : text.substr(first + 1);
    const std::size_t second = rest.find('\n');
    const std::string_view base = rest.substr(0, second);
    const std::string_view name = second == std::string_view::npos ? std::string_view{} : rest.substr(second + 1);

    const auto layout = LayoutTemplate::parse(templ);
    FUZZ_CHECK(layout.valid() == (layout.error() == nullptr));
    if (!layout.valid()) {
        FUZZ_CHECK(!layout.match(base, name).has_value());
        return 0;
    }
    const auto parsed = layout.match(base, name);
    if (!parsed) return 0;
    FUZZ_CHECK(!parsed->entity.empty() && !parsed->run_id.empty());
    FUZZ_CHECK(parsed->run_id.find('-') == std::string_view::npos);
    FUZZ_CHECK(aliasing::sdk::is_lowercase(name));
    const std::string formatted = layout.format(base, parsed->entity, parsed->run_id);
    FUZZ_CHECK(formatted == name);
    FUZZ_CHECK(layout.formatted_size(base, parsed->entity, parsed->run_id) == formatted.size());
    return 0;
}
