// Secrets (password, API key, the Authorization header) never appear in any error message (SPEC §3).
#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/cluster/es_client.hpp"
#include "recording_server.hpp"
#include "test_support.hpp"
#ifdef ALIASING_HAVE_SIM
#include "sim_fixture.hpp"
#endif

#include <gtest/gtest.h>

#include <Poco/Base64Encoder.h>

#include <sstream>

namespace aliasing::cluster {
namespace {

const std::string kPassword = "Pa55-w0rd-never-shown";
const std::string kApiKey = "QXBpS2V5LW5ldmVyLXNob3du";

std::string base64(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

void expect_no_secret(const std::vector<std::string>& messages) {
    ASSERT_FALSE(messages.empty());
    const std::vector<std::string> secrets{kPassword, kApiKey, base64("elastic:" + kPassword), "ApiKey " + kApiKey};
    for (const auto& message : messages) {
        EXPECT_FALSE(message.empty());
        for (const auto& secret : secrets) EXPECT_EQ(message.find(secret), std::string::npos) << message;
    }
}

template <class R>
void collect(std::vector<std::string>& messages, const R& result) {
    EXPECT_FALSE(result.ok());
    if (!result.ok()) messages.push_back(result.error().message);
}

void add_credentials(ConnectionOptions& options, bool api_key) {
    if (api_key) {
        options.api_key = kApiKey;
    } else {
        options.username = "elastic";
        options.password = kPassword;
    }
}

TEST(Secrets, NeverInConfigurationErrors) {
    std::vector<std::string> messages;
    const auto env = [](std::string_view name) -> std::optional<std::string> {
        if (name == "ALIASING_ES_PASSWORD") return kPassword;
        if (name == "ALIASING_ES_API_KEY") return kApiKey;
        if (name == "ALIASING_ES_USERNAME") return std::string("elastic");
        return std::nullopt;
    };
    collect(messages, connection_options_from({"http://elastic:" + kPassword + "@127.0.0.1:9200"}, "",
                                              TlsVerification::Verify, [](std::string_view) { return std::nullopt; }));
    collect(messages, connection_options_from({"http://127.0.0.1:9200"}, "", TlsVerification::Verify, env));
    expect_no_secret(messages);
}

TEST(Secrets, NeverInConnectionOrAuthenticationErrors) {
    std::vector<std::string> messages;
    for (const bool api_key : {false, true}) {
        auto dead = testing::test_options({testing::loopback_url(testing::closed_loopback_port())});
        add_credentials(dead, api_key);
        EsClient unreachable(Transport::create(dead, testing::FakeClock{}.hooks()).value());
        collect(messages, unreachable.info());

        testing::RecordingServer server;
        server.set_reply({401, R"({"error":{"type":"security_exception","reason":"missing authentication credentials"},"status":401})", true});
        auto options = testing::test_options({server.url()});
        add_credentials(options, api_key);
        EsClient refused(Transport::create(options, testing::FakeClock{}.hooks()).value());
        collect(messages, refused.info());
        collect(messages, refused.cat_indices("*"));
        server.set_reply({200, "{}", false});
        collect(messages, refused.info());
        EXPECT_FALSE(server.requests().at(0).authorization.empty());  // the secret did go on the wire
    }
    expect_no_secret(messages);
}

#ifdef ALIASING_HAVE_SIM
using SecretsSimTest = testing::SimTest;

TEST_F(SecretsSimTest, NeverInFailureMessages) {
    std::vector<std::string> messages;
    create_index("gen-1");
    for (const bool api_key : {false, true}) {
        auto es = client([&](ConnectionOptions& options) {
            add_credentials(options, api_key);
            options.read_timeout = std::chrono::milliseconds{300};
        });
        add_fault(R"({"method":"POST","path":"/_aliases","action":"drop","when":"after","count":1})");
        collect(messages, es.update_aliases(R"({"actions":[{"add":{"index":"gen-1","alias":"live"}}]})"));
        add_fault(R"({"method":"GET","path":"/_cat/indices*","action":"respond","status":503,"count":10})");
        collect(messages, es.cat_indices("*"));
        add_fault(R"({"method":"DELETE","path":"/*","action":"delay","delay_ms":1000,"count":1})");
        collect(messages, es.delete_indices({"gen-1"}));
        collect(messages, es.delete_indices({"gen-*"}));
        collect(messages, es.update_aliases(R"({"actions":[{"remove":{"index":"gen-1","alias":"x","must_exist":true}}]})"));
        collect(messages, es.get_task("nonode:1"));
        control(Method::Delete, "/_sim/faults");
    }
    expect_no_secret(messages);
}
#endif

}  // namespace
}  // namespace aliasing::cluster
