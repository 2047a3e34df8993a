// inventory: an example data source built out of tree against the installed AliasingSDK package.
//
// Its ETL writes one index per entity per run, `{index_base}-{entity}-{run_id}`, e.g.
// `inventory-3_1_0-stock-20261121t020000`. It also leaves scratch indices named `{index_base}-tmp-...`, which
// are not part of any generation: parse() does not claim them, so planning lists them as ignored and never
// touches them.
#include <aliasing/sdk.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace {

class InventoryPlugin {
  public:
    // The data_source name used in job files (lowercase), a version, one line for `aliasing plugins`.
    static constexpr const char* name = "inventory";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description = "Warehouse stock levels, one index per entity per ETL run";

    // The name layouts it recognises, in order of preference; parse() reports which one matched.
    static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};

    // A generation is complete only when it has both. Leave this out (or empty) to accept every entity seen.
    static constexpr std::array<const char*, 2> entities{"stock", "warehouse"};

    // Force-merge new indices to ceil(bytes per shard / 1 GiB) segments per shard.
    static constexpr aliasing::sdk::MergePolicy merge =
        aliasing::sdk::MergePolicy::size_based(1 * aliasing::sdk::GiB);

    /// The entity and run id of `name` (views into `name`), or std::nullopt when the index is not ours.
    std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
        std::optional<aliasing::sdk::Parsed> parsed = kLayouts.match(index_base, name);
        if (parsed && parsed->entity.starts_with("tmp-")) return std::nullopt;  // ETL scratch space
        return parsed;
    }

  private:
    // Parsed at compile time: a typo in a layout template is a compile error.
    static constexpr aliasing::sdk::LayoutSet<1> kLayouts{layouts};
};

}  // namespace

// Generates the one exported C function, aliasing_plugin_entry, and its exception-safe trampolines.
ALIASING_DEFINE_PLUGIN(InventoryPlugin);
