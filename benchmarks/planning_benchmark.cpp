// Planning benchmarks (SPEC §12), all four cases on the same synthetic bytes for N = 1k, 10k, 100k and 1M indices:
//   floor/N          simdjson On-Demand reading every value planning uses (the lower bound)
//   naive/N          Poco::JSON parsing the same body into a DOM and reading the same values
//   catalog_parse/N  Catalog::parse into the planning model
//   plan/N           Catalog::parse + make_plan through the compiled customer plugin loaded by the registry
// Inputs are generated once per N before timing; every iteration does all of its work again.
#include "floor_parse.hpp"
#include "naive_parse.hpp"
#include "synthetic_catalog.hpp"

#include "aliasing/catalog/catalog.hpp"
#include "aliasing/plan/plan.hpp"
#include "aliasing/plugins/registry.hpp"

#include <benchmark/benchmark.h>
#include <malloc.h>
#include <simdjson.h>

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace {

using aliasing::bench::SyntheticCatalog;

constexpr std::array<std::size_t, 4> kSizes{1'000, 10'000, 100'000, 1'000'000};

/// The generated catalogs (each made on first use) and what planning them needs.
class Inputs {
public:
    explicit Inputs(const aliasing::DataSource& source) : m_source(source), m_job(aliasing::bench::customer_job()) {}

    const SyntheticCatalog& catalog(std::size_t indices) {
        auto& slot = m_catalogs[indices];
        if (!slot) slot = std::make_unique<SyntheticCatalog>(aliasing::bench::make_synthetic_catalog(indices));
        return *slot;
    }
    const aliasing::DataSource& source() const { return m_source; }
    const aliasing::Job& job() const { return m_job; }

private:
    const aliasing::DataSource& m_source;
    aliasing::Job m_job;
    std::map<std::size_t, std::unique_ptr<SyntheticCatalog>> m_catalogs;
};

/// A fresh copy of the body, padded as a careful reader allocates it; made while the clock is stopped (as is freeing
/// it with the catalog and the plan, see `untimed_teardown`).
std::string padded_copy(benchmark::State& state, const std::string& body) {
    state.PauseTiming();
    std::string copy;
    copy.reserve(body.size() + simdjson::SIMDJSON_PADDING);
    copy.assign(body);
    state.ResumeTiming();
    return copy;
}

/// Destroys what an iteration produced with the clock stopped: handing the body in and freeing it afterwards is the
/// caller's business (the floor reads one shared body and frees nothing either).
template <class... Objects>
void untimed_teardown(benchmark::State& state, Objects&... objects) {
    state.PauseTiming();
    (objects.reset(), ...);
    state.ResumeTiming();
}

/// Returns the heap's free memory to the system before a case, so that no case runs on pages another left behind.
void returned_to_system() { malloc_trim(0); }

void set_counters(benchmark::State& state, const SyntheticCatalog& catalog) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * catalog.body.size()));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * catalog.census.indices));
    state.counters["indices"] = static_cast<double>(catalog.census.indices);
}

void floor_case(benchmark::State& state, Inputs& inputs, std::size_t indices) {
    const SyntheticCatalog& catalog = inputs.catalog(indices);
    returned_to_system();
    for (auto _ : state) {
        const auto totals = aliasing::bench::floor_parse(catalog.body);
        if (!totals.ok || totals.rows != indices) state.SkipWithError("the floor did not read every row");
        benchmark::DoNotOptimize(totals);
    }
    set_counters(state, catalog);
}

void naive_case(benchmark::State& state, Inputs& inputs, std::size_t indices) {
    const SyntheticCatalog& catalog = inputs.catalog(indices);
    returned_to_system();
    for (auto _ : state) {
        const auto totals = aliasing::bench::naive_parse(catalog.body);
        if (!totals.ok || totals.rows != indices) state.SkipWithError("Poco did not read every row");
        benchmark::DoNotOptimize(totals);
    }
    set_counters(state, catalog);
}

void catalog_parse_case(benchmark::State& state, Inputs& inputs, std::size_t indices) {
    const SyntheticCatalog& catalog = inputs.catalog(indices);
    returned_to_system();
    for (auto _ : state) {
        std::optional<aliasing::Result<aliasing::Catalog>> parsed =
            aliasing::Catalog::parse(padded_copy(state, catalog.body), "synthetic catalog");
        if (!*parsed || (*parsed)->size() != indices) state.SkipWithError("Catalog::parse failed");
        benchmark::DoNotOptimize(parsed);
        untimed_teardown(state, parsed);
    }
    set_counters(state, catalog);
}

void plan_case(benchmark::State& state, Inputs& inputs, std::size_t indices) {
    const SyntheticCatalog& catalog = inputs.catalog(indices);
    returned_to_system();
    for (auto _ : state) {
        std::optional<aliasing::Result<aliasing::Catalog>> parsed =
            aliasing::Catalog::parse(padded_copy(state, catalog.body), "synthetic catalog");
        if (!*parsed) {
            state.SkipWithError((*parsed).error().message.c_str());
            break;
        }
        std::optional<aliasing::Result<aliasing::Plan>> plan =
            aliasing::make_plan({inputs.job(), inputs.source(), **parsed, catalog.aliases, catalog.now});
        if (!*plan || (*plan)->outcome != aliasing::PlanOutcome::Promote) {
            state.SkipWithError(*plan ? (*plan)->reason.c_str() : (*plan).error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(plan);
        untimed_teardown(state, plan, parsed);
    }
    set_counters(state, catalog);
}

using Case = void (*)(benchmark::State&, Inputs&, std::size_t);

void register_cases(Inputs& inputs) {
    struct Named {
        const char* name;
        Case run;
        int iterations_at_1m;
    };
    const std::array<Named, 4> cases{{{"floor", floor_case, 5},
                                      {"naive", naive_case, 1},
                                      {"catalog_parse", catalog_parse_case, 5},
                                      {"plan", plan_case, 5}}};
    // Every case starts from the same allocator state (see `returned_to_system`), and the Poco cases run last: a DOM
    // of a million rows leaves the heap full of free pages that would spare later cases their page faults.
    const std::array<std::size_t, 4> order{0, 2, 3, 1};
    for (std::size_t position : order) {
        const Named& named = cases[position];
        for (std::size_t indices : kSizes) {
            const std::string name = std::string(named.name) + "/" + std::to_string(indices);
            auto* benchmark = benchmark::RegisterBenchmark(
                name.c_str(), [&inputs, run = named.run, indices](benchmark::State& state) { run(state, inputs, indices); });
            benchmark->Unit(benchmark::kMillisecond);
            // A million rows take long enough per iteration that a few iterations measure them well.
            if (indices >= 1'000'000) benchmark->Iterations(named.iterations_at_1m);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    auto registry = aliasing::PluginRegistry::discover({ALIASING_BUILD_PLUGIN_DIR});
    auto source = registry.require(aliasing::bench::kCustomerDataSource);
    if (!source) {
        std::fprintf(stderr, "aliasing_planning_benchmark: %s\n", source.error().message.c_str());
        return 1;
    }
    Inputs inputs(**source);
    register_cases(inputs);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
