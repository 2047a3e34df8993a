// customer: `{index_base}-{entity}-{run_id}`, force-merged by size (SPEC §4, §7).
#include "aliasing/sdk.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace {

class CustomerPlugin {
  public:
    static constexpr const char* name = "customer";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description = "Customer master data: one index per entity per ETL run";
    static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};
    // No declared entities: a complete generation is every entity seen (or the job's `entities`).
    static constexpr std::array<const char*, 0> entities{};
    static constexpr aliasing::sdk::MergePolicy merge =
        aliasing::sdk::MergePolicy::size_based(2 * aliasing::sdk::GiB);

    std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
        return kLayouts.match(index_base, name);
    }

  private:
    static constexpr aliasing::sdk::LayoutSet<1> kLayouts{layouts};
};

}  // namespace

ALIASING_DEFINE_PLUGIN(CustomerPlugin);
