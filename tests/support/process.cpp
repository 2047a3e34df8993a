#include "process.hpp"

#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

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

}  // namespace aliasing::testing
