// Declared entities are validated like names, and against the source's own naming (docs/ownership.md O6).
#include "aliasing/plugins/entity_checks.hpp"

#include "aliasing/plan/ownership.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace aliasing {
namespace {

constexpr std::string_view kProbeBase = "aliasing-probe-1_0_0";
constexpr std::string_view kProbeRunId = "20261015t103000";

Error entity_rejection(const DataSourceInfo& info, std::string_view entity, const std::string& why) {
    return make_error(ErrorKind::Usage, "data source [" + info.name + "] declares entity \"" + std::string(entity) +
                                            "\", which " + why + "; fix the plugin's entity list");
}

}  // namespace

Status check_declared_entities(const DataSource& source) {
    const DataSourceInfo& info = source.info();
    std::vector<std::string> seen;
    for (const std::string& entity : info.entities) {
        if (std::string problem = entity_name_problem(entity); !problem.empty()) {
            return entity_rejection(info, entity, problem);
        }
        if (std::find(seen.begin(), seen.end(), entity) != seen.end()) {
            return entity_rejection(info, entity, "is listed twice");
        }
        seen.push_back(entity);
        for (std::uint32_t layout = 0; layout < info.layouts.size(); ++layout) {
            Result<std::string> name = source.format_name(kProbeBase, entity, kProbeRunId, layout);
            if (!name) continue;  // the source refuses to name it under the probe base: nothing definite learnt
            auto parsed = source.parse_name(kProbeBase, *name);
            if (!parsed) return parsed.error();
            if (!parsed->has_value() || (*parsed)->entity != entity || (*parsed)->run_id != kProbeRunId) {
                return entity_rejection(info, entity,
                                        "can never match: its own layout \"" + info.layouts[layout] + "\" names it [" +
                                            *name + "], which it does not parse back to that entity");
            }
        }
    }
    return ok_status();
}

}  // namespace aliasing
