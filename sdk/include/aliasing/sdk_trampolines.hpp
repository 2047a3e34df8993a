#pragma once
/// The noexcept functions behind the table ALIASING_DEFINE_PLUGIN exports: every exception becomes
/// ALIASING_STATUS_ERROR plus the instance-owned last_error string. Part of the SDK's C++ helper; include
/// aliasing/sdk.hpp.

#include "aliasing/abi.h"
#include "aliasing/layout.hpp"
#include "aliasing/sdk_plugin_class.hpp"

#include <cstdint>
#include <cstring>
#include <exception>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace aliasing::sdk::detail {

template <class T>
struct Instance {
    T plugin;
    std::string last_error;
};

template <class T>
Instance<T>* instance_of(aliasing_plugin* handle) noexcept {
    return reinterpret_cast<Instance<T>*>(handle);
}

inline std::string_view view_of(aliasing_string_view view) noexcept {
    return {view.data, view.size};
}

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
                    instance.last_error = "layout " + std::to_string(layout) +
                                          " does not exist: the plugin has " +
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
                return write_formatted(
                    instance, layout_template.format(view_of(index_base), view_of(entity), view_of(run_id)),
                    buffer, capacity, written);
            }
        } catch (...) {
            return fail_with_current_exception(instance);
        }
    }

    static const char* last_error(const aliasing_plugin* handle) noexcept {
        if (handle == nullptr)
            return "the plugin instance could not be created (out of memory or its constructor threw)";
        const auto* instance = reinterpret_cast<const Instance<T>*>(handle);
        if (instance->last_error.empty()) return "unknown error (the plugin could not record its message)";
        return instance->last_error.c_str();
    }
};
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
        if constexpr (requires { T::gate_defaults; }) {  // ABI 1.1
            constexpr GateDefaults defaults = T::gate_defaults;
            api.gate_defaults_set = 1;
            api.default_max_docs_drop_pct = defaults.max_docs_drop_pct;
            api.default_min_docs = defaults.min_docs;
            api.default_max_docs_growth_pct = defaults.max_docs_growth_pct;
        }
    }
    return api;
}

}  // namespace aliasing::sdk::detail
