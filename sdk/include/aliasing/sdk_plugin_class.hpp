#pragma once
/// What an aliasing plugin class provides, and the readable compile errors when something is missing.
/// Part of the SDK's C++ helper; include aliasing/sdk.hpp.

#include "aliasing/abi.h"
#include "aliasing/layout.hpp"

#include <concepts>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace aliasing::sdk {

inline constexpr std::uint64_t GiB = 1024ULL * 1024 * 1024;

/// A plugin's own defaults for the document-count gates (ABI 1.1; SPEC §13), declared as
/// `static constexpr sdk::GateDefaults gate_defaults{...};`. A job's keys override them.
struct GateDefaults {
    std::uint64_t min_docs = 1;
    std::uint32_t max_docs_drop_pct = 20;      ///< 100 disables the drop check
    std::int64_t max_docs_growth_pct = -1;     ///< < 0: no growth limit
};

/// How the host force-merges this data source's new indices (SPEC §7).
struct MergePolicy {
    aliasing_merge_kind kind = ALIASING_MERGE_SIZE_BASED;
    std::uint64_t max_segment_size_bytes = 2 * GiB;
    const char* reason = "";

    /// Force-merge to ceil(bytes per shard / max_segment_size_bytes) segments per shard.
    static constexpr MergePolicy size_based(std::uint64_t max_segment_size_bytes = 2 * GiB) {
        return MergePolicy{ALIASING_MERGE_SIZE_BASED, max_segment_size_bytes, ""};
    }
    /// Never force-merge; `reason` (static storage) is shown in the plan instead of a command.
    static constexpr MergePolicy never(const char* reason) {
        return MergePolicy{ALIASING_MERGE_NEVER, 0, reason};
    }
};

namespace detail {

template <class T>
constexpr decltype(auto) name_of() {
    if constexpr (requires { T::name(); })
        return T::name();
    else
        return (T::name);
}
template <class T>
constexpr decltype(auto) version_of() {
    if constexpr (requires { T::version(); })
        return T::version();
    else
        return (T::version);
}
template <class T>
constexpr decltype(auto) description_of() {
    if constexpr (requires { T::description(); })
        return T::description();
    else
        return (T::description);
}
template <class T>
constexpr decltype(auto) layouts_of() {
    if constexpr (requires { T::layouts(); })
        return T::layouts();
    else
        return (T::layouts);
}
template <class T>
constexpr decltype(auto) entities_of() {
    if constexpr (requires { T::entities(); })
        return T::entities();
    else
        return (T::entities);
}
template <class T>
constexpr decltype(auto) merge_of() {
    if constexpr (requires { T::merge(); })
        return T::merge();
    else
        return (T::merge);
}

template <class Range>
concept CStringRange = requires(const Range& range) {
    { std::data(range) } -> std::convertible_to<const char* const*>;
    { std::size(range) } -> std::convertible_to<std::size_t>;
};

template <class T>
concept HasFormat = requires(const T& plugin, std::string_view text, std::uint32_t layout) {
    { plugin.format(text, text, text, layout) } -> std::convertible_to<std::string>;
};

template <class>
inline constexpr bool kAlwaysFalse = false;

/// entities is optional; when present it must be a static range of C strings.
template <class T>
constexpr bool entities_are_valid() {
    if constexpr (!requires { T::entities; }) {
        return true;
    } else {
        return CStringRange<std::remove_cvref_t<decltype(entities_of<T>())>> &&
               std::is_lvalue_reference_v<decltype(entities_of<T>())>;
    }
}

/// Readable compile errors for a plugin class that lacks a required member; stops at the first problem.
template <class T>
constexpr bool check_plugin_class() {
    if constexpr (!requires { T::name; }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr const char* name = "
                      "\"...\";` (the lowercase data_source name used in job files)");
    } else if constexpr (!requires {
                             { name_of<T>() } -> std::convertible_to<const char*>;
                         }) {
        static_assert(kAlwaysFalse<T>, "the plugin's `name` must be a `const char*` (a string literal)");
    } else if constexpr (!requires {
                             { version_of<T>() } -> std::convertible_to<const char*>;
                         }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr const char* version = \"1.0.0\";`");
    } else if constexpr (!requires {
                             { description_of<T>() } -> std::convertible_to<const char*>;
                         }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr const char* description "
                      "= \"...\";` (one line shown by `aliasing plugins`)");
    } else if constexpr (!requires { T::layouts; }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr std::array<const char*, "
                      "N> layouts{...};` with templates such as \"{index_base}-{entity}-{run_id}\"");
    } else if constexpr (!CStringRange<std::remove_cvref_t<decltype(layouts_of<T>())>> ||
                         !std::is_lvalue_reference_v<decltype(layouts_of<T>())>) {
        static_assert(kAlwaysFalse<T>,
                      "the plugin's `layouts` must be a static `std::array<const char*, N>` "
                      "(or a static function returning a reference to one)");
    } else if constexpr (!entities_are_valid<T>()) {
        static_assert(kAlwaysFalse<T>,
                      "the plugin's `entities` must be a static `std::array<const char*, N>` "
                      "(it may be empty, or left out)");
    } else if constexpr (!requires {
                             { merge_of<T>() } -> std::convertible_to<MergePolicy>;
                         }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr aliasing::sdk::MergePolicy "
                      "merge = aliasing::sdk::MergePolicy::size_based();` (or "
                      "MergePolicy::never(\"why\"))");
    } else if constexpr (!requires(const T& plugin, std::string_view text) {
                             { plugin.parse(text, text) } -> std::same_as<std::optional<Parsed>>;
                         }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `std::optional<aliasing::sdk::Parsed> "
                      "parse(std::string_view index_base, std::string_view name) const` "
                      "returning views into `name`");
    } else if constexpr (!std::is_default_constructible_v<T>) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class must be default-constructible");
    } else {
        return true;
    }
    return false;
}

}  // namespace detail
}  // namespace aliasing::sdk
