#include "http/http_connection.hpp"

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace aliasing::sim {
namespace {

constexpr std::size_t max_request_line = 4096;  // http.max_initial_line_length
constexpr std::size_t max_header_bytes = 8192;  // http.max_header_size
constexpr std::size_t max_head_read = 1U << 20U;
constexpr std::size_t max_body_bytes = 100U << 20U;
constexpr auto idle_timeout = std::chrono::hours(24);  // Elasticsearch keeps idle connections open
constexpr auto poll_interval = std::chrono::milliseconds(10);

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char ch) { return std::tolower(ch); });
    return out;
}

std::string trim(std::string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    return std::string(text.substr(begin, end - begin));
}

}  // namespace

HttpConnection::HttpConnection(Poco::Net::StreamSocket socket, RequestHandler handler,
                               std::shared_ptr<ConnectionStats> stats)
    : m_socket(std::move(socket)), m_handler(std::move(handler)), m_stats(std::move(stats))
{
}

void HttpConnection::run()
{
    try {
        socket().setNoDelay(true);
        socket().setSendTimeout(Poco::Timespan(30, 0));  // a client that stops reading cannot block stop()
        while (!m_stats->stopping.load()) {
            HttpRequest request;
            if (read_request(request) == ReadResult::closed) {
                break;
            }
            Outcome outcome = m_handler(request);
            if (outcome.delivery == Delivery::drop) {
                socket().shutdown();
                break;
            }
            const std::string* connection = request.header("connection");
            const std::string connection_value = connection != nullptr ? lower(*connection) : std::string();
            const bool wants_keep_alive = request.version == "HTTP/1.0"
                                              ? connection_value.find("keep-alive") != std::string::npos
                                              : connection_value.find("close") == std::string::npos;
            bool keep_alive = wants_keep_alive &&
                              request.defect == RequestDefect::none && !m_stats->stopping.load();
            write_response(request, outcome.response, keep_alive);
            if (!keep_alive) {
                socket().shutdownSend();
                break;
            }
        }
    } catch (const Poco::Exception&) {
        // the client went away; nothing to answer
    } catch (const std::exception&) {
    }
}

bool HttpConnection::fill(std::size_t minimum_more)
{
    const std::size_t target = m_buffer.size() + minimum_more;
    auto idle_since = std::chrono::steady_clock::now();
    char chunk[16384];
    while (m_buffer.size() < target) {
        if (!socket().poll(Poco::Timespan(std::chrono::microseconds(poll_interval).count()),
                           Poco::Net::Socket::SELECT_READ)) {
            if (m_stats->stopping.load() || std::chrono::steady_clock::now() - idle_since > idle_timeout) {
                return false;
            }
            continue;
        }
        const int received = socket().receiveBytes(chunk, static_cast<int>(sizeof chunk));
        if (received <= 0) {
            return false;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(received));
        idle_since = std::chrono::steady_clock::now();
    }
    return true;
}

HttpConnection::ReadResult HttpConnection::read_request(HttpRequest& request)
{
    std::size_t head_end = std::string::npos;
    while (true) {
        while (m_buffer.size() >= 2 && m_buffer[0] == '\r' && m_buffer[1] == '\n') {
            m_buffer.erase(0, 2);
        }
        head_end = m_buffer.find("\r\n\r\n");
        if (head_end != std::string::npos) {
            break;
        }
        if (m_buffer.size() > max_head_read) {
            request.defect = RequestDefect::line_too_long;
            head_end = m_buffer.size();
            break;
        }
        if (!fill(1)) {
            return ReadResult::closed;
        }
    }
    const std::string head = m_buffer.substr(0, head_end);
    m_buffer.erase(0, std::min(m_buffer.size(), head_end + 4));

    const std::size_t line_end = std::min(head.find("\r\n"), head.size());
    const std::string line = head.substr(0, line_end);
    request.line_bytes = line.size();
    const std::size_t first_space = line.find(' ');
    const std::size_t last_space = line.rfind(' ');
    if (first_space == std::string::npos || last_space == first_space) {
        if (request.defect == RequestDefect::none) {
            request.defect = line.size() > max_request_line ? RequestDefect::line_too_long : RequestDefect::malformed;
        }
    } else {
        request.method = line.substr(0, first_space);
        request.target = line.substr(first_space + 1, last_space - first_space - 1);
        request.version = line.substr(last_space + 1);
        if (request.method.empty() || request.target.empty()) {  // " / HTTP/1.1", "GET  HTTP/1.1"
            request.defect = RequestDefect::malformed;
        }
    }
    const std::size_t question = request.target.find('?');
    request.path = request.target.substr(0, question);
    if (question != std::string::npos) {
        request.query = request.target.substr(question + 1);
        request.params = parse_query(request.query);
    }
    if (request.defect == RequestDefect::none && line.size() > max_request_line) {
        request.defect = RequestDefect::line_too_long;
    }
    if (request.defect == RequestDefect::none && head.size() - line_end > max_header_bytes) {
        request.defect = RequestDefect::header_too_long;
    }

    std::size_t pos = line_end + 2;
    while (pos < head.size()) {
        std::size_t end = head.find("\r\n", pos);
        if (end == std::string::npos) {
            end = head.size();
        }
        const std::string header_line = head.substr(pos, end - pos);
        const std::size_t colon = header_line.find(':');
        if (colon != std::string::npos) {
            request.headers.emplace_back(lower(trim(header_line.substr(0, colon))), trim(header_line.substr(colon + 1)));
        }
        pos = end + 2;
    }
    if (request.defect != RequestDefect::none) {
        return ReadResult::request;
    }
    if (const std::string* expect = request.header("expect"); expect != nullptr && lower(*expect) == "100-continue") {
        const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
        socket().sendBytes(go_on.data(), static_cast<int>(go_on.size()));
    }
    if (!read_body(request)) {
        return ReadResult::closed;
    }
    return ReadResult::request;
}

bool HttpConnection::read_body(HttpRequest& request)
{
    const std::string* encoding = request.header("transfer-encoding");
    if (encoding != nullptr && lower(*encoding).find("chunked") != std::string::npos) {
        while (true) {
            std::size_t line_end = m_buffer.find("\r\n");
            while (line_end == std::string::npos) {
                if (!fill(1)) {
                    return false;
                }
                line_end = m_buffer.find("\r\n");
            }
            const std::size_t size = std::stoul(m_buffer.substr(0, line_end), nullptr, 16);
            m_buffer.erase(0, line_end + 2);
            if (m_buffer.size() < size + 2 && !fill(size + 2 - m_buffer.size())) {
                return false;
            }
            if (size == 0) {
                // trailers are not used by any client we talk to; the final CRLF ends the body
                m_buffer.erase(0, 2);
                return true;
            }
            request.body.append(m_buffer, 0, size);
            m_buffer.erase(0, size + 2);
            if (request.body.size() > max_body_bytes) {
                return false;
            }
        }
    }
    const std::string* length_header = request.header("content-length");
    if (length_header == nullptr) {
        return true;
    }
    const std::size_t length = std::stoul(*length_header);
    if (length > max_body_bytes) {
        return false;
    }
    if (m_buffer.size() < length && !fill(length - m_buffer.size())) {
        return false;
    }
    request.body = m_buffer.substr(0, length);
    m_buffer.erase(0, length);
    return true;
}

void HttpConnection::write_response(const HttpRequest& request, const HttpResponse& response, bool keep_alive)
{
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " +
                      std::string(reason_phrase(response.status)) + "\r\n";
    if (!response.content_type.empty()) {
        out += "content-type: " + response.content_type + "\r\n";
    }
    for (const auto& [name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
    }
    out += "content-length: " + std::to_string(response.body.size()) + "\r\n";
    if (!keep_alive) {
        out += "connection: close\r\n";
    }
    out += "\r\n";
    if (request.method != "HEAD") {
        out += response.body;
    }
    std::size_t sent = 0;
    while (sent < out.size()) {
        const int n = socket().sendBytes(out.data() + sent, static_cast<int>(out.size() - sent));
        if (n <= 0) {
            return;
        }
        sent += static_cast<std::size_t>(n);
    }
}

}  // namespace aliasing::sim
