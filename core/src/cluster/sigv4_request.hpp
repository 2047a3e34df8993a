#pragma once
// The Transport's request hook for SigV4: signs a Poco request just before it is sent.

#include "aliasing/cluster/node_url.hpp"
#include "aliasing/cluster/sigv4.hpp"

#include <Poco/Net/HTTPRequest.h>

#include <string_view>

namespace aliasing::cluster {

/// Sets Host explicitly (so the signed value is the sent one) and adds the SigV4 headers for the current time.
void sign_request(Poco::Net::HTTPRequest& request, const NodeUrl& url, std::string_view body,
                  const SigV4Config& config);

}  // namespace aliasing::cluster
