// Pins what catalog_scan's open-addressing table (DenseIds) and its prefetching replace: grouping the catalog's
// indices by entity and by run id exactly as ordered maps would, past the table's first growth (64 slots).
#include "plan_fixture.hpp"

#include <map>
#include <set>

namespace aliasing {
namespace {

using testing::Scenario;

TEST(CatalogScanTest, ManyGenerationsAndEntitiesGroupLikeOrderedMaps) {
    Scenario s;
    std::map<std::string, std::set<std::string>, std::greater<>> by_run_id;  // the naive grouping, newest first
    for (int month = 1; month <= 9; ++month) {
        for (int day = 10; day <= 20; ++day) {
            const std::string run_id = "20260" + std::to_string(month) + std::to_string(day) + "t103000";
            // Entities differ per generation so incomplete ones exist too; 80 entities in all.
            for (int entity = 0; entity < 80; entity += (day % 3) + 1) {
                const std::string name = "e" + std::to_string(entity);
                s.rows.push_back({testing::index_of(name, run_id)});
                by_run_id[run_id].insert(name);
            }
        }
    }
    const Plan plan = s.plan();
    std::set<std::string> all_entities;
    for (const auto& [run_id, entities] : by_run_id) all_entities.insert(entities.begin(), entities.end());
    ASSERT_EQ(plan.generations.size(), by_run_id.size());
    std::size_t rank = 0;
    for (const auto& [run_id, entities] : by_run_id) {
        const GenerationSummary& generation = plan.generations[rank++];
        EXPECT_EQ(generation.run_id, run_id);
        EXPECT_EQ(generation.index_count, entities.size()) << run_id;
        EXPECT_EQ(generation.complete, entities.size() == all_entities.size()) << run_id;
        EXPECT_EQ(generation.missing.size(), all_entities.size() - entities.size()) << run_id;
    }
    EXPECT_EQ(std::set<std::string>(plan.expected_entities.begin(), plan.expected_entities.end()), all_entities);
}

}  // namespace
}  // namespace aliasing
