#include "sigv4_request.hpp"

#include <ctime>

namespace aliasing::cluster {

void sign_request(Poco::Net::HTTPRequest& request, const NodeUrl& url, std::string_view body,
                  const SigV4Config& config) {
    const bool default_port = (url.scheme == Scheme::Https && url.port == 443) ||
                              (url.scheme == Scheme::Http && url.port == 80);
    const std::string host = url.host.find(':') != std::string::npos ? "[" + url.host + "]" : url.host;
    const std::string host_value = default_port ? host : host + ":" + std::to_string(url.port);
    request.set("Host", host_value);

    SigV4Request signing;
    signing.method = request.getMethod();
    const std::string& target = request.getURI();
    const auto question = target.find('?');
    signing.path = target.substr(0, question);
    signing.query = question == std::string::npos ? std::string() : target.substr(question + 1);
    signing.headers.emplace_back("host", host_value);
    if (request.has("Content-Type")) signing.headers.emplace_back("content-type", request.getContentType());
    signing.body = std::string(body);
    for (const auto& [name, value] : sigv4_sign(signing, config, std::time(nullptr)).headers) request.set(name, value);
}

}  // namespace aliasing::cluster
