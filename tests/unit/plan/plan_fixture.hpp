#pragma once
// A data source and catalog builder for planning tests: `{index_base}-{entity}-{run_id}`, like customer.

#include "aliasing/plan/plan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aliasing::testing {

class SimpleSource : public DataSource {
public:
    explicit SimpleSource(MergePolicy merge = {}, std::vector<std::string> entities = {}) {
        m_info.name = "customer";
        m_info.layouts = {"{index_base}-{entity}-{run_id}"};
        m_info.entities = std::move(entities);
        m_info.merge = std::move(merge);
    }
    const DataSourceInfo& info() const override { return m_info; }
    DataSourceInfo& edit_info() { return m_info; }
    Result<std::optional<ParsedName>> parse_name(std::string_view base, std::string_view name) const override {
        if (name.size() <= base.size() + 1 || name.substr(0, base.size()) != base || name[base.size()] != '-')
            return std::optional<ParsedName>{};
        const auto rest = name.substr(base.size() + 1);
        const auto dash = rest.rfind('-');
        if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return std::optional<ParsedName>{};
        return std::optional<ParsedName>(ParsedName{rest.substr(0, dash), rest.substr(dash + 1), 0});
    }
    Result<std::string> format_name(std::string_view base, std::string_view entity, std::string_view run_id,
                                    std::uint32_t) const override {
        return std::string(base) + "-" + std::string(entity) + "-" + std::string(run_id);
    }

private:
    DataSourceInfo m_info;
};

struct Row {
    std::string index;
    std::string status = "open";
    std::string health = "green";
    std::uint64_t bytes = 1024;
    std::uint64_t segments = 1;
    int pri = 1;
    std::uint64_t docs = 10;
};

inline std::string catalog_body(const std::vector<Row>& rows) {
    std::string body = "[";
    for (const auto& row : rows) {
        if (body.size() > 1) body += ",";
        body += R"({"health":")" + row.health + R"(","status":")" + row.status + R"(","index":")" + row.index +
                R"(","pri":")" + std::to_string(row.pri) + R"(","rep":"0","docs.count":")" + std::to_string(row.docs) +
                R"(","pri.store.size":")" +
                std::to_string(row.bytes) + R"(","pri.segments.count":")" + std::to_string(row.segments) + R"("})";
    }
    return body + "]";
}

inline Job job(bool delete_old = false) {
    Job j;
    j.alias_name = "customer-prod";
    j.data_source = "customer";
    j.index_base = "customer-2_0_0";
    j.delete_old = delete_old;
    return j;
}

/// Owns every input of a plan so the plan's views stay valid.
struct Scenario {
    Job job_file = job();
    SimpleSource source;
    std::vector<Row> rows;
    std::string aliases = R"({"error":"alias [customer-prod] missing","status":404})";
    std::string raw_catalog;  // when set, the catalog body instead of `rows`
    RunInstant now{1'900'000'000'000'000'000};  // 2030-03-17, after every run id used in tests

    std::optional<Catalog> catalog;
    std::optional<AliasTable> table;

    Plan plan(PlanMode mode = PlanMode::Promote) {
        auto parsed = Catalog::parse(raw_catalog.empty() ? catalog_body(rows) : raw_catalog, "catalog");
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
        catalog.emplace(std::move(parsed).value());
        auto alias_table = AliasTable::parse(aliases, "aliases");
        EXPECT_TRUE(alias_table.ok());
        table.emplace(std::move(alias_table).value());
        auto result = make_plan(PlanRequest{job_file, source, *catalog, *table, now, mode});
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
        return std::move(result).value();
    }
};

inline std::string alias_body(const std::vector<std::string>& indices, const std::string& alias = "customer-prod") {
    std::string body = "{";
    for (const auto& index : indices) {
        if (body.size() > 1) body += ",";
        body += "\"" + index + R"(":{"aliases":{")" + alias + R"(":{}}})";
    }
    return body + "}";
}

}  // namespace aliasing::testing

namespace aliasing::testing {

/// `customer-2_0_0-{entity}-{run_id}`.
inline std::string index_of(const std::string& entity, const std::string& run_id) {
    return "customer-2_0_0-" + entity + "-" + run_id;
}

inline std::vector<std::string> as_strings(const std::vector<std::string_view>& views) {
    return {views.begin(), views.end()};
}

inline bool has(const std::vector<std::string_view>& views, const std::string& name) {
    for (auto view : views)
        if (view == name) return true;
    return false;
}

inline bool has_note(const std::vector<IndexNote>& notes, const std::string& name, const std::string& reason_part) {
    for (const auto& note : notes)
        if (note.index == name && note.reason.find(reason_part) != std::string::npos) return true;
    return false;
}

}  // namespace aliasing::testing
