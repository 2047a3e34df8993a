#pragma once
/// A scripted raw-socket HTTP server on 127.0.0.1 for hostile-server tests and the client fuzz target: it reads
/// each request (head and Content-Length body) and answers with whatever bytes the script returns, however broken:
/// truncated bodies, lying Content-Length, bad chunk sizes, redirects, endless bodies, silence.

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace aliasing::testing {

/// What to do with one request.
struct RawReply {
    std::string bytes;                         ///< written as they are (status line, headers, any body)
    std::size_t filler_bytes = 0;              ///< then this many bytes of `x`, stopping when the client closes
    std::chrono::milliseconds silence{0};      ///< then keep the connection open without writing for this long
    bool keep_open = false;                    ///< then read the next request on the same connection
};

/// The script: the 0-based number of the request (over all connections) and its raw head+body → the reply.
using RawScript = std::function<RawReply(int request_number, const std::string& request)>;

/// `HTTP/1.1 {status}` with Content-Type JSON, `X-Elastic-Product: Elasticsearch`, a correct Content-Length and
/// `Connection: close` (or keep-alive), then `body`.
std::string http_reply(int status, const std::string& body, bool keep_alive = false);

/// Serves one connection at a time on one thread, as a single Elasticsearch node would look to one Transport
/// (which uses one connection at a time); further connections wait in the listen backlog.
class RawServer {
public:
    explicit RawServer(RawScript script);
    ~RawServer();
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;

    std::uint16_t port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void set_script(RawScript script);

    /// Requests received so far, raw, in order.
    std::vector<std::string> requests() const;
    /// TCP connections accepted so far, and those the client has not closed yet.
    int connections_accepted() const { return m_accepted.load(); }
    int connections_open() const { return m_open.load(); }
    /// Waits up to `limit` for every client connection to be closed; true when none is left open.
    bool wait_until_all_closed(std::chrono::milliseconds limit = std::chrono::seconds(5)) const;

private:
    void serve_loop();
    void serve(int fd);
    RawReply reply_for(const std::string& request);

    int m_listen_fd = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_accepted{0};
    std::atomic<int> m_open{0};
    mutable std::mutex m_mutex;
    RawScript m_script;
    std::vector<std::string> m_requests;
    std::thread m_thread;
};

}  // namespace aliasing::testing
