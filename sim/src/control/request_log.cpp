#include "control/request_log.hpp"

namespace aliasing::sim {

std::int64_t RequestLog::append(LoggedRequest entry)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    entry.seq = m_next_seq++;
    m_entries.push_back(std::move(entry));
    return m_entries.back().seq;
}

void RequestLog::set_status(std::int64_t seq, int status)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    for (auto it = m_entries.rbegin(); it != m_entries.rend(); ++it) {
        if (it->seq == seq) {
            it->status = status;
            return;
        }
    }
}

Json RequestLog::to_json() const
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    Json requests = Json::array();
    for (const auto& entry : m_entries) {
        Json item = Json::object();
        item["seq"] = entry.seq;
        item["method"] = entry.method;
        item["path"] = entry.path;
        item["query"] = entry.query;
        item["status"] = entry.status;
        item["line_bytes"] = entry.line_bytes;
        if (!entry.body.empty()) {
            item["body"] = entry.body;
        }
        requests.push_back(std::move(item));
    }
    Json body = Json::object();
    body["count"] = m_entries.size();
    body["requests"] = std::move(requests);
    return body;
}

void RequestLog::clear()
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    m_entries.clear();
}

}  // namespace aliasing::sim
