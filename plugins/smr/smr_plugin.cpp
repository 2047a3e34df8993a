// smr: `{index_base}-{entity}-{run_id}`, force-merged by size (SPEC §4, §7). smr-employee shares smr's
// index_base, so smr must not claim an smr-employee index of either layout.
#include "aliasing/sdk.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace {

/// True when `entity` is what smr-employee's layouts leave in smr's entity position:
/// `{entity}-employee` (current layout), `employee-{entity}` (planned layout), or `employee` itself.
constexpr bool is_employee_entity(std::string_view entity) {
    constexpr std::string_view kEmployee = "employee";
    return entity == kEmployee || entity.starts_with("employee-") || entity.ends_with("-employee");
}

class SmrPlugin {
  public:
    static constexpr const char* name = "smr";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "SMR: one index per entity per ETL run (smr-employee indices under the same index_base are not "
        "smr's)";
    static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};
    static constexpr std::array<const char*, 0> entities{};
    static constexpr aliasing::sdk::MergePolicy merge =
        aliasing::sdk::MergePolicy::size_based(2 * aliasing::sdk::GiB);

    std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
        std::optional<aliasing::sdk::Parsed> parsed = kLayouts.match(index_base, name);
        if (parsed && is_employee_entity(parsed->entity)) return std::nullopt;
        return parsed;
    }

  private:
    static constexpr aliasing::sdk::LayoutSet<1> kLayouts{layouts};
};

}  // namespace

ALIASING_DEFINE_PLUGIN(SmrPlugin);
