#include "sim_process.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <istream>
#include <stdexcept>

namespace aliasing::testing {

HttpReply http(const std::string& base_url, const std::string& method, const std::string& path,
               const std::string& body) {
    const Poco::URI uri(base_url);
    Poco::Net::HTTPClientSession session(uri.getHost(), uri.getPort());
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!body.empty()) {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpReply reply;
    reply.status = static_cast<int>(response.getStatus());
    Poco::StreamCopier::copyToString(in, reply.body);
    return reply;
}

SimProcess::SimProcess(const std::string& program, std::vector<std::string> args) {
    args.insert(args.end(), {"--port", "0", "--quiet"});
    Poco::Pipe out;
    m_handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(program, args, nullptr, &out, nullptr));
    Poco::PipeInputStream stream(out);
    std::getline(stream, m_url);
    if (m_url.rfind("http://127.0.0.1:", 0) != 0) throw std::runtime_error("aliasing-sim did not start: " + m_url);
}

SimProcess::~SimProcess() {
    try {
        Poco::Process::requestTermination(m_handle->id());
        m_handle->wait();
    } catch (...) {
    }
}

}  // namespace aliasing::testing
