#pragma once
/// What a request needs from the cluster's security, so that an authorization failure (403) names the
/// privilege to grant instead of leaving the operator to guess. README "Privileges" lists them per command.

#include "aliasing/cluster/http_exchange.hpp"

#include <string>
#include <string_view>

namespace aliasing::cluster {

/// "the index privilege [monitor] on [customer-2_0_0-*]" for `GET /_cat/indices/customer-2_0_0-*?...`: the
/// Elasticsearch privilege (OpenSearch: the same action, named in the cluster's own error reason) a request
/// of this tool needs. `path_and_query` is the request target as sent (percent-encoded).
std::string required_privilege(Method method, std::string_view path_and_query);

}  // namespace aliasing::cluster
