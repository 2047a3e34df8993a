// `aliasing audit`: which data source owns each index, and the sizing flags of every index in a catalog.
#include "aliasing/audit/audit.hpp"

#include "aliasing/audit/glob.hpp"
#include "aliasing/render/text_table.hpp"

namespace aliasing {

Result<IndexOwner> owner_of(std::string_view name, const std::vector<const DataSource*>& sources) {
    for (const DataSource* source : sources) {
        const std::string& own = source->info().name;
        if (name.size() <= own.size() || name.substr(0, own.size()) != own || name[own.size()] != '-') continue;
        // The longest index_base that parses: `transaction-1_0_0`, not `transaction` with entity `1_0_0-payment`.
        for (std::size_t dash = name.rfind('-'); dash != std::string_view::npos && dash >= own.size();
             dash = dash == 0 ? std::string_view::npos : name.rfind('-', dash - 1)) {
            const std::string_view base = name.substr(0, dash);
            auto parsed = source->parse_name(base, name);
            if (!parsed) return parsed.error();
            if (*parsed) return IndexOwner{source, std::string(base)};
        }
    }
    return IndexOwner{};
}

namespace {

struct Skip {
    MergeDecision decision = MergeDecision::NotRequested;
    std::string command;  ///< why; empty when the index may be merged
};

// Why an index must not be merged by the audit whatever its segments say.
Skip skip_reason(const IndexRecord& index, const AuditOptions& options) {
    if (index.state == IndexState::Closed) return {MergeDecision::NotRequested, "skip: closed"};
    if (index.name.front() == '.')
        return {MergeDecision::NotRequested, "skip: hidden index (its name starts with '.'); never touched"};
    auto owner = owner_of(index.name, options.sources);
    if (!owner) {
        return {MergeDecision::NotRequested,
                "skip: cannot tell which data source it belongs to: " + owner.error().message};
    }
    if (owner->source && owner->source->info().merge.kind == MergeKind::Never) {
        return {MergeDecision::PolicyNever, "skip: data source [" + owner->source->info().name + "] (index_base " +
                                                owner->index_base +
                                                ") never force-merges: " + owner->source->info().merge.reason};
    }
    return {};
}

}  // namespace

std::vector<AuditRow> audit_catalog(const Catalog& catalog, const AuditOptions& options) {
    const MergePolicy policy{MergeKind::SizeBased, options.max_segment_size_bytes, ""};
    std::vector<AuditRow> rows;
    for (const auto& index : catalog.indices()) {
        if (!glob_match(options.pattern, index.name)) continue;
        AuditRow row{size_merge(index, policy, options.max_segment_size_bytes, true), {}};
        const MergeRow& m = row.merge;
        if (Skip skip = skip_reason(index, options); !skip.command.empty()) {
            row.merge.decision = skip.decision;
            row.merge.command = std::move(skip.command);
        }
        if (index.state == IndexState::Closed) row.flags.push_back("closed");
        if (m.shards > 1 && m.gb_per_shard < kSmallShardGiB) {
            row.flags.push_back("shards far too small: " + fixed2(m.gb_per_shard) + " GiB/shard over " +
                                std::to_string(m.shards) + " shards (aim for 10-50 GiB per shard)");
        }
        if (m.gb_per_shard > kLargeShardGiB) {
            row.flags.push_back("shards too large: " + fixed2(m.gb_per_shard) + " GiB/shard (aim for 10-50 GiB)");
        }
        if (index.health == IndexHealth::Red) row.flags.push_back("red");
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace aliasing
