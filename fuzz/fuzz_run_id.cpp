// Run ids (SPEC §5): a parsed run id, written back in the compact form, parses to the same instant.
#include "fuzz_check.hpp"

#include "aliasing/model/run_id.hpp"

#include <string>

namespace {

/// "2026-10-15T10:30:00.123Z" → "20261015T103000.123Z".
std::string compact(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-' && c != ':') out.push_back(c);
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing;
    auto parsed = parse_run_id(fuzz::as_text(data, size));
    if (!parsed) {
        FUZZ_CHECK(parsed.error().kind == ErrorKind::Validation);
        return 0;
    }
    const std::string iso = format_instant(*parsed);
    FUZZ_CHECK(iso.size() >= 20 && iso.back() == 'Z');
    auto again = parse_run_id(compact(iso));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *parsed);
    FUZZ_CHECK(format_instant(*again) == iso);
    return 0;
}
