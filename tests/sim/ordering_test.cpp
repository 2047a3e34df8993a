// Cluster-state changes are applied in the order their requests arrived, as Elasticsearch's master applies its
// queue of cluster-state updates: a `delay` fault on one change holds the changes that arrived after it, while reads
// and requests outside the cluster state (documents) go on.
#include "sim_fixture.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <chrono>
#include <future>
#include <thread>

namespace aliasing::sim::test {
namespace {

using namespace std::chrono_literals;

/// Sends one request on a connection of its own (the fixture's session is busy on another thread); answers the status.
int send_alone(std::uint16_t port, const std::string& method, const std::string& target, const std::string& body)
{
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    session.setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response).ignore(1 << 20);
    return static_cast<int>(response.getStatus());
}

class OrderingTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("o-old", 1, 0, 10, 1, 1, R"({"live":{}})");
        create_index("o-new");
        ASSERT_EQ(del("/_sim/requests").status, 200);
    }
    /// Sends `method target` from another thread and waits until the server has logged it (it has arrived).
    std::future<int> send_and_wait_for_arrival(const std::string& method, const std::string& target,
                                               const std::string& body)
    {
        const std::uint16_t port = m_server->port();
        auto answer = std::async(std::launch::async, [=] { return send_alone(port, method, target, body); });
        for (int i = 0; i < 200; ++i) {
            const HttpResult log = get("/_sim/requests");  // held: a reference into a temporary dangles
            const Json& logged = log.json["requests"];
            if (logged.is_array() && !logged.as_array().empty()) {
                break;
            }
            std::this_thread::sleep_for(5ms);
        }
        return answer;
    }
    /// Sends the swap from another thread with a `delay` fault of `delay_ms` on it; answers once it has arrived.
    std::future<int> send_delayed_swap(int delay_ms)
    {
        const HttpResult added = post("/_sim/faults", R"({"method":"POST","path":"/_aliases","nth":1,"action":"delay",)"
                                                      R"("delay_ms":)" + std::to_string(delay_ms) + "}");
        EXPECT_EQ(added.status, 200) << added.body;
        return send_and_wait_for_arrival("POST", "/_aliases", swap);
    }
    const std::string swap = R"({"actions":[{"remove":{"index":"o-old","alias":"live","must_exist":true}},)"
                             R"({"add":{"index":"o-new","alias":"live"}}]})";
};

TEST_F(OrderingTest, ALaterChangeWaitsForADelayedEarlierOne)
{
    auto first = send_delayed_swap(400);
    const HttpResult resent = post("/_aliases", swap);
    EXPECT_EQ(first.get(), 200) << "the delayed swap, which arrived first, must be applied first";
    EXPECT_EQ(resent.status, 404) << "the resend must find the alias already moved (must_exist): " << resent.body;
    EXPECT_EQ(get("/_alias/live").json, J(R"({"o-new":{"aliases":{"live":{}}}})"));
}

TEST_F(OrderingTest, ADelayedChangeHoldsADeleteThatArrivedAfterIt)
{
    auto first = send_delayed_swap(300);
    EXPECT_EQ(del("/o-old").status, 200);
    EXPECT_EQ(first.get(), 200) << "the delete overtook the delayed swap, which then found no [o-old]";
}

TEST_F(OrderingTest, ReadsAreNotHeldByADelayedChange)
{
    auto first = send_delayed_swap(600);
    EXPECT_EQ(get("/_alias/live").json, J(R"({"o-old":{"aliases":{"live":{}}}})"))
        << "the read waited for the delayed change";
    EXPECT_EQ(first.get(), 200);
}

TEST_F(OrderingTest, DocumentWritesAreNotHeldByADelayedChange)
{
    auto first = send_delayed_swap(600);
    EXPECT_EQ(put("/o-new/_doc/1", R"({"holder":"a"})").status, 201);
    EXPECT_EQ(get("/_alias/live").json, J(R"({"o-old":{"aliases":{"live":{}}}})"))
        << "the document write waited for the delayed change";
    EXPECT_EQ(first.get(), 200);
}

TEST_F(OrderingTest, AChangeAnsweredByAFaultDoesNotHoldLaterOnes)
{
    ASSERT_EQ(post("/_sim/faults", R"({"method":"POST","path":"/_aliases","nth":1,"status":503})").status, 200);
    EXPECT_EQ(post("/_aliases", swap).status, 503);
    ASSERT_EQ(post("/_sim/faults", R"({"method":"POST","path":"/_aliases","nth":1,"action":"drop"})").status, 200);
    EXPECT_THROW(post("/_aliases", swap), Poco::Exception);
    m_session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", m_server->port());
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(post("/_aliases", swap).status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s) << "a change answered by a fault still holds the queue";
}

TEST(OrderingStopTest, StopIsPromptWithAChangeWaitingBehindADelayedOne)
{
    Server server(ServerOptions{});
    const std::uint16_t port = server.start();
    ASSERT_EQ(send_alone(port, "PUT", "/o-old", "{}"), 200);
    ASSERT_EQ(send_alone(port, "POST", "/_sim/faults",
                         R"({"method":"PUT","path":"/o-*","nth":1,"action":"delay","delay_ms":60000})"),
              200);
    const auto send_ignoring_errors = [port](const std::string& target) {
        try {
            send_alone(port, "PUT", target, "{}");
        } catch (const Poco::Exception&) {
        }
    };
    std::thread delayed(send_ignoring_errors, "/o-first");
    std::this_thread::sleep_for(100ms);
    std::thread waiting(send_ignoring_errors, "/o-second");
    std::this_thread::sleep_for(100ms);
    const auto start = std::chrono::steady_clock::now();
    server.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
    delayed.join();
    waiting.join();
}

}  // namespace
}  // namespace aliasing::sim::test
