#pragma once
/// Lists written into messages, logs and reports: one way to join names, so every list reads the same.

#include <cstddef>
#include <string>
#include <string_view>

namespace aliasing {

/// The items (anything convertible to std::string_view) with `separator` between them.
template <class Range>
std::string join(const Range& items, std::string_view separator = ", ") {
    std::string out;
    bool first = true;
    for (const auto& item : items) {
        if (!first) out += separator;
        out += std::string_view(item);
        first = false;
    }
    return out;
}

/// The first `limit` items joined by ", ", then " and N more" for the rest: long lists stay readable in one line.
template <class Range>
std::string join_first(const Range& items, std::size_t limit) {
    std::string out;
    std::size_t count = 0;
    for (const auto& item : items) {
        if (count < limit) {
            if (count > 0) out += ", ";
            out += std::string_view(item);
        }
        ++count;
    }
    if (count > limit) out += " and " + std::to_string(count - limit) + " more";
    return out;
}

}  // namespace aliasing
