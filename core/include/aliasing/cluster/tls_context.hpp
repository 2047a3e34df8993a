#pragma once
/// The client TLS context shared by every https node of a Transport.

#include "aliasing/cluster/connection_options.hpp"
#include "aliasing/common/result.hpp"

#include <Poco/Net/Context.h>

#include <string>

namespace aliasing::cluster {

/// A client context: peer verification against `options.ca_file`, or the system CA store when it is empty;
/// TlsVerification::Insecure disables verification. With `verify_host` (a DNS name or an IP address), OpenSSL
/// itself checks that the certificate names exactly that host during the handshake (Poco's own check also
/// accepts any name resolving to the same address). An unreadable or invalid CA file is a Usage error naming
/// the path.
Result<Poco::Net::Context::Ptr> make_tls_context(const ConnectionOptions& options, const std::string& verify_host = {});

}  // namespace aliasing::cluster
