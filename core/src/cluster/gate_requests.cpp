// The reads (and the one refresh) the content gates need (SPEC §13). Every index list is chunked.
#include "aliasing/cluster/es_client.hpp"

#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/index_path.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace aliasing::cluster {
namespace {

bool is_success(const HttpResponse& response) { return response.status >= 200 && response.status < 300; }

std::uint64_t number_in(const Poco::Dynamic::Var& value) {
    if (value.isEmpty()) return 0;
    if (value.isString()) return std::stoull(value.extract<std::string>());
    return value.convert<std::uint64_t>();
}

}  // namespace

Result<Unit> EsClient::refresh(const std::vector<std::string>& names) {
    for (const auto& chunk : chunks(names, "POST", "/", "/_refresh")) {
        const std::string path = "/" + join_index_names(chunk) + "/_refresh";
        auto sent = send(Method::Post, path, {}, Replay::Safe);
        if (!sent) return sent.error();
        if (!is_success(*sent)) return failure(Method::Post, path, *sent);
    }
    return Unit{};
}

Result<std::vector<std::pair<std::string, std::uint64_t>>> EsClient::primary_docs(const std::vector<std::string>& names) {
    std::vector<std::pair<std::string, std::uint64_t>> counts;
    const std::string suffix = "?format=json&h=index,docs.count";
    for (const auto& chunk : chunks(names, "GET", "/_cat/indices/", suffix)) {
        const std::string path = "/_cat/indices/" + join_index_names(chunk) + suffix;
        auto sent = send(Method::Get, path, {}, Replay::Safe);
        if (!sent) return sent.error();
        if (!is_success(*sent)) return failure(Method::Get, path, *sent);
        try {
            Poco::JSON::Parser parser;
            const auto rows = parser.parse(sent->body).extract<Poco::JSON::Array::Ptr>();
            for (std::size_t i = 0; rows && i < rows->size(); ++i) {
                const auto row = rows->getObject(static_cast<unsigned>(i));
                counts.emplace_back(row->getValue<std::string>("index"), number_in(row->get("docs.count")));
            }
        } catch (const std::exception& error) {
            return make_error(ErrorKind::StepFailed, "GET " + path + ": unexpected body: " + error.what());
        }
    }
    return counts;
}

Result<std::uint64_t> EsClient::count(const std::vector<std::string>& names, const std::string& query_json) {
    std::uint64_t total = 0;
    const std::string body = "{\"query\":" + query_json + "}";
    for (const auto& chunk : chunks(names, "POST", "/", "/_count")) {
        const std::string path = "/" + join_index_names(chunk) + "/_count";
        auto sent = send(Method::Post, path, body, Replay::Safe);
        if (!sent) return sent.error();
        if (!is_success(*sent)) return failure(Method::Post, path, *sent);
        try {
            Poco::JSON::Parser parser;
            const auto root = parser.parse(sent->body).extract<Poco::JSON::Object::Ptr>();
            if (!root->has("count")) throw Poco::DataFormatException("no count");
            total += number_in(root->get("count"));
        } catch (const std::exception& error) {
            return make_error(ErrorKind::StepFailed, "POST " + path + ": unexpected body: " + error.what());
        }
    }
    return total;
}

Result<std::string> EsClient::read(const std::string& path) {
    auto sent = send(Method::Get, path, {}, Replay::Safe);
    if (!sent) return sent.error();
    if (!is_success(*sent)) return failure(Method::Get, path, *sent);
    return std::move(sent->body);
}

}  // namespace aliasing::cluster
