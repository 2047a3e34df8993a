#include "tls_session.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>

#include <algorithm>

namespace aliasing::cluster {

bool is_certificate_rejection(const Poco::Exception& e) {
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&e) != nullptr) return true;
    if (dynamic_cast<const Poco::Net::InvalidCertificateException*>(&e) != nullptr) return true;
    return e.displayText().find("certificate verify failed") != std::string::npos;
}

std::string handshake_message(const std::string& where, const std::string& why) {
    return where + ": TLS handshake failed (" + why +
           "); the port may be serving plain HTTP: if so, use http:// in --es-url/ALIASING_ES_URL";
}

void BoundedTlsSession::connect(const Poco::Net::SocketAddress& address) {
    m_handshake_failure.clear();
    Poco::Net::SecureStreamSocket secure(socket());
    secure.setLazyHandshake(true);  // connect only; the handshake below is the only one, and it is bounded
    HTTPSClientSession::connect(address);
    const Poco::Timespan receive = secure.getReceiveTimeout();
    const Poco::Timespan send = secure.getSendTimeout();
    // A stalled handshake read waits out the socket timeout, then Poco polls once more for as long.
    const auto half = std::max(m_handshake_timeout / 2, std::chrono::milliseconds(1));
    secure.setReceiveTimeout(to_timespan(half));
    secure.setSendTimeout(to_timespan(half));
    try {
        secure.completeHandshake();
    } catch (const Poco::TimeoutException&) {
        m_handshake_failure = "no TLS answer within " + std::to_string(m_handshake_timeout.count()) + " ms";
        throw;
    } catch (const Poco::Net::SSLException& e) {
        m_handshake_failure = e.displayText();
        throw;
    } catch (const Poco::Net::ConnectionResetException& e) {
        m_handshake_failure = e.displayText();
        throw;
    }
    secure.setReceiveTimeout(receive);
    secure.setSendTimeout(send);
}

}  // namespace aliasing::cluster
