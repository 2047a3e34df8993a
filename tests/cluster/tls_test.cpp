// HTTPS: verification on by default, --ca-file, --insecure, and failures as Unreachable (exit 5).
#include "aliasing/cluster/es_client.hpp"
#include "aliasing/cluster/tls_context.hpp"
#include "aliasing/cluster/transport.hpp"
#include "recording_server.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <cstdlib>
#include <thread>
#include <filesystem>
#include <vector>

namespace aliasing::cluster {
namespace {

using testing::FakeClock;
using testing::RecordingServer;

TEST(TlsContext, VerifyModeVerifiesPeer) {
    ConnectionOptions options;
    auto context = make_tls_context(options);
    ASSERT_TRUE(context.ok()) << context.error().message;
    EXPECT_NE((*context)->verificationMode(), Poco::Net::Context::VERIFY_NONE);
}

TEST(TlsContext, InsecureDisablesVerification) {
    ConnectionOptions options;
    options.tls = TlsVerification::Insecure;
    auto context = make_tls_context(options);
    ASSERT_TRUE(context.ok()) << context.error().message;
    EXPECT_EQ((*context)->verificationMode(), Poco::Net::Context::VERIFY_NONE);
}

TEST(TlsContext, UnreadableCaFileIsUsageErrorNamingPath) {
    ConnectionOptions options;
    options.ca_file = "/nonexistent/aliasing/ca.pem";
    auto context = make_tls_context(options);
    ASSERT_FALSE(context.ok());
    EXPECT_EQ(context.error().kind, ErrorKind::Usage);
    EXPECT_NE(context.error().message.find("/nonexistent/aliasing/ca.pem"), std::string::npos);
}

TEST(TlsTransport, UnreachableHttpsPortIsUnreachable) {
    auto options = testing::test_options({testing::loopback_url(testing::closed_loopback_port(), "https")});
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::Unreachable);
    EXPECT_NE(response.error().message.find("cannot reach the cluster"), std::string::npos) << response.error().message;
}

/// A plain-HTTP peer that answers every connection at once with a 400 and closes, whatever it receives (a real
/// HTTP server may instead wait for more of a TLS ClientHello, depending on its random bytes).
class PlainHttpPeer {
public:
    PlainHttpPeer() : m_socket(Poco::Net::SocketAddress("127.0.0.1", 0)), m_thread([this] { serve(); }) {}
    ~PlainHttpPeer() {
        m_stop = true;
        m_socket.close();
        m_thread.join();
    }
    std::uint16_t port() const { return m_socket.address().port(); }

private:
    void serve() {
        while (!m_stop) {
            try {
                if (!m_socket.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ)) continue;
                Poco::Net::StreamSocket peer = m_socket.acceptConnection();
                const std::string reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                peer.sendBytes(reply.data(), static_cast<int>(reply.size()));
                peer.shutdown();
                peer.close();
            } catch (const Poco::Exception&) {
                if (m_stop) return;
            }
        }
    }

    Poco::Net::ServerSocket m_socket;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

TEST(TlsTransport, HttpsAgainstPlainHttpServerIsUnreachable) {
    PlainHttpPeer plain;
    auto options = testing::test_options({testing::loopback_url(plain.port(), "https")});
    options.retry.max_attempts = 2;
    auto transport = Transport::create(options, FakeClock{}.hooks());
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::Unreachable) << response.error().message;
}

/// A peer that accepts connections and never says a word: a plain-HTTP server waiting for the rest of what it
/// takes for a request line, while the client waits for the TLS ServerHello.
class SilentPeer {
public:
    SilentPeer() : m_socket(Poco::Net::SocketAddress("127.0.0.1", 0)), m_thread([this] { serve(); }) {}
    ~SilentPeer() {
        m_stop = true;
        m_socket.close();
        m_thread.join();
    }
    std::uint16_t port() const { return m_socket.address().port(); }

private:
    void serve() {
        std::vector<Poco::Net::StreamSocket> held;
        while (!m_stop) {
            try {
                if (!m_socket.poll(Poco::Timespan(0, 50000), Poco::Net::Socket::SELECT_READ)) continue;
                held.push_back(m_socket.acceptConnection());
            } catch (const Poco::Exception&) {
                if (m_stop) return;
            }
        }
    }

    Poco::Net::ServerSocket m_socket;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

TEST(TlsTransport, SilentPeerEndsTheHandshakeWithinItsTimeoutSayingThePortMayBePlainHttp) {
    SilentPeer silent;
    auto options = testing::test_options({testing::loopback_url(silent.port(), "https")});
    options.read_timeout = std::chrono::minutes(10);  // a long request timeout must not stretch the handshake
    options.tls_handshake_timeout = std::chrono::milliseconds(300);
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    const auto start = std::chrono::steady_clock::now();
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    const auto took = std::chrono::steady_clock::now() - start;
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::Unreachable) << response.error().message;
    EXPECT_LT(took, std::chrono::seconds(5));
    EXPECT_NE(response.error().message.find("TLS handshake"), std::string::npos) << response.error().message;
    EXPECT_NE(response.error().message.find("plain HTTP"), std::string::npos) << response.error().message;
}

TEST(TlsTransport, PlainHttpAnswerToTheHandshakeSaysThePortMayBePlainHttp) {
    PlainHttpPeer plain;
    auto options = testing::test_options({testing::loopback_url(plain.port(), "https")});
    auto transport = Transport::create(options, FakeClock{}.hooks());
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_FALSE(response.ok());
    EXPECT_NE(response.error().message.find("plain HTTP"), std::string::npos) << response.error().message;
}

#ifdef ALIASING_OPENSSL
/// A throwaway self-signed certificate for 127.0.0.1, made once per test run.
class SelfSignedTls : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                          ("aliasing_tls_" + std::to_string(::getpid())));
        std::filesystem::create_directories(*s_dir);
        const std::string command = std::string(ALIASING_OPENSSL) +
                                    " req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                                    " -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1"
                                    " -keyout '" + (*s_dir / "key.pem").string() + "' -out '" +
                                    (*s_dir / "cert.pem").string() + "' >/dev/null 2>&1";
        s_ok = std::system(command.c_str()) == 0;
    }
    static void TearDownTestSuite() {
        std::error_code ec;
        std::filesystem::remove_all(*s_dir, ec);
        delete s_dir;
    }
    void SetUp() override {
        if (!s_ok) GTEST_SKIP() << "openssl could not make a certificate";
        Poco::Net::Context::Params params;
        params.privateKeyFile = (*s_dir / "key.pem").string();
        params.certificateFile = (*s_dir / "cert.pem").string();
        params.verificationMode = Poco::Net::Context::VERIFY_NONE;
        m_server = std::make_unique<RecordingServer>(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params));
    }
    std::string cert() const { return (*s_dir / "cert.pem").string(); }

    static inline std::filesystem::path* s_dir = nullptr;
    static inline bool s_ok = false;
    std::unique_ptr<RecordingServer> m_server;
};

TEST_F(SelfSignedTls, VerifiedWithCaFile) {
    auto options = testing::test_options({m_server->url()});
    options.ca_file = cert();
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    EsClient client(std::move(*transport));
    auto info = client.info();
    ASSERT_TRUE(info.ok()) << info.error().message;
    EXPECT_EQ(info->version, "8.13.4");
}

TEST_F(SelfSignedTls, UnknownCaRejectedAsUnreachableWithoutRetry) {
    auto transport = Transport::create(testing::test_options({m_server->url()}), FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok()) << transport.error().message;
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::Unreachable);
    EXPECT_NE(response.error().message.find("TLS verification failed"), std::string::npos) << response.error().message;
    EXPECT_EQ(transport->requests_sent(), 1u);
    EXPECT_TRUE(m_server->requests().empty());
}

TEST_F(SelfSignedTls, KeepAliveReusesOneTlsConnection) {
    auto options = testing::test_options({m_server->url()});
    options.ca_file = cert();
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok());
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(transport->request(Method::Get, "/", {}, Replay::Safe).ok());
    EXPECT_EQ(m_server->total_connections(), 1);
}

TEST_F(SelfSignedTls, InsecureSkipsVerification) {
    auto options = testing::test_options({m_server->url()});
    options.tls = TlsVerification::Insecure;
    auto transport = Transport::create(options, FakeClock{}.hooks());
    ASSERT_TRUE(transport.ok());
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
}

// Whether "localhost" resolves to 127.0.0.1 here (a minimal root may have no /etc/hosts).
bool localhost_is_loopback() {
    addrinfo hints{};
    hints.ai_family = AF_INET;
    addrinfo* found = nullptr;
    if (getaddrinfo("localhost", nullptr, &hints, &found) != 0 || found == nullptr) return false;
    const bool loopback =
        reinterpret_cast<const sockaddr_in*>(found->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK);
    freeaddrinfo(found);
    return loopback;
}

TEST_F(SelfSignedTls, HostNameMismatchRejected) {
    // The certificate is for 127.0.0.1 only; "localhost" must not match it.
    if (!localhost_is_loopback()) GTEST_SKIP() << "\"localhost\" does not resolve to 127.0.0.1 on this machine";
    auto options = testing::test_options({"https://localhost:" + std::to_string(m_server->port())});
    options.ca_file = cert();
    auto transport = Transport::create(options, FakeClock{}.hooks());
    auto response = transport->request(Method::Get, "/", {}, Replay::Safe);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, ErrorKind::Unreachable) << response.error().message;
    EXPECT_NE(response.error().message.find("TLS verification failed"), std::string::npos) << response.error().message;
}
#endif

}  // namespace
}  // namespace aliasing::cluster
