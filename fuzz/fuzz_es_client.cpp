// Every EsClient response parser (info, cat_indices, aliases, update_aliases, settings, forcemerge, tasks, health,
// segments, delete) against a loopback server answering with the fuzzer's bytes. Input: byte 0 picks the call
// (bit 7: the rest is the whole raw HTTP response rather than a JSON body), byte 1 the status, the rest the body.
// Invariants: no exception escapes, only mutating calls report an unknown outcome, and what a call accepts is
// well-formed (a health status is green/yellow/red, segment counts and sizes are not negative, a task id is not
// empty, a version's major number is its leading digits).
#include "fuzz_check.hpp"

#include "aliasing/cluster/es_client.hpp"
#include "raw_server.hpp"

#include <charconv>
#include <memory>
#include <string>

namespace {

using namespace aliasing;
using namespace aliasing::cluster;

constexpr int kStatuses[] = {200, 201, 200, 404, 400, 401, 403, 408, 409, 429, 500, 502, 503, 504, 301, 204};

testing::RawServer& server() {
    static testing::RawServer instance([](int, const std::string&) { return testing::RawReply{}; });
    return instance;
}

EsClient make_client() {
    ConnectionOptions options;
    options.urls = {server().url()};
    options.retry.max_attempts = 1;
    options.read_timeout = std::chrono::milliseconds(2000);
    TransportHooks hooks;
    hooks.sleep = [](std::chrono::milliseconds) {};
    hooks.random = [] { return 0.0; };
    auto transport = Transport::create(options, hooks);
    FUZZ_CHECK(transport.ok());
    return EsClient(std::move(*transport));
}

void check_error(const Error& error) {
    FUZZ_CHECK(!error.message.empty());
    FUZZ_CHECK(error.kind == ErrorKind::Unreachable || error.kind == ErrorKind::StepFailed ||
               error.kind == ErrorKind::AliasMoved);
}

template <class T>
void check_known(const Result<T>& result) {
    if (!result) check_error(result.error());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    if (size < 2) return 0;
    const bool raw = (data[0] & 0x80U) != 0;
    const int call = data[0] & 0x0F;
    const int status = kStatuses[data[1] % std::size(kStatuses)];
    const std::string body(reinterpret_cast<const char*>(data + 2), size - 2);
    const std::string bytes = raw ? body : testing::http_reply(status, body);
    server().set_script([bytes](int, const std::string&) { return testing::RawReply{bytes}; });

    EsClient client = make_client();
    const std::vector<std::string> names = {"fuzz-a-20260101t000000", "fuzz-b-20260101t000000"};
    switch (call) {
        case 0: {
            auto info = client.info();
            check_known(info);
            if (info) {
                FUZZ_CHECK(!info->version.empty());
                int leading = 0;
                const auto& v = info->version;
                const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), leading);
                FUZZ_CHECK(info->major_version == (ec == std::errc() && leading >= 0 ? leading : 0));
                FUZZ_CHECK(info->major_version >= 0);
            }
            break;
        }
        case 1: check_known(client.cat_indices("fuzz-*")); break;
        case 2: check_known(client.get_alias("fuzz")); break;
        case 3: check_known(client.get_index_aliases("fuzz-*")); break;
        case 4: {
            auto updated = client.update_aliases(R"({"actions":[]})");
            check_known(updated);
            if (updated) FUZZ_CHECK(!raw ? status >= 200 && status < 300 : true);
            break;
        }
        case 5: {
            auto set = client.set_replicas(names, 1);
            check_known(set);
            break;
        }
        case 6: {
            auto task = client.start_forcemerge(names[0], 1);
            check_known(task);
            if (task) FUZZ_CHECK(!task->empty());
            break;
        }
        case 7: check_known(client.forcemerge_sync(names[0], 1)); break;
        case 8: {
            auto task = client.get_task("node:1");
            check_known(task);
            if (task) FUZZ_CHECK(task->running_time_nanos >= 0);
            break;
        }
        case 9: {
            auto health = client.wait_for_health(names, "green", std::chrono::seconds(1));
            check_known(health);
            if (health) {
                FUZZ_CHECK(health->status == "green" || health->status == "yellow" || health->status == "red");
            }
            break;
        }
        case 10: {
            auto segments = client.primary_segments(names);
            check_known(segments);
            if (segments) {
                FUZZ_CHECK(segments->size() <= names.size());
                for (const auto& s : *segments) FUZZ_CHECK(s.segment_count >= 0 && s.store_bytes >= 0);
            }
            break;
        }
        default: {
            auto deleted = client.delete_indices(names);
            check_known(deleted);
            if (deleted) FUZZ_CHECK(!raw ? status >= 200 && status < 300 : true);
            break;
        }
    }
    client.close();
    return 0;
}
