// The document-count gates (SPEC §13): min_docs, max_docs_drop_pct, max_docs_growth_pct. Pure: the counts come
// from the catalog (offline plan) or from a re-read after POST _refresh (a run).
#include "aliasing/gates/gates.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aliasing {
namespace {

// |now − live| / live in percent, rounded to a whole number; shown with one decimal (rounded away from the limit)
// when the whole number would equal a limit it is beyond.
std::string magnitude(std::uint64_t live, std::uint64_t now, std::optional<std::uint32_t> limit = std::nullopt) {
    const std::uint64_t difference = now > live ? now - live : live - now;
    const long double exact = static_cast<long double>(difference) * 100.0L / static_cast<long double>(live);
    const long double whole = std::round(exact);
    char buffer[48];
    if (limit && whole == static_cast<long double>(*limit) && exact != whole) {
        std::snprintf(buffer, sizeof buffer, "%.1Lf%%", exact > whole ? std::ceil(exact * 10) / 10 : std::floor(exact * 10) / 10);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.0Lf%%", whole);
    }
    return buffer;
}

std::string documents(std::uint64_t count) { return grouped(count) + (count == 1 ? " document" : " documents"); }

void add_refusal(GateResult& result, const std::string& line) {
    result.verdict = GateVerdict::Refused;
    result.detail = result.detail.empty() ? line : result.detail + "; also " + line;
}

}  // namespace

const char* to_string(GateVerdict verdict) {
    switch (verdict) {
        case GateVerdict::Passed: return "passed";
        case GateVerdict::Refused: return "refused";
        case GateVerdict::NotEvaluated: return "not evaluated";
        case GateVerdict::Off: return "off";
    }
    return "not evaluated";
}

const GateResult* ContentGates::refused() const {
    for (const auto& result : results)
        if (result.verdict == GateVerdict::Refused) return &result;
    return nullptr;
}

void ContentGates::set(GateResult result) {
    for (auto& existing : results) {
        if (existing.gate == result.gate) {
            existing = std::move(result);
            return;
        }
    }
    results.push_back(std::move(result));
}

std::string grouped(std::uint64_t number) {
    std::string digits = std::to_string(number);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, 1, ',');
    return digits;
}

std::string percent_change(std::uint64_t live, std::uint64_t now) {
    if (live == now) return "0%";
    if (live == 0) return "+inf";
    return (now > live ? "+" : "-") + magnitude(live, now);
}

std::vector<GateResult> evaluate_doc_gates(const std::vector<EntityDocs>& docs, const DocTolerances& tolerances) {
    GateResult minimum{"min_docs", GateVerdict::Passed, "", {{"min_docs", std::to_string(tolerances.min_docs)}}};
    GateResult drop{"max_docs_drop_pct", GateVerdict::Passed, "",
                    {{"max_docs_drop_pct", std::to_string(tolerances.max_docs_drop_pct)}}};
    GateResult growth{"max_docs_growth_pct", GateVerdict::Passed, "",
                      {{"max_docs_growth_pct", tolerances.max_docs_growth_pct
                                                   ? std::to_string(*tolerances.max_docs_growth_pct)
                                                   : std::string("unlimited")}}};
    std::size_t compared = 0;
    for (const auto& entity : docs) {
        minimum.inputs[entity.new_index] = std::to_string(entity.new_docs);
        if (entity.new_docs < tolerances.min_docs) {
            add_refusal(minimum, entity.new_index + " has " + documents(entity.new_docs) + ", fewer than min_docs " +
                                     grouped(tolerances.min_docs));
        }
        if (entity.live_index.empty()) continue;
        ++compared;
        const std::string live = "the live " + entity.live_index + " (" + grouped(entity.live_docs) + ")";
        drop.inputs[entity.new_index] = std::to_string(entity.new_docs) + " vs " + std::to_string(entity.live_docs);
        growth.inputs[entity.new_index] = drop.inputs[entity.new_index];
        // new < live × (1 − pct/100)  ⇔  new × 100 < live × (100 − pct), in integers (exact at the boundary).
        const auto scaled_new = static_cast<long double>(entity.new_docs) * 100.0L;
        if (tolerances.max_docs_drop_pct < 100 &&
            scaled_new < static_cast<long double>(entity.live_docs) * (100.0L - tolerances.max_docs_drop_pct)) {
            add_refusal(drop, entity.new_index + " has " + documents(entity.new_docs) + ", " +
                                  magnitude(entity.live_docs, entity.new_docs, tolerances.max_docs_drop_pct) +
                                  " fewer than " + live + "; max_docs_drop_pct is " +
                                  std::to_string(tolerances.max_docs_drop_pct));
        }
        if (const auto pct = tolerances.max_docs_growth_pct;
            pct && scaled_new > static_cast<long double>(entity.live_docs) * (100.0L + *pct)) {
            add_refusal(growth, entity.new_index + " has " + documents(entity.new_docs) + ", " +
                                    (entity.live_docs == 0 ? std::string("more than none in")
                                                           : magnitude(entity.live_docs, entity.new_docs, *pct) +
                                                                 " more than") +
                                    " " + live + "; max_docs_growth_pct is " + std::to_string(*pct));
        }
    }
    if (minimum.verdict == GateVerdict::Passed)
        minimum.detail = "every new index has at least " + grouped(tolerances.min_docs) + " primary " +
                         (tolerances.min_docs == 1 ? "document" : "documents");
    const std::string basis = std::to_string(compared) + " of " + std::to_string(docs.size()) +
                              " new indices compared with the live index of their entity";
    if (tolerances.max_docs_drop_pct >= 100) {
        drop.verdict = GateVerdict::Off;
        drop.detail = "max_docs_drop_pct is 100";
    } else if (drop.verdict == GateVerdict::Passed) {
        drop.detail = compared == 0 ? "first promotion: no live index to compare with"
                                    : "none more than " + std::to_string(tolerances.max_docs_drop_pct) + "% fewer; " + basis;
    }
    if (!tolerances.max_docs_growth_pct) {
        growth.verdict = GateVerdict::Off;
        growth.detail = "no growth limit";
    } else if (growth.verdict == GateVerdict::Passed) {
        growth.detail = compared == 0 ? "first promotion: no live index to compare with"
                                      : "none more than " + std::to_string(*tolerances.max_docs_growth_pct) + "% more; " + basis;
    }
    return {std::move(minimum), std::move(drop), std::move(growth)};
}

}  // namespace aliasing
