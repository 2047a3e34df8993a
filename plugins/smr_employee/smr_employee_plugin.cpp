// smr-employee: `{index_base}-{entity}-employee-{run_id}` (current, layout 0) and
// `{index_base}-employee-{entity}-{run_id}` (planned, layout 1), force-merged by size (SPEC §4, §7). Both
// layouts are recognised so the migration between them needs no code change; planning reports an entity
// present in both layouts of one generation.
#include "aliasing/sdk.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace {

class SmrEmployeePlugin {
  public:
    static constexpr const char* name = "smr-employee";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "SMR employee data: shares smr's index_base; current and planned name layouts both recognised";
    static constexpr std::array<const char*, 2> layouts{"{index_base}-{entity}-employee-{run_id}",
                                                        "{index_base}-employee-{entity}-{run_id}"};
    static constexpr std::array<const char*, 0> entities{};
    static constexpr aliasing::sdk::MergePolicy merge =
        aliasing::sdk::MergePolicy::size_based(2 * aliasing::sdk::GiB);

    /// A name that fits both layouts (`{base}-employee-x-employee-{run_id}`) is read in the current layout.
    std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
        return kLayouts.match(index_base, name);
    }

  private:
    static constexpr aliasing::sdk::LayoutSet<2> kLayouts{layouts};
};

}  // namespace

ALIASING_DEFINE_PLUGIN(SmrEmployeePlugin);
