#pragma once
/// The one assertion fuzz targets use: an invariant that does not hold prints what and where, then aborts, so
/// libFuzzer saves the input as a crash (an assert() would vanish under NDEBUG).

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                               \
    do {                                                                                                    \
        if (!(condition)) {                                                                                 \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);          \
            std::abort();                                                                                   \
        }                                                                                                   \
    } while (false)

namespace aliasing::fuzz {

/// The fuzzer's bytes as text.
inline std::string_view as_text(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace aliasing::fuzz
