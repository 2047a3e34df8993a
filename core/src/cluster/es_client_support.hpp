#pragma once
// Private to the EsClient sources: how their responses are read and judged.

#include "aliasing/cluster/es_client.hpp"

#include <Poco/JSON/Object.h>

#include <string>
#include <string_view>

namespace aliasing::cluster {

/// The body as a JSON object; throws Poco::Exception when it is not one.
Poco::JSON::Object::Ptr parse_object(const std::string& body);
/// Whether the error body's type is `type`.
bool has_error_type(const HttpResponse& response, std::string_view type);
inline bool is_success(const HttpResponse& response) { return response.status >= 200 && response.status < 300; }
/// A 2xx answer whose body is not what the call expects.
Error unexpected_body(Method method, const std::string& path, const std::string& what);
/// green 0, yellow 1, anything else 2: the worst of several is the highest.
int status_rank(const std::string& status);
/// Why `index` may not be addressed alone (a wildcard, a list, _all, a leading '-'); empty when it may.
std::string single_index_refusal(std::string_view index);
/// "1 of 4 shards failed: [idx][0] illegal_state_exception: reason" for a broadcast response's _shards with
/// failed > 0 (the failures array appears only then); empty when no shard failed.
std::string shard_failures(const Poco::JSON::Object::Ptr& shards);

}  // namespace aliasing::cluster
