// transaction: `{index_base}-{entity}-{run_id}`, never force-merged (SPEC §4, §7).
#include "aliasing/sdk.hpp"

#include <array>
#include <optional>
#include <string_view>

namespace {

class TransactionPlugin {
  public:
    static constexpr const char* name = "transaction";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Transactions: one index per entity per ETL run, still written to after promotion";
    static constexpr std::array<const char*, 1> layouts{"{index_base}-{entity}-{run_id}"};
    static constexpr std::array<const char*, 0> entities{};
    static constexpr aliasing::sdk::MergePolicy merge = aliasing::sdk::MergePolicy::never(
        "transaction indices keep receiving writes after promotion; force-merging them creates huge segments "
        "that never merge again");
    // Transactions grow every day: no growth limit, and a smaller drop than the host's 20% is already suspicious.
    static constexpr aliasing::sdk::GateDefaults gate_defaults{1, 10, -1};

    std::optional<aliasing::sdk::Parsed> parse(std::string_view index_base, std::string_view name) const {
        return kLayouts.match(index_base, name);
    }

  private:
    static constexpr aliasing::sdk::LayoutSet<1> kLayouts{layouts};
};

}  // namespace

ALIASING_DEFINE_PLUGIN(TransactionPlugin);
