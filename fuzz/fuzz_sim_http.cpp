// The simulator's HTTP request reader (sim/src/http/http_connection.cpp) over a real loopback connection fed with
// the fuzzer's bytes: it never crashes or hangs, and every request it hands on is well formed.
#include "fuzz_check.hpp"

#include "http/http_connection.hpp"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <memory>
#include <string>
#include <thread>

namespace {

using namespace aliasing::sim;

Poco::Net::ServerSocket& listener() {
    static Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    Poco::Net::StreamSocket client(listener().address());
    Poco::Net::StreamSocket accepted = listener().acceptConnection();

    std::thread peer([&client, &input] {
        try {
            client.sendBytes(input.data(), static_cast<int>(input.size()));
            client.shutdownSend();
            char sink[16384];
            while (client.receiveBytes(sink, static_cast<int>(sizeof sink)) > 0) {
            }
        } catch (const Poco::Exception&) {
        }
    });

    std::size_t body_bytes = 0;
    RequestHandler handler = [&](const HttpRequest& request) {
        if (request.defect == RequestDefect::none) {
            FUZZ_CHECK(!request.method.empty());
            FUZZ_CHECK(request.target.compare(0, request.path.size(), request.path) == 0);
            FUZZ_CHECK(request.line_bytes <= size);
        }
        for (const auto& [name, value] : request.headers) {
            for (char c : name) FUZZ_CHECK(!(c >= 'A' && c <= 'Z'));
        }
        body_bytes += request.body.size();
        FUZZ_CHECK(body_bytes <= size);
        Outcome outcome;
        outcome.response.status = request.defect == RequestDefect::none ? 200 : 400;
        outcome.response.content_type = "application/json";
        outcome.response.body = "{}";
        return outcome;
    };
    auto stats = std::make_shared<ConnectionStats>();
    HttpConnection(accepted, handler, stats).run();
    accepted.close();  // the connection holds a copy of the same socket: close it so the peer sees EOF
    peer.join();
    return 0;
}
