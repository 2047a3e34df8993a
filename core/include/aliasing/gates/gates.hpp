#pragma once
/// Content gates (SPEC §13): the checks a complete generation must pass before the swap, and their verdicts. The
/// evaluations here are pure; the pipeline (gate_step.cpp) reads what they need from the cluster.

#include "aliasing/gates/gate_settings.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aliasing {

enum class GateVerdict {
    Passed,
    Refused,       ///< the run is refused (exit 4) before any change
    NotEvaluated,  ///< offline plan, or the inputs could not be read: said why
    Off,           ///< disabled by the job (or nothing to check)
};

/// "passed", "refused", "not evaluated" or "off".
const char* to_string(GateVerdict verdict);

/// One gate's verdict: one line of the plan, one entry of the report.
struct GateResult {
    std::string gate;    ///< the job key: "min_docs", "max_docs_drop_pct", "mapping_check", ...
    GateVerdict verdict = GateVerdict::NotEvaluated;
    std::string detail;  ///< what was compared; for a refusal, each refused index with the numbers
    std::map<std::string, std::string> inputs;  ///< the settings and numbers it used, for the report
};

/// A new index and the live index of the same entity (none on its first promotion), with their primary document
/// counts (`docs.count` of `_cat/indices`: primaries only, not replicas).
struct EntityDocs {
    std::string entity;
    std::string new_index;
    std::uint64_t new_docs = 0;
    std::string live_index;  ///< empty: first promotion of this entity
    std::uint64_t live_docs = 0;
};

/// The gates of a plan: the tolerances in force, the counts they were judged on, and every verdict in order.
struct ContentGates {
    DocTolerances tolerances;
    std::vector<EntityDocs> docs;  ///< sorted by new index
    std::string counts_from = "catalog";  ///< "catalog", or "refreshed" after POST _refresh in a run
    std::vector<GateResult> results;

    /// The first refused gate, or null.
    const GateResult* refused() const;
    /// Replaces (or appends) the result of `result.gate`.
    void set(GateResult result);
};

/// The document-count gates over `docs`: min_docs on every new index; max_docs_drop_pct and max_docs_growth_pct
/// against the live index of the same entity (a first promotion is judged by min_docs only). Boundaries pass:
/// refused when new < live × (1 − pct/100), or new > live × (1 + pct/100).
std::vector<GateResult> evaluate_doc_gates(const std::vector<EntityDocs>& docs, const DocTolerances& tolerances);

/// The change from `live` to `now` in percent, as shown: "-41%", "+3%", "0%" (one decimal when rounding would hide
/// which side of a whole-number limit it is on).
std::string percent_change(std::uint64_t live, std::uint64_t now);

/// 1204332 → "1,204,332".
std::string grouped(std::uint64_t number);

}  // namespace aliasing
