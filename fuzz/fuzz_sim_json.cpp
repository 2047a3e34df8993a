// The simulator's JSON parser (sim/src/json): never crashes, and whatever it accepts prints back to text that
// parses to an equal value, compact and pretty.
#include "fuzz_check.hpp"

#include "aliasing/sim/json.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using aliasing::sim::Json;
    std::string error;
    auto parsed = Json::parse(aliasing::fuzz::as_text(data, size), &error);
    if (!parsed) {
        FUZZ_CHECK(!error.empty());
        return 0;
    }
    const std::string compact = parsed->dump();
    auto again = Json::parse(compact);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == *parsed);
    FUZZ_CHECK(again->dump() == compact);
    auto pretty = Json::parse(parsed->dump_pretty());
    FUZZ_CHECK(pretty.has_value() && *pretty == *parsed);
    return 0;
}
