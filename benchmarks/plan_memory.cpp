// Peak resident memory of planning a synthetic catalog (SPEC §12: under 3x the catalog's bytes at 1M indices).
//
//   aliasing_plan_memory [indices=1000000] [limit=3.0]
//
// Generates the catalog, returns the generator's scratch memory to the system, then takes RSS as the baseline
// (the body is in it) and resets the peak (VmHWM, via /proc/self/clear_refs). Catalog::parse takes ownership of the
// body and make_plan runs through the compiled customer plugin; planning's share is the peak above the baseline plus
// the body itself, which the catalog now owns. Prints the ratio to the body's bytes; exits 1 when it is not under
// the limit, 2 when planning or the measurement fails.
#include "synthetic_catalog.hpp"

#include "aliasing/catalog/catalog.hpp"
#include "aliasing/plan/plan.hpp"
#include "aliasing/plugins/registry.hpp"

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

namespace {

/// A `Vm...:  1234 kB` line of /proc/self/status, in bytes.
std::optional<std::size_t> status_bytes(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::strtoull(line.c_str() + field.size() + 1, nullptr, 10) * 1024;
    }
    return std::nullopt;
}

/// Resets VmHWM to the current RSS (Linux 4.0+). False when the kernel does not allow it.
bool reset_peak() {
    std::ofstream clear_refs("/proc/self/clear_refs");
    clear_refs << "5";
    clear_refs.flush();
    return static_cast<bool>(clear_refs);
}

double mib(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

}  // namespace

int main(int argc, char** argv) {
    const std::size_t indices = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    const double limit = argc > 2 ? std::strtod(argv[2], nullptr) : 3.0;

    auto registry = aliasing::PluginRegistry::discover({ALIASING_BUILD_PLUGIN_DIR});
    auto source = registry.require(aliasing::bench::kCustomerDataSource);
    if (!source) {
        std::fprintf(stderr, "plan_memory: %s\n", source.error().message.c_str());
        return 2;
    }
    const aliasing::Job job = aliasing::bench::customer_job();
    auto synthetic = aliasing::bench::make_synthetic_catalog(indices);
    const std::size_t body_bytes = synthetic.body.size();
    malloc_trim(0);

    const auto baseline = status_bytes("VmRSS");
    const bool peak_was_reset = reset_peak();
    const auto peak_before = status_bytes("VmHWM");
    if (!baseline || !peak_before) {
        std::fprintf(stderr, "plan_memory: /proc/self/status has no VmRSS or VmHWM\n");
        return 2;
    }
    std::size_t deletions = 0;
    {
        auto catalog = aliasing::Catalog::parse(std::move(synthetic.body), "synthetic catalog");
        if (!catalog) {
            std::fprintf(stderr, "plan_memory: %s\n", catalog.error().message.c_str());
            return 2;
        }
        auto plan = aliasing::make_plan({job, **source, *catalog, synthetic.aliases, synthetic.now});
        if (!plan || plan->outcome != aliasing::PlanOutcome::Promote) {
            std::fprintf(stderr, "plan_memory: planning did not promote: %s\n",
                         plan ? plan->reason.c_str() : plan.error().message.c_str());
            return 2;
        }
        deletions = plan->deletions.size();
    }
    const auto peak = status_bytes("VmHWM");
    if (!peak) return 2;
    const std::size_t above_baseline = *peak > *baseline ? *peak - *baseline : 0;
    const std::size_t planning = above_baseline + body_bytes;
    const double ratio = static_cast<double>(planning) / static_cast<double>(body_bytes);

    std::printf("indices            %zu (%zu to delete)\n", indices, deletions);
    std::printf("catalog body       %.1f MiB\n", mib(body_bytes));
    std::printf("RSS before         %.1f MiB (body included)%s\n", mib(*baseline),
                peak_was_reset ? "" : " [VmHWM could not be reset: the generator's peak may hide planning's]");
    std::printf("peak during plan   %.1f MiB\n", mib(*peak));
    std::printf("planning's share   %.1f MiB = peak - before + body\n", mib(planning));
    std::printf("ratio              %.2fx the catalog's bytes (limit %.2fx): %s\n", ratio, limit,
                ratio < limit ? "ok" : "OVER");
    return ratio < limit ? 0 : 1;
}
