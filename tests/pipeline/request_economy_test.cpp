// SPEC §12 / issue 6 item 4: the number of HTTP requests of a promotion does not grow with the number of catalog
// indices, only with the chunking of long index lists (the DELETE of replaced generations).

#include "pipeline_fixture.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace aliasing::pipeline_testing {
namespace {

const char* const kEntities[] = {"individual", "address", "contact", "account"};

std::string run_id_of(int generation_number) {
    char text[32];
    std::snprintf(text, sizeof text, "2025%02d%02dt%02d0000", 1 + generation_number / (24 * 28),
                  1 + (generation_number / 24) % 28, generation_number % 24);
    return text;
}

/// `old_generations` complete old generations of the four customer entities (the newest of them live) plus the
/// new generation 20261122t020000, whose indices need a force-merge.
std::string catalog_state(int old_generations) {
    std::string rows, aliases;
    auto add = [&](const std::string& name, int segments, int replicas, bool live) {
        rows += std::string(rows.empty() ? "" : ",") + R"({"health":"green","status":"open","index":")" + name +
                R"(","pri":"1","rep":")" + std::to_string(replicas) +
                R"(","docs.count":"1000","pri.store.size":"1048576","pri.segments.count":")" +
                std::to_string(segments) + R"(","creation.date":"1763776800000"})";
        if (live) aliases += std::string(aliases.empty() ? "" : ",") + "\"" + name + R"(":{"aliases":{"customer-prod":{}}})";
    };
    for (int g = 0; g < old_generations; ++g)
        for (const char* entity : kEntities)
            add(std::string("customer-2_0_0-") + entity + "-" + run_id_of(g), 1, 1, g == old_generations - 1);
    for (const char* entity : kEntities) add(std::string("customer-2_0_0-") + entity + "-" + kNewRun, 40, 0, false);
    return R"({"version":"8.15.0","data_nodes":3,"cat_indices":[)" + rows + R"(],"aliases":{)" + aliases + "}}";
}

struct Count {
    std::size_t total = 0;
    std::size_t deletes = 0;
    std::size_t longest_line = 0;
    std::size_t deleted_names = 0;  ///< index names across every DELETE request line
};

class RequestEconomy : public PipelineSim {
protected:
    Count promote(int indices, bool delete_old) {
        load(catalog_state(indices / 4 - 1));
        Job job = customer_job();
        job.delete_old = delete_old;
        const RunResult result = run(job, {}, 30s);
        EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
        const NormalState after = state();
        EXPECT_EQ(after.alias_targets(kAlias), generation(kNewRun));
        Count count;
        for (const auto& request : requests()) {
            ++count.total;
            if (request.method == "DELETE") {
                ++count.deletes;
                count.deleted_names += 1 + static_cast<std::size_t>(std::count(request.path.begin(), request.path.end(), ','));
                EXPECT_EQ(request.path.find('*'), std::string::npos) << "deletes name indices explicitly";
            }
            count.longest_line = std::max(count.longest_line, request.line_bytes);
        }
        if (delete_old) {
            EXPECT_EQ(after.names(), generation(kNewRun)) << "every replaced generation is deleted";
        } else {
            EXPECT_EQ(after.indices.size(), static_cast<std::size_t>(indices)) << "nothing is deleted";
        }
        return count;
    }
};

TEST_F(RequestEconomy, RequestCountIsTheSameFor100And10000IndicesWithoutDeletes) {
    const Count small = promote(100, false);
    const Count large = promote(10000, false);
    EXPECT_EQ(large.total, small.total);
    EXPECT_EQ(large.deletes, 0u);
    std::cout << "[ requests ] 100 indices: " << small.total << ", 10000 indices: " << large.total << "\n";
}

TEST_F(RequestEconomy, RequestCountGrowsOnlyByDeleteChunks) {
    const Count small = promote(100, true);
    const Count large = promote(10000, true);
    EXPECT_GT(large.deletes, small.deletes) << "10,000 names cannot fit one request line";
    EXPECT_EQ(large.total - small.total, large.deletes - small.deletes);
    EXPECT_LT(large.longest_line, 4096u);
    EXPECT_EQ(large.deleted_names, 9996u) << "each replaced index is named in exactly one DELETE";
    EXPECT_EQ(small.deleted_names, 96u);
    // Each chunk is close to full: no more than one chunk per ~70 names (names here are 40-43 bytes long).
    EXPECT_LE(large.deletes, 9996u / 70 + 1);
    std::cout << "[ requests ] delete_old: 100 indices: " << small.total << " (" << small.deletes
              << " DELETE), 10000 indices: " << large.total << " (" << large.deletes << " DELETE)\n";
}

}  // namespace
}  // namespace aliasing::pipeline_testing
