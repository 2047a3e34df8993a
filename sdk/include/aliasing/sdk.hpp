#pragma once
/// The C++ side of the plugin contract: write an ordinary class, then `ALIASING_DEFINE_PLUGIN(ClassName)` generates
/// the one exported C entry point of aliasing/abi.h, with noexcept trampolines that turn every exception into
/// ALIASING_STATUS_ERROR plus an instance-owned last_error string. Header-only.
///
///     class Orders {
///     public:
///         static constexpr const char* name = "orders";            // data_source name in job files, lowercase
///         static constexpr const char* version = "1.0.0";
///         static constexpr const char* description = "Order documents, one index per entity";
///         static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};
///         static constexpr std::array<const char*, 0> entities{};  // optional; empty = every entity seen
///         static constexpr aliasing::sdk::MergePolicy merge = aliasing::sdk::MergePolicy::size_based();
///
///         std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
///             return m_layouts.match(index_base, name);  // views into `name`
///         }
///     private:
///         aliasing::sdk::LayoutSet<1> m_layouts{layouts};
///     };
///     ALIASING_DEFINE_PLUGIN(Orders);
///
/// name, version, description, layouts, entities and merge may be static data members or static functions.
/// Optional: `std::string format(std::string_view index_base, std::string_view entity, std::string_view run_id,
/// std::uint32_t layout) const`; without it, names are formatted from the layout templates. The class must be
/// default-constructible; one object is created per host instance and used by one thread at a time. To report a
/// failure, throw (e.g. std::runtime_error): the message becomes last_error, nothing crosses the boundary.

#include "aliasing/abi.h"
#include "aliasing/layout.hpp"

#include <concepts>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace aliasing::sdk {

inline constexpr std::uint64_t GiB = 1024ULL * 1024 * 1024;

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
    static constexpr MergePolicy never(const char* reason) { return MergePolicy{ALIASING_MERGE_NEVER, 0, reason}; }
};

namespace detail {

// Each accessor accepts a static data member or a static function of the same name.
template <class T>
constexpr decltype(auto) name_of() {
    if constexpr (requires { T::name(); }) return T::name(); else return (T::name);
}
template <class T>
constexpr decltype(auto) version_of() {
    if constexpr (requires { T::version(); }) return T::version(); else return (T::version);
}
template <class T>
constexpr decltype(auto) description_of() {
    if constexpr (requires { T::description(); }) return T::description(); else return (T::description);
}
template <class T>
constexpr decltype(auto) layouts_of() {
    if constexpr (requires { T::layouts(); }) return T::layouts(); else return (T::layouts);
}
template <class T>
constexpr decltype(auto) entities_of() {
    if constexpr (requires { T::entities(); }) return T::entities(); else return (T::entities);
}
template <class T>
constexpr decltype(auto) merge_of() {
    if constexpr (requires { T::merge(); }) return T::merge(); else return (T::merge);
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

/// The plugin object and the instance-owned last error of aliasing/abi.h.
template <class T>
struct Instance {
    T plugin;
    std::string last_error;
};

template <class T>
Instance<T>* instance_of(aliasing_plugin* handle) noexcept {
    return reinterpret_cast<Instance<T>*>(handle);
}

inline std::string_view view_of(aliasing_string_view view) noexcept { return {view.data, view.size}; }

template <class T>
void set_error(Instance<T>& instance, const char* message) noexcept {
    try {
        instance.last_error = message;
    } catch (...) {
        instance.last_error.clear();  // last_error() then reports that the message was lost
    }
}

/// Records the exception being handled as the instance's last error. Call only inside a catch block.
template <class T>
aliasing_status fail_with_current_exception(Instance<T>& instance) noexcept {
    try {
        throw;
    } catch (const std::exception& error) {
        set_error(instance, error.what());
    } catch (...) {
        set_error(instance, "the plugin threw an exception that is not a std::exception");
    }
    return ALIASING_STATUS_ERROR;
}

template <class T>
aliasing_status write_formatted(Instance<T>& instance, std::string_view formatted, char* buffer,
                                std::size_t capacity, std::size_t* written) {
    *written = formatted.size();
    if (formatted.size() + 1 > capacity) {
        instance.last_error = "the index name needs " + std::to_string(formatted.size() + 1) +
                              " bytes with its NUL but the buffer holds " + std::to_string(capacity);
        return ALIASING_STATUS_ERROR;
    }
    std::memcpy(buffer, formatted.data(), formatted.size());
    buffer[formatted.size()] = '\0';
    return ALIASING_STATUS_OK;
}

/// The exported functions for plugin class T. Every one is noexcept and catches everything.
template <class T>
struct Trampolines {
    static aliasing_status create(aliasing_plugin** out) noexcept {
        try {
            *out = reinterpret_cast<aliasing_plugin*>(new Instance<T>());
            return ALIASING_STATUS_OK;
        } catch (...) {
            *out = nullptr;
            return ALIASING_STATUS_ERROR;
        }
    }

    static void destroy(aliasing_plugin* handle) noexcept { delete instance_of<T>(handle); }

    static aliasing_status parse_name(aliasing_plugin* handle, aliasing_string_view index_base,
                                      aliasing_string_view name, aliasing_parsed_name* out) noexcept {
        Instance<T>& instance = *instance_of<T>(handle);
        try {
            const std::optional<Parsed> parsed = instance.plugin.parse(view_of(index_base), view_of(name));
            if (!parsed) return ALIASING_STATUS_NOT_MINE;
            out->entity = aliasing_string_view{parsed->entity.data(), parsed->entity.size()};
            out->run_id = aliasing_string_view{parsed->run_id.data(), parsed->run_id.size()};
            out->layout = parsed->layout;
            return ALIASING_STATUS_OK;
        } catch (...) {
            return fail_with_current_exception(instance);
        }
    }

    static aliasing_status format_name(aliasing_plugin* handle, aliasing_string_view index_base,
                                       aliasing_string_view entity, aliasing_string_view run_id,
                                       std::uint32_t layout, char* buffer, std::size_t capacity,
                                       std::size_t* written) noexcept {
        Instance<T>& instance = *instance_of<T>(handle);
        try {
            if constexpr (HasFormat<T>) {
                const std::string formatted =
                    instance.plugin.format(view_of(index_base), view_of(entity), view_of(run_id), layout);
                return write_formatted(instance, formatted, buffer, capacity, written);
            } else {
                const auto& layouts = layouts_of<T>();
                if (layout >= std::size(layouts)) {
                    instance.last_error = "layout " + std::to_string(layout) + " does not exist: the plugin has " +
                                          std::to_string(std::size(layouts)) + " layout(s)";
                    return ALIASING_STATUS_ERROR;
                }
                const LayoutTemplate layout_template = LayoutTemplate::parse(std::data(layouts)[layout]);
                if (!layout_template.valid()) {
                    instance.last_error = std::string("layout ") + std::data(layouts)[layout] +
                                          " cannot be formatted: it " + layout_template.error() +
                                          "; give the plugin class a format() member";
                    return ALIASING_STATUS_ERROR;
                }
                return write_formatted(instance,
                                       layout_template.format(view_of(index_base), view_of(entity), view_of(run_id)),
                                       buffer, capacity, written);
            }
        } catch (...) {
            return fail_with_current_exception(instance);
        }
    }

    static const char* last_error(const aliasing_plugin* handle) noexcept {
        if (handle == nullptr) return "the plugin instance could not be created (out of memory or its constructor threw)";
        const auto* instance = reinterpret_cast<const Instance<T>*>(handle);
        if (instance->last_error.empty()) return "unknown error (the plugin could not record its message)";
        return instance->last_error.c_str();
    }
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
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class needs `static constexpr const char* name = "
                                       "\"...\";` (the lowercase data_source name used in job files)");
    } else if constexpr (!requires { { name_of<T>() } -> std::convertible_to<const char*>; }) {
        static_assert(kAlwaysFalse<T>, "the plugin's `name` must be a `const char*` (a string literal)");
    } else if constexpr (!requires { { version_of<T>() } -> std::convertible_to<const char*>; }) {
        static_assert(kAlwaysFalse<T>,
                      "an aliasing plugin class needs `static constexpr const char* version = \"1.0.0\";`");
    } else if constexpr (!requires { { description_of<T>() } -> std::convertible_to<const char*>; }) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class needs `static constexpr const char* description "
                                       "= \"...\";` (one line shown by `aliasing plugins`)");
    } else if constexpr (!requires { T::layouts; }) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class needs `static constexpr std::array<const char*, "
                                       "N> layouts{...};` with templates such as \"{index_base}-{entity}-{run_id}\"");
    } else if constexpr (!CStringRange<std::remove_cvref_t<decltype(layouts_of<T>())>> ||
                         !std::is_lvalue_reference_v<decltype(layouts_of<T>())>) {
        static_assert(kAlwaysFalse<T>, "the plugin's `layouts` must be a static `std::array<const char*, N>` "
                                       "(or a static function returning a reference to one)");
    } else if constexpr (!entities_are_valid<T>()) {
        static_assert(kAlwaysFalse<T>, "the plugin's `entities` must be a static `std::array<const char*, N>` "
                                       "(it may be empty, or left out)");
    } else if constexpr (!requires { { merge_of<T>() } -> std::convertible_to<MergePolicy>; }) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class needs `static constexpr aliasing::sdk::MergePolicy "
                                       "merge = aliasing::sdk::MergePolicy::size_based();` (or "
                                       "MergePolicy::never(\"why\"))");
    } else if constexpr (!requires(const T& plugin, std::string_view text) {
                             { plugin.parse(text, text) } -> std::same_as<std::optional<Parsed>>;
                         }) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class needs `std::optional<aliasing::sdk::Parsed> "
                                       "parse(std::string_view index_base, std::string_view name) const` "
                                       "returning views into `name`");
    } else if constexpr (!std::is_default_constructible_v<T>) {
        static_assert(kAlwaysFalse<T>, "an aliasing plugin class must be default-constructible");
    } else {
        return true;
    }
    return false;
}

template <class T>
aliasing_plugin_api make_api_table() {
    aliasing_plugin_api api{};
    if constexpr (check_plugin_class<T>()) {  // otherwise the static_assert above has said what is missing
        const auto& layouts = layouts_of<T>();
        const MergePolicy merge = merge_of<T>();
        api.struct_size = sizeof(aliasing_plugin_api);
        api.abi_major = ALIASING_ABI_MAJOR;
        api.abi_minor = ALIASING_ABI_MINOR;
        api.name = name_of<T>();
        api.version = version_of<T>();
        api.description = description_of<T>();
        api.layouts = std::data(layouts);
        api.layout_count = std::size(layouts);
        if constexpr (requires { T::entities; }) {
            const auto& entities = entities_of<T>();
            api.entities = std::data(entities);
            api.entity_count = std::size(entities);
        }
        api.merge_kind = merge.kind;
        api.default_max_segment_size_bytes = merge.max_segment_size_bytes;
        api.merge_reason = merge.reason;
        api.create = &Trampolines<T>::create;
        api.destroy = &Trampolines<T>::destroy;
        api.parse_name = &Trampolines<T>::parse_name;
        api.format_name = &Trampolines<T>::format_name;
        api.last_error = &Trampolines<T>::last_error;
    }
    return api;
}

}  // namespace detail

/// The static, immutable table for plugin class T (what the entry point returns). Layouts and entities given by
/// static functions must return references to static storage, as the table points into them.
template <class T>
const aliasing_plugin_api* api_table() noexcept {
    static const aliasing_plugin_api api = detail::make_api_table<T>();
    return &api;
}

static_assert(std::string_view(ALIASING_PLUGIN_ENTRY_SYMBOL) == "aliasing_plugin_entry",
              "ALIASING_DEFINE_PLUGIN must define the symbol named by ALIASING_PLUGIN_ENTRY_SYMBOL");

}  // namespace aliasing::sdk

#if defined(_WIN32)
#define ALIASING_PLUGIN_EXPORT __declspec(dllexport)
#else
#define ALIASING_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/// Defines the plugin's single exported entry point for class ClassName. Use once per shared library, at namespace
/// scope, followed by a semicolon.
#define ALIASING_DEFINE_PLUGIN(ClassName)                                                        \
    extern "C" ALIASING_PLUGIN_EXPORT const aliasing_plugin_api* aliasing_plugin_entry(void) {   \
        return ::aliasing::sdk::api_table<ClassName>();                                          \
    }                                                                                            \
    static_assert(std::is_same_v<decltype(&aliasing_plugin_entry), aliasing_plugin_entry_fn>,   \
                  "aliasing_plugin_entry must match aliasing_plugin_entry_fn")
