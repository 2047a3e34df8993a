// A compiled plugin behind DataSource: loading, the ABI handshake, and the checked calls across the boundary.
#include "aliasing/abi.h"
#include "aliasing/plugins/sources.hpp"

#include <boost/dll/shared_library.hpp>
#include <dlfcn.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace aliasing {
namespace {

/// Size of an ABI 1.0 table: every field up to and including last_error.
constexpr std::size_t kAbi10TableSize = offsetof(aliasing_plugin_api, last_error) + sizeof(void*);

std::string version_text(unsigned major, unsigned minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

Error rejection(std::string reason) { return make_error(ErrorKind::Usage, std::move(reason)); }

bool is_valid_source_name(std::string_view name) {
    if (name.empty()) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

/// The handshake: same major, host minor >= plugin minor, a table at least as large as ABI 1.0's.
Status check_handshake(const aliasing_plugin_api& api) {
    const std::string plugin = version_text(api.abi_major, api.abi_minor);
    const std::string host = version_text(ALIASING_ABI_MAJOR, ALIASING_ABI_MINOR);
    if (api.abi_major != ALIASING_ABI_MAJOR) {
        return rejection("plugin ABI " + plugin + " is not compatible with host ABI " + host +
                         ": the major versions must match; rebuild the plugin against this aliasing's SDK");
    }
    if (api.abi_minor > ALIASING_ABI_MINOR) {
        return rejection("plugin ABI " + plugin + " is not compatible with host ABI " + host +
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
            return rejection(who + "never force-merges but gives no reason (merge_reason is shown in the plan)");
        }
    } else {
        return rejection(who + "has an unknown merge kind " + std::to_string(static_cast<int>(api.merge_kind)));
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
    return info;
}

bool inside(aliasing_string_view view, std::string_view name) {
    const auto begin = reinterpret_cast<std::uintptr_t>(name.data());
    const auto at = reinterpret_cast<std::uintptr_t>(view.data);
    return view.data != nullptr && at >= begin && at - begin <= name.size() && view.size <= name.size() - (at - begin);
}

/// Why `split` is not a valid split of `name`, or nullptr when it is.
const char* split_problem(const aliasing_parsed_name& split, std::string_view name, std::size_t layout_count) {
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

class CompiledSource final : public DataSource {
public:
    CompiledSource(boost::dll::shared_library library, const aliasing_plugin_api& api, aliasing_plugin* instance,
                   DataSourceInfo info)
        : m_library(std::move(library)), m_api(api), m_instance(instance), m_info(std::move(info)) {}
    CompiledSource(const CompiledSource&) = delete;
    CompiledSource& operator=(const CompiledSource&) = delete;
    ~CompiledSource() override { m_api.destroy(m_instance); }

    const DataSourceInfo& info() const override { return m_info; }

    Result<std::optional<ParsedName>> parse_name(std::string_view index_base, std::string_view name) const override {
        Lease lease(*this);
        if (lease.instance == nullptr) {
            return plugin_error("could not create an instance to parse index name [" + std::string(name) + "]", "");
        }
        aliasing_parsed_name split{};
        const aliasing_status status = m_api.parse_name(lease.instance, {index_base.data(), index_base.size()},
                                                        {name.data(), name.size()}, &split);
        if (status == ALIASING_STATUS_NOT_MINE) return std::optional<ParsedName>{};
        if (status != ALIASING_STATUS_OK) {
            return plugin_error("failed to parse index name [" + std::string(name) + "]", last_error(lease, status));
        }
        if (const char* problem = split_problem(split, name, m_info.layouts.size())) {
            return make_error(ErrorKind::Validation, "plugin [" + m_info.name +
                                                         "] returned an invalid split of index name [" +
                                                         std::string(name) + "]: " + problem +
                                                         "; fix the plugin or remove " + m_info.path);
        }
        return std::optional<ParsedName>{ParsedName{std::string_view(split.entity.data, split.entity.size),
                                                    std::string_view(split.run_id.data, split.run_id.size),
                                                    split.layout}};
    }

    Result<std::string> format_name(std::string_view index_base, std::string_view entity, std::string_view run_id,
                                    std::uint32_t layout) const override {
        Lease lease(*this);
        if (lease.instance == nullptr) return plugin_error("could not create an instance to format an index name", "");
        std::array<char, 512> small{};
        std::size_t written = 0;
        aliasing_status status = call_format(lease, index_base, entity, run_id, layout, small.data(),
                                             small.size(), &written);
        if (status == ALIASING_STATUS_OK && written < small.size()) return std::string(small.data(), written);
        if (status == ALIASING_STATUS_ERROR && written >= small.size() && written < (1U << 20)) {
            std::string large(written + 1, '\0');
            status = call_format(lease, index_base, entity, run_id, layout, large.data(), large.size(), &written);
            if (status == ALIASING_STATUS_OK && written < large.size()) {
                large.resize(written);
                return large;
            }
        }
        const std::string what = "entity [" + std::string(entity) + "], run id [" + std::string(run_id) +
                                 "], layout " + std::to_string(layout);
        if (status == ALIASING_STATUS_OK) return plugin_error("overran its buffer formatting " + what, "");
        return plugin_error("failed to format an index name for " + what, last_error(lease, status));
    }

private:
    /// One instance per call: the resident one when free, else a temporary one (instances are single-threaded).
    struct Lease {
        explicit Lease(const CompiledSource& source) : source(source) {
            if (!source.m_busy.test_and_set(std::memory_order_acquire)) {
                instance = source.m_instance;
            } else if (source.m_api.create(&instance) != ALIASING_STATUS_OK) {
                instance = nullptr;
            } else {
                temporary = true;
            }
        }
        ~Lease() {
            if (temporary) {
                source.m_api.destroy(instance);
            } else if (instance != nullptr) {
                source.m_busy.clear(std::memory_order_release);
            }
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

        const CompiledSource& source;
        aliasing_plugin* instance = nullptr;
        bool temporary = false;
    };

    aliasing_status call_format(const Lease& lease, std::string_view index_base, std::string_view entity,
                                std::string_view run_id, std::uint32_t layout, char* buffer, std::size_t capacity,
                                std::size_t* written) const {
        return m_api.format_name(lease.instance, {index_base.data(), index_base.size()},
                                 {entity.data(), entity.size()}, {run_id.data(), run_id.size()}, layout, buffer,
                                 capacity, written);
    }

    std::string last_error(const Lease& lease, aliasing_status status) const {
        if (status != ALIASING_STATUS_ERROR) return "it returned the unknown status " + std::to_string(status);
        const char* message = m_api.last_error(lease.instance);
        return message != nullptr && message[0] != '\0' ? message : "it gave no error message";
    }

    /// "plugin [x] <what>: <detail> (<path>)".
    Error plugin_error(const std::string& what, std::string_view detail) const {
        std::string message = "plugin [" + m_info.name + "] " + what;
        if (!detail.empty()) message += ": " + std::string(detail);
        message += " (" + m_info.path + ")";
        return make_error(ErrorKind::Validation, std::move(message));
    }

    boost::dll::shared_library m_library;  // first member: unloaded after the instance is destroyed
    const aliasing_plugin_api& m_api;
    aliasing_plugin* m_instance;
    mutable std::atomic_flag m_busy;
    DataSourceInfo m_info;
};

}  // namespace

Result<std::unique_ptr<DataSource>> load_compiled_source(const std::filesystem::path& library_path) {
    std::error_code error;
    boost::dll::shared_library library(library_path, boost::dll::load_mode::rtld_now, error);
    if (error) {
        const char* detail = dlerror();
        return rejection("cannot load the library: " + std::string(detail ? detail : error.message()));
    }
    if (!library.has(ALIASING_PLUGIN_ENTRY_SYMBOL)) {
        return rejection("no entry point " ALIASING_PLUGIN_ENTRY_SYMBOL ": not an aliasing plugin");
    }
    const auto entry = library.get<const aliasing_plugin_api*()>(ALIASING_PLUGIN_ENTRY_SYMBOL);
    const aliasing_plugin_api* api = entry();
    if (api == nullptr) return rejection(ALIASING_PLUGIN_ENTRY_SYMBOL "() returned no table");
    if (Status handshake = check_handshake(*api); !handshake) return handshake.error();
    if (Status table = check_table(*api); !table) return table.error();
    aliasing_plugin* instance = nullptr;
    if (api->create(&instance) != ALIASING_STATUS_OK || instance == nullptr) {
        return rejection(std::string("plugin [") + api->name + "] failed to create an instance");
    }
    DataSourceInfo info = info_of(*api, library_path);
    return std::unique_ptr<DataSource>(std::make_unique<CompiledSource>(std::move(library), *api, instance,
                                                                        std::move(info)));
}

}  // namespace aliasing
