// A compiled plugin behind DataSource: loading it (checks in plugin_checks.cpp) and the checked calls across the
// boundary.
#include "aliasing/abi.h"
#include "aliasing/plugins/entity_checks.hpp"
#include "aliasing/plugins/plugin_checks.hpp"
#include "aliasing/plugins/sources.hpp"

#include <dlfcn.h>
#include <boost/dll/shared_library.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace aliasing {
namespace {

class CompiledSource final : public DataSource {
  public:
    CompiledSource(boost::dll::shared_library library, const aliasing_plugin_api& api,
                   aliasing_plugin* instance, DataSourceInfo info)
        : m_library(std::move(library)), m_api(api), m_instance(instance), m_info(std::move(info)) {}
    CompiledSource(const CompiledSource&) = delete;
    CompiledSource& operator=(const CompiledSource&) = delete;
    ~CompiledSource() override { m_api.destroy(m_instance); }

    const DataSourceInfo& info() const override { return m_info; }

    Result<std::optional<ParsedName>> parse_name(std::string_view index_base,
                                                 std::string_view name) const override {
        Lease lease(*this);
        if (lease.instance == nullptr) {
            return plugin_error(
                "could not create an instance to parse index name [" + std::string(name) + "]", "");
        }
        aliasing_parsed_name split{};
        const aliasing_status status = m_api.parse_name(
            lease.instance, {index_base.data(), index_base.size()}, {name.data(), name.size()}, &split);
        if (status == ALIASING_STATUS_NOT_MINE) return std::optional<ParsedName>{};
        if (status != ALIASING_STATUS_OK) {
            return plugin_error("failed to parse index name [" + std::string(name) + "]",
                                last_error(lease, status));
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

    Result<std::string> format_name(std::string_view index_base, std::string_view entity,
                                    std::string_view run_id, std::uint32_t layout) const override {
        Lease lease(*this);
        if (lease.instance == nullptr)
            return plugin_error("could not create an instance to format an index name", "");
        std::array<char, 512> small{};
        std::size_t written = 0;
        aliasing_status status =
            call_format(lease, index_base, entity, run_id, layout, small.data(), small.size(), &written);
        if (status == ALIASING_STATUS_OK && written < small.size()) return std::string(small.data(), written);
        if (status == ALIASING_STATUS_ERROR && written >= small.size() && written < (1U << 20)) {
            std::string large(written + 1, '\0');
            status =
                call_format(lease, index_base, entity, run_id, layout, large.data(), large.size(), &written);
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
    /// One instance per call: the resident one when free, else a temporary one (instances are
    /// single-threaded).
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
                                std::string_view run_id, std::uint32_t layout, char* buffer,
                                std::size_t capacity, std::size_t* written) const {
        return m_api.format_name(lease.instance, {index_base.data(), index_base.size()},
                                 {entity.data(), entity.size()}, {run_id.data(), run_id.size()}, layout,
                                 buffer, capacity, written);
    }

    std::string last_error(const Lease& lease, aliasing_status status) const {
        if (status != ALIASING_STATUS_ERROR)
            return "it returned the unknown status " + std::to_string(status);
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

    boost::dll::shared_library m_library;  // first member: released after the instance is destroyed (never unmapped)
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
    // Never unloaded (abi.h): with RTLD_NODELETE, the dlclose that ~shared_library does later (also for a library
    // rejected below) leaves it mapped, so nothing it handed out (tables, strings, atexit handlers, thread-local
    // destructors) can dangle. The extra handle is deliberately never closed.
    if (::dlopen(library_path.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE) == nullptr) {
        const char* detail = dlerror();
        return rejection("cannot pin the library in memory: " + std::string(detail ? detail : "dlopen failed"));
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
    auto source = std::unique_ptr<DataSource>(
        std::make_unique<CompiledSource>(std::move(library), *api, instance, std::move(info)));
    if (Status entities = check_declared_entities(*source); !entities) return entities.error();
    return source;
}

}  // namespace aliasing
