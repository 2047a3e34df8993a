#include "process.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <signal.h>

#include <thread>

namespace aliasing::testing {

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env, const std::string& working_dir) {
    Poco::Pipe out_pipe;
    Poco::Pipe err_pipe;
    Poco::Process::Env environment(env.begin(), env.end());
    Poco::ProcessHandle handle = Poco::Process::launch(program, args, working_dir, nullptr, &out_pipe, &err_pipe,
                                                       environment);
    ProcessResult result;
    Poco::PipeInputStream out_stream(out_pipe);
    Poco::PipeInputStream err_stream(err_pipe);
    std::thread err_reader([&] { Poco::StreamCopier::copyToString(err_stream, result.err); });
    Poco::StreamCopier::copyToString(out_stream, result.out);
    err_reader.join();
    result.exit_code = handle.wait();
    return result;
}

struct BackgroundProcess::State {
    Poco::Pipe out_pipe;
    Poco::Pipe err_pipe;
    std::unique_ptr<Poco::ProcessHandle> handle;
    ProcessResult result;
    std::thread out_reader, err_reader;
    bool waited = false;
};

BackgroundProcess::BackgroundProcess(const std::string& program, const std::vector<std::string>& args)
    : m_state(std::make_unique<State>()) {
    State& state = *m_state;
    state.handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(program, args, "", nullptr, &state.out_pipe, &state.err_pipe, Poco::Process::Env()));
    state.out_reader = std::thread([&state] {
        Poco::PipeInputStream stream(state.out_pipe);
        Poco::StreamCopier::copyToString(stream, state.result.out);
    });
    state.err_reader = std::thread([&state] {
        Poco::PipeInputStream stream(state.err_pipe);
        Poco::StreamCopier::copyToString(stream, state.result.err);
    });
}

BackgroundProcess::~BackgroundProcess() {
    if (!m_state->waited) {
        ::kill(pid(), SIGKILL);
        wait();
    }
}

int BackgroundProcess::pid() const { return static_cast<int>(m_state->handle->id()); }

void BackgroundProcess::signal(int signal_number) const { ::kill(pid(), signal_number); }

ProcessResult BackgroundProcess::wait() {
    State& state = *m_state;
    if (!state.waited) {
        state.out_reader.join();
        state.err_reader.join();
        state.result.exit_code = state.handle->wait();
        state.waited = true;
    }
    return state.result;
}

}  // namespace aliasing::testing
