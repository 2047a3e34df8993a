#pragma once
// The /_sim/requests log: every Elasticsearch API request in arrival order with the status it got.

#include "aliasing/sim/json.hpp"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace aliasing::sim {

struct LoggedRequest {
    std::int64_t seq = 0;
    std::string method;
    std::string path;
    std::string query;
    int status = 0;  ///< 0 while in flight or when the connection was dropped
    std::size_t line_bytes = 0;
    std::string body;
};

class RequestLog {
public:
    /// Records an arriving request; returns its sequence number.
    std::int64_t append(LoggedRequest entry);
    void set_status(std::int64_t seq, int status);
    Json to_json() const;
    void clear();

private:
    mutable std::mutex m_mutex;
    std::vector<LoggedRequest> m_entries;
    std::int64_t m_next_seq = 1;
};

}  // namespace aliasing::sim
