#pragma once
/// The C++ side of the plugin contract: write an ordinary class, then `ALIASING_DEFINE_PLUGIN(ClassName)`
/// generates the one exported C entry point of aliasing/abi.h, with noexcept trampolines that turn every
/// exception into ALIASING_STATUS_ERROR plus an instance-owned last_error string. Header-only.
///
///     namespace sdk = aliasing::sdk;
///     class Orders {
///     public:
///         static constexpr const char* name = "orders";  // data_source in job files, lowercase
///         static constexpr const char* version = "1.0.0";
///         static constexpr const char* description = "Order documents, one index per entity";
///         static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};
///         static constexpr std::array<const char*, 0> entities{};  // optional; empty: every entity seen
///         static constexpr sdk::MergePolicy merge = sdk::MergePolicy::size_based();
///
///         std::optional<sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
///             return kLayouts.match(index_base, name);  // views into `name`
///         }
///     private:
///         static constexpr sdk::LayoutSet<1> kLayouts{layouts};
///     };
///     ALIASING_DEFINE_PLUGIN(Orders);
///
/// name, version, description, layouts, entities and merge may be static data members or static functions.
/// Optional: `std::string format(std::string_view index_base, std::string_view entity, std::string_view
/// run_id, std::uint32_t layout) const`; without it, names are formatted from the layout templates. The class
/// must be default-constructible; one object is created per host instance and used by one thread at a time.
/// To report a failure, throw (e.g. std::runtime_error): the message becomes last_error, nothing crosses the
/// boundary.

#include "aliasing/abi.h"
#include "aliasing/layout.hpp"
#include "aliasing/sdk_plugin_class.hpp"
#include "aliasing/sdk_trampolines.hpp"

#include <string_view>
#include <type_traits>

namespace aliasing::sdk {

/// The static, immutable table for plugin class T (what the entry point returns). Layouts and entities given
/// by static functions must return references to static storage, as the table points into them.
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

/// Defines the plugin's single exported entry point for class ClassName. Use once per shared library, at
/// namespace scope, followed by a semicolon.
#define ALIASING_DEFINE_PLUGIN(ClassName)                                                      \
    extern "C" ALIASING_PLUGIN_EXPORT const aliasing_plugin_api* aliasing_plugin_entry(void) { \
        return ::aliasing::sdk::api_table<ClassName>();                                        \
    }                                                                                          \
    static_assert(std::is_same_v<decltype(&aliasing_plugin_entry), aliasing_plugin_entry_fn>,  \
                  "aliasing_plugin_entry must match aliasing_plugin_entry_fn")
