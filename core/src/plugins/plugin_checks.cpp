// What the host checks of a compiled plugin: the ABI handshake, the table, and every split it returns.
#include "aliasing/plugins/plugin_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <cstdint>
#include <string>

namespace aliasing {
namespace {

/// Size of an ABI 1.0 table: every field up to and including last_error.
constexpr std::size_t kAbi10TableSize = offsetof(aliasing_plugin_api, last_error) + sizeof(void*);

std::string version_text(unsigned major, unsigned minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

}  // namespace

/// The handshake: same major, host minor >= plugin minor, a table at least as large as ABI 1.0's.
Status check_handshake(const aliasing_plugin_api& api) {
    const std::string plugin = version_text(api.abi_major, api.abi_minor);
    const std::string host = version_text(ALIASING_ABI_MAJOR, ALIASING_ABI_MINOR);
    if (api.abi_major != ALIASING_ABI_MAJOR) {
        return rejection("plugin ABI " + plugin + " is not compatible with host ABI " + host +
                         ": the major versions must match; rebuild the plugin against this aliasing's SDK");
    }
    if (api.abi_minor > ALIASING_ABI_MINOR) {
        return rejection(
            "plugin ABI " + plugin + " is not compatible with host ABI " + host +
            ": the host's minor version must be at least the plugin's; upgrade aliasing or rebuild "
            "the plugin against this aliasing's SDK");
    }
    if (api.struct_size < kAbi10TableSize) {
        return rejection("plugin table is " + std::to_string(api.struct_size) + " bytes but ABI " + plugin +
                         " needs at least " + std::to_string(kAbi10TableSize) +
                         "; the plugin was not built with the SDK headers it claims");
    }
    return ok_status();
}

/// Everything in the table the host relies on, checked once at load time.
Status check_table(const aliasing_plugin_api& api) {
    if (api.name == nullptr || !is_valid_source_name(api.name)) {
        return rejection(std::string("plugin name [") + (api.name ? api.name : "(null)") +
                         "] is invalid: a data_source name is lowercase letters, digits, '-' and '_'");
    }
    const std::string who = std::string("plugin [") + api.name + "] ";
    if (api.version == nullptr) return rejection(who + "has no version string");
    if (api.layout_count == 0 || api.layouts == nullptr) return rejection(who + "declares no layout");
    for (std::size_t i = 0; i < api.layout_count; ++i) {
        if (api.layouts[i] == nullptr) return rejection(who + "has a null layout " + std::to_string(i));
    }
    if (api.entity_count > 0 && api.entities == nullptr) return rejection(who + "has a null entity list");
    for (std::size_t i = 0; i < api.entity_count; ++i) {
        if (api.entities[i] == nullptr || api.entities[i][0] == '\0') {
            return rejection(who + "has an empty or null entity " + std::to_string(i));
        }
    }
    if (api.merge_kind == ALIASING_MERGE_SIZE_BASED) {
        if (api.default_max_segment_size_bytes == 0) {
            return rejection(who + "has a size-based merge policy with a max segment size of 0 bytes");
        }
    } else if (api.merge_kind == ALIASING_MERGE_NEVER) {
        if (api.merge_reason == nullptr || api.merge_reason[0] == '\0') {
            return rejection(who +
                             "never force-merges but gives no reason (merge_reason is shown in the plan)");
        }
    } else {
        return rejection(who + "has an unknown merge kind " +
                         std::to_string(static_cast<int>(api.merge_kind)));
    }
    if (!api.create || !api.destroy || !api.parse_name || !api.format_name || !api.last_error) {
        return rejection(who + "has a null function pointer in its table");
    }
    return ok_status();
}

DataSourceInfo info_of(const aliasing_plugin_api& api, const std::filesystem::path& library) {
    DataSourceInfo info;
    info.name = api.name;
    info.kind = SourceKind::Compiled;
    info.version = api.version;
    info.abi_version = version_text(api.abi_major, api.abi_minor);
    info.path = library.string();
    info.description = api.description ? api.description : "";
    info.layouts.assign(api.layouts, api.layouts + api.layout_count);
    if (api.entity_count > 0) info.entities.assign(api.entities, api.entities + api.entity_count);
    if (api.merge_kind == ALIASING_MERGE_NEVER) {
        info.merge = MergePolicy{MergeKind::Never, 0, api.merge_reason};
    } else {
        info.merge = MergePolicy{MergeKind::SizeBased, api.default_max_segment_size_bytes, ""};
    }
    // ABI 1.1: the plugin's gate defaults, read only from a table that has them.
    constexpr std::size_t kAbi11TableSize =
        offsetof(aliasing_plugin_api, default_max_docs_growth_pct) + sizeof(api.default_max_docs_growth_pct);
    if (api.abi_minor >= 1 && api.struct_size >= kAbi11TableSize && api.gate_defaults_set != 0) {
        DocTolerances defaults;
        defaults.min_docs = api.default_min_docs;
        defaults.max_docs_drop_pct = std::min<std::uint32_t>(api.default_max_docs_drop_pct, 100);
        if (api.default_max_docs_growth_pct >= 0)
            defaults.max_docs_growth_pct = static_cast<std::uint32_t>(
                std::min<std::int64_t>(api.default_max_docs_growth_pct, std::numeric_limits<std::int32_t>::max()));
        info.gate_defaults = defaults;
    }
    return info;
}

bool inside(aliasing_string_view view, std::string_view name) {
    const auto begin = reinterpret_cast<std::uintptr_t>(name.data());
    const auto at = reinterpret_cast<std::uintptr_t>(view.data);
    return view.data != nullptr && at >= begin && at - begin <= name.size() &&
           view.size <= name.size() - (at - begin);
}

/// Why `split` is not a valid split of `name`, or nullptr when it is.
const char* split_problem(const aliasing_parsed_name& split, std::string_view name,
                          std::size_t layout_count) {
    if (split.layout >= layout_count) return "the layout index is not one of the plugin's layouts";
    if (!inside(split.entity, name)) return "the entity does not point into the name";
    if (!inside(split.run_id, name)) return "the run id does not point into the name";
    if (split.entity.size == 0) return "the entity is empty";
    const std::size_t run_id_at = static_cast<std::size_t>(split.run_id.data - name.data());
    const std::size_t entity_at = static_cast<std::size_t>(split.entity.data - name.data());
    if (split.run_id.size == 0 || run_id_at + split.run_id.size != name.size() || run_id_at == 0 ||
        name[run_id_at - 1] != '-' || name.substr(run_id_at).find('-') != std::string_view::npos) {
        return "the run id is not the last '-'-separated part of the name";
    }
    if (entity_at + split.entity.size >= run_id_at) return "the entity overlaps the run id";
    return nullptr;
}

}  // namespace aliasing
