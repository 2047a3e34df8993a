#include "raw_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <stdexcept>

namespace aliasing::testing {
namespace {

/// Waits until `fd` is readable or `ms` passed; false on timeout.
bool readable(int fd, int ms) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

/// Reads one request (head, then a Content-Length body) from `fd` into `request`, keeping what follows in
/// `buffer`. False when the client closed (or the server stops) first.
bool read_request(int fd, std::string& buffer, std::string& request, const std::atomic<bool>& stopping) {
    char chunk[16384];
    std::size_t head_end = std::string::npos;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (stopping.load()) return false;
        if (!readable(fd, 50)) continue;
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    std::size_t body_size = 0;
    std::string head = buffer.substr(0, head_end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto at = head.find("content-length:"); at != std::string::npos) {
        body_size = std::strtoull(head.c_str() + at + 15, nullptr, 10);
    }
    const std::size_t total = head_end + 4 + body_size;
    while (buffer.size() < total) {
        if (stopping.load()) return false;
        if (!readable(fd, 50)) continue;
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    request = buffer.substr(0, total);
    buffer.erase(0, total);
    return true;
}

}  // namespace

std::string http_reply(int status, const std::string& body, bool keep_alive) {
    return "HTTP/1.1 " + std::to_string(status) + " Scripted\r\nContent-Type: application/json\r\n"
           "X-Elastic-Product: Elasticsearch\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: " + (keep_alive ? "keep-alive" : "close") + "\r\n\r\n" + body;
}

RawServer::RawServer(RawScript script) : m_script(std::move(script)) {
    m_listen_fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listen_fd < 0) throw std::runtime_error("socket() failed");
    const int one = 1;
    ::setsockopt(m_listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(m_listen_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(m_listen_fd, 64) != 0) {
        ::close(m_listen_fd);
        throw std::runtime_error("bind/listen on 127.0.0.1 failed");
    }
    socklen_t length = sizeof address;
    ::getsockname(m_listen_fd, reinterpret_cast<sockaddr*>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { serve_loop(); });
}

RawServer::~RawServer() {
    m_stopping.store(true);
    m_thread.join();
    ::close(m_listen_fd);
}

void RawServer::set_script(RawScript script) {
    std::lock_guard lock(m_mutex);
    m_script = std::move(script);
}

std::vector<std::string> RawServer::requests() const {
    std::lock_guard lock(m_mutex);
    return m_requests;
}

bool RawServer::wait_until_all_closed(std::chrono::milliseconds limit) const {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (m_open.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return m_open.load() == 0;
}

void RawServer::serve_loop() {
    while (!m_stopping.load()) {
        if (!readable(m_listen_fd, 20)) continue;
        const int fd = ::accept(m_listen_fd, nullptr, nullptr);
        if (fd < 0) continue;
        ++m_accepted;
        ++m_open;
        serve(fd);
    }
}

RawReply RawServer::reply_for(const std::string& request) {
    std::lock_guard lock(m_mutex);
    const int number = static_cast<int>(m_requests.size());
    m_requests.push_back(request);
    return m_script(number, request);
}

void RawServer::serve(int fd) {
    std::string buffer;
    std::string request;
    while (read_request(fd, buffer, request, m_stopping)) {
        const RawReply reply = reply_for(request);
        bool alive = write_all(fd, reply.bytes.data(), reply.bytes.size());
        const std::string filler(reply.filler_bytes > 0 ? 64 * 1024 : 0, 'x');
        for (std::size_t left = reply.filler_bytes; alive && left > 0 && !m_stopping.load();) {
            const std::size_t n = std::min(left, filler.size());
            alive = write_all(fd, filler.data(), n);
            left -= n;
        }
        // Silence: hold the connection without writing until the time passes or the client hangs up.
        const auto until = std::chrono::steady_clock::now() + reply.silence;
        while (alive && std::chrono::steady_clock::now() < until && !m_stopping.load()) {
            if (readable(fd, 10)) {
                char probe[4096];
                if (::recv(fd, probe, sizeof probe, MSG_PEEK) <= 0) alive = false;
                else if (!reply.keep_open) (void)::recv(fd, probe, sizeof probe, 0);
                else break;
            }
        }
        if (!alive || !reply.keep_open) break;
    }
    // Tell the client we are done, then wait for it to close its side so connections_open() counts its sockets.
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    while (!m_stopping.load()) {
        if (!readable(fd, 20)) continue;
        if (::recv(fd, sink, sizeof sink, 0) <= 0) break;
    }
    ::close(fd);
    --m_open;
}

}  // namespace aliasing::testing
