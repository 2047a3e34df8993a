#pragma once
// A real aliasing-sim process for end-to-end tests, and a minimal HTTP helper to drive it.

#include <Poco/Process.h>

#include <memory>
#include <string>
#include <vector>

namespace aliasing::testing {

struct HttpReply {
    int status = 0;
    std::string body;
};

/// One request to `base_url` (http://127.0.0.1:PORT) with a JSON body; a fresh connection each time.
HttpReply http(const std::string& base_url, const std::string& method, const std::string& path,
               const std::string& body = "");

class SimProcess {
public:
    /// Starts `program` with `args` plus `--port 0 --quiet` and waits for the URL on its first line.
    SimProcess(const std::string& program, std::vector<std::string> args);
    ~SimProcess();
    SimProcess(const SimProcess&) = delete;
    SimProcess& operator=(const SimProcess&) = delete;

    const std::string& url() const { return m_url; }

private:
    std::unique_ptr<Poco::ProcessHandle> m_handle;
    std::string m_url;
};

}  // namespace aliasing::testing
