#pragma once
// Fault rules of the /_sim/faults control: match method + path glob, optionally only the Nth match (and `count`
// consecutive ones), then answer with a status and body, close the connection, or delay — before the request is
// handled (it never reaches the cluster) or after (it is applied, the answer is lost or replaced).

#include "aliasing/sim/json.hpp"

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace aliasing::sim {

/// master_timeout answers as this version does when a master_timeout elapsed (when "after": the change applied):
/// 9.x 429 with "timed_out":true and X-Timed-Out: true, older lines and OpenSearch 503.
enum class FaultAction { respond, drop, delay, master_timeout };
enum class FaultWhen { before, after };

struct FaultRule {
    std::int64_t id = 0;
    std::optional<std::string> method;
    std::string path;
    std::optional<std::int64_t> nth;
    std::int64_t count = 1;
    FaultAction action = FaultAction::respond;
    int status = 503;
    std::optional<Json> body;  ///< an object (JSON answer) or a string (raw text answer); default per status
    std::int64_t delay_ms = 0;
    FaultWhen when = FaultWhen::before;
    std::int64_t matches = 0;  ///< requests that matched method + path
    std::int64_t hits = 0;     ///< requests the rule actually fired on
};

class FaultTable {
public:
    /// Adds a rule from its JSON description; returns its id, or sets *error and returns 0.
    std::int64_t add(const Json& description, std::string* error);
    Json list() const;
    void clear();
    /// Counts the request against every matching rule and returns copies of those that fire, in rule order.
    std::vector<FaultRule> fire(std::string_view method, std::string_view path);

private:
    mutable std::mutex m_mutex;
    std::vector<FaultRule> m_rules;
    std::int64_t m_next_id = 1;
};

}  // namespace aliasing::sim
