#pragma once
/// Deterministic synthetic `_cat/indices` catalogs for the planning benchmarks (SPEC §12): the body of
/// `GET _cat/indices?format=json&bytes=b&h=health,status,index,uuid,pri,rep,docs.count,docs.deleted,store.size,
/// pri.store.size,segments.count,pri.segments.count,creation.date` for a cluster that holds the indices of all four
/// built-in data sources, many generations each.

#include "aliasing/catalog/alias_table.hpp"
#include "aliasing/config/job.hpp"
#include "aliasing/model/run_id.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace aliasing::bench {

inline constexpr std::string_view kCustomerIndexBase = "customer-2_0_0";
inline constexpr std::string_view kCustomerAlias = "customer";
inline constexpr std::string_view kCustomerDataSource = "customer";

/// What a synthetic catalog holds, counted while generating it.
struct CatalogCensus {
    std::size_t indices = 0;                ///< rows in the body
    std::size_t customer_indices = 0;       ///< customer's layout under customer-2_0_0 with a valid run id
    std::size_t customer_generations = 0;   ///< distinct run-id instants among them (one is in the future)
    std::size_t customer_entities = 0;
    std::size_t unparseable = 0;            ///< names no plugin splits, or whose run id is invalid
    std::size_t alternate_spellings = 0;    ///< indices whose run id spells their generation's instant differently
};

/// A catalog body and the other inputs of planning it.
struct SyntheticCatalog {
    /// The JSON body. Its capacity includes simdjson's padding, as a reader that hands it to Catalog::parse should
    /// allocate it (otherwise parse must reallocate to pad it).
    std::string body;
    /// `GET _alias/customer` plus a few older customer indices that carry another alias (kept from deletion).
    AliasTable aliases;
    /// The clock for planning: the newest customer generation is 20 minutes old; one generation is 2 hours ahead.
    RunInstant now;
    CatalogCensus census;
};

/// Generates a catalog of exactly `index_count` rows (at least 100). The same count always gives the same bytes.
/// About a quarter of the names are customer's (`customer-2_0_0-{entity}-{run_id}`), the rest smr
/// (`smr-1_3_0-{entity}-{run_id}`), smr-employee (`smr-1_3_0-{entity}-employee-{run_id}`), transaction
/// (`transaction-1_0_0-{entity}-{run_id}`) and ~1% names that do not parse; rows come in a shuffled order, as
/// `_cat/indices` without `s=` returns them. Run ids use every accepted form (compact with and without `t`, `.`,
/// fraction and `z`; 13-digit epoch milliseconds), sometimes two spellings of one instant in a generation.
SyntheticCatalog make_synthetic_catalog(std::size_t index_count);

/// The job the benchmarks plan: alias `customer`, data source customer, index_base customer-2_0_0, delete_old,
/// keep_generations 2, forcemerge_new, its 20 entities pinned.
Job customer_job();

}  // namespace aliasing::bench
