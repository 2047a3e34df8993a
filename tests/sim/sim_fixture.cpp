#include "sim_fixture.hpp"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <cctype>
#include <sstream>

namespace aliasing::sim::test {

std::string HttpResult::header(const std::string& name) const
{
    const auto lower = [](std::string text) {
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char ch) { return std::tolower(ch); });
        return text;
    };
    for (const auto& [key, value] : headers) {
        if (lower(key) == lower(name)) {
            return value;
        }
    }
    return "";
}

Json J(std::string_view text)
{
    std::string error;
    auto parsed = Json::parse(text, &error);
    if (!parsed) {
        ADD_FAILURE() << "test JSON literal does not parse: " << error << " in " << text;
        return Json();
    }
    return *parsed;
}

void SimTest::SetUp()
{
    m_server = std::make_unique<Server>(options());
    const std::uint16_t port = m_server->start();
    m_session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", port);
    m_session->setKeepAlive(true);
    m_session->setTimeout(Poco::Timespan(60, 0));
}

void SimTest::TearDown()
{
    m_session.reset();
    m_server.reset();
}

HttpResult SimTest::request(const std::string& method, const std::string& target, const std::string& body,
                            const std::string& content_type,
                            const std::vector<std::pair<std::string, std::string>>& headers)
{
    Poco::Net::HTTPRequest http_request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    http_request.setKeepAlive(true);
    for (const auto& [name, value] : headers) {
        http_request.set(name, value);
    }
    if (!body.empty()) {
        http_request.setContentType(content_type);
        http_request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    std::ostream& out = m_session->sendRequest(http_request);
    out << body;
    Poco::Net::HTTPResponse http_response;
    std::istream& in = m_session->receiveResponse(http_response);
    HttpResult result;
    result.status = static_cast<int>(http_response.getStatus());
    for (const auto& [name, value] : http_response) {
        result.headers.emplace_back(name, value);
    }
    std::ostringstream text;
    Poco::StreamCopier::copyStream(in, text);
    result.body = text.str();
    if (auto parsed = Json::parse(result.body)) {
        result.json = *parsed;
    }
    return result;
}

void SimTest::create_index(const std::string& name, int shards, int replicas, long long store_bytes, long long docs,
                           int segments_per_shard, const std::string& aliases)
{
    const std::string body = R"({"settings":{"number_of_shards":)" + std::to_string(shards) +
                             R"(,"number_of_replicas":)" + std::to_string(replicas) +
                             R"(,"index.sim.store_bytes":)" + std::to_string(store_bytes) +
                             R"(,"index.sim.docs":)" + std::to_string(docs) +
                             R"(,"index.sim.segments_per_shard":)" + std::to_string(segments_per_shard) +
                             R"(},"aliases":)" + aliases + "}";
    const HttpResult result = put("/" + name, body);
    ASSERT_EQ(result.status, 200) << result.body;
}

void expect_prompt_stop_with_request_in_flight(Server& server, std::uint16_t port, const std::string& path)
{
    std::thread waiter([port, path] {
        Poco::Net::HTTPClientSession session("127.0.0.1", port);
        Poco::Net::HTTPRequest request("GET", path);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        try {
            session.receiveResponse(response).ignore(1 << 20);
        } catch (const Poco::Exception&) {
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto start = std::chrono::steady_clock::now();
    server.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    waiter.join();
}

}  // namespace aliasing::sim::test
