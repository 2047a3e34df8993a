// Error bodies: parse_es_error and the messages built from it never fail, and stay bounded for any body.
#include "fuzz_check.hpp"

#include "aliasing/cluster/es_error.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    using namespace aliasing::cluster;
    const auto text = aliasing::fuzz::as_text(data, size);
    const EsError error = parse_es_error(text);
    // A body that is not an error object is quoted as its first 200 bytes plus "...".
    FUZZ_CHECK(error.type.size() <= size && error.reason.size() <= size + 16);
    HttpResponse response;
    response.status = size == 0 ? 500 : 400 + data[0] % 200;
    response.body = std::string(text);
    const std::string described = describe_status(response);
    FUZZ_CHECK(described.find(std::to_string(response.status)) == 0);
    const std::string path = "/" + std::string(text.substr(0, 8192));
    const std::string shown = path_for_message(path);
    FUZZ_CHECK(shown.size() <= path.size() + 64);
    (void)describe_failure(Method::Post, path, response);
    return 0;
}
