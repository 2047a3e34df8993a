#pragma once
// Private to the transport: the HTTPS session with a bounded TLS handshake, and how TLS failures are told apart.

#include <Poco/Exception.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Timespan.h>

#include <chrono>
#include <string>

namespace aliasing::cluster {

inline Poco::Timespan to_timespan(std::chrono::milliseconds duration) {
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(duration.count()) * 1000);
}

/// A rejected server certificate (as opposed to a peer that does not speak TLS).
bool is_certificate_rejection(const Poco::Exception& e);

/// The error text of a failed handshake, with the plain-HTTP hint.
std::string handshake_message(const std::string& where, const std::string& why);

/// An HTTPS session whose every (re)connection completes the TLS handshake within its own timeout: left to Poco,
/// the handshake happens lazily on the first write and waits as long as the peer stays silent — forever when the
/// port serves plain HTTP and its server waits for the rest of a request line.
class BoundedTlsSession : public Poco::Net::HTTPSClientSession {
public:
    BoundedTlsSession(const std::string& host, Poco::UInt16 port, Poco::Net::Context::Ptr context,
                      std::chrono::milliseconds handshake_timeout)
        : HTTPSClientSession(host, port, std::move(context)), m_handshake_timeout(handshake_timeout) {}

    /// Why the last connection's handshake failed; empty when it did not.
    const std::string& handshake_failure() const { return m_handshake_failure; }
    void clear_handshake_failure() { m_handshake_failure.clear(); }

protected:
    void connect(const Poco::Net::SocketAddress& address) override;

private:
    std::chrono::milliseconds m_handshake_timeout;
    std::string m_handshake_failure;
};

}  // namespace aliasing::cluster
