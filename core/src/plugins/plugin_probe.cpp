// Asking a compiled plugin its name in a child process, so that a library that crashes in its constructors or
// entry point (abort(), a segfault, a hang) is reported instead of taking the host down with it.
#include "aliasing/abi.h"
#include "aliasing/plugins/sources.hpp"

#include <dlfcn.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <string>

namespace aliasing {
namespace {

constexpr int kProbeTimeoutMillis = 10000;

// In the child: load, call the entry point, write the name (nothing when there is none), exit. Only calls that
// are fine after fork() in a process whose other threads are gone.
[[noreturn]] void probe_in_child(const char* path, int out) {
    void* handle = ::dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) ::_exit(3);
    void* symbol = ::dlsym(handle, ALIASING_PLUGIN_ENTRY_SYMBOL);
    if (symbol == nullptr) ::_exit(4);
    const auto entry = reinterpret_cast<const aliasing_plugin_api* (*)()>(symbol);
    const aliasing_plugin_api* api = entry();
    if (api == nullptr || api->struct_size < offsetof(aliasing_plugin_api, name) + sizeof(api->name) ||
        api->name == nullptr)
        ::_exit(5);
    const std::size_t size = ::strnlen(api->name, 256);
    ssize_t written = ::write(out, api->name, size);
    ::_exit(written == static_cast<ssize_t>(size) ? 0 : 6);
}

std::string describe_signal(int signal) {
    const char* name = signal == SIGABRT   ? "SIGABRT"
                       : signal == SIGSEGV ? "SIGSEGV"
                       : signal == SIGBUS  ? "SIGBUS"
                       : signal == SIGILL  ? "SIGILL"
                       : signal == SIGFPE  ? "SIGFPE"
                       : signal == SIGKILL ? "SIGKILL"
                                           : nullptr;
    const char* text = ::strsignal(signal);
    return "signal " + std::to_string(signal) + (name ? std::string(" ") + name : "") +
           (text ? std::string(", ") + text : "");
}

}  // namespace

PluginProbe probe_compiled_source(const std::filesystem::path& library) {
    int pipe_ends[2];
    if (::pipe(pipe_ends) != 0) return {PluginProbe::Outcome::Failed, {}, "cannot create a pipe to probe it"};
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipe_ends[0]);
        ::close(pipe_ends[1]);
        return {PluginProbe::Outcome::Failed, {}, "cannot start a process to probe it"};
    }
    if (child == 0) {
        ::close(pipe_ends[0]);
        probe_in_child(library.c_str(), pipe_ends[1]);
    }
    ::close(pipe_ends[1]);
    std::string name;
    bool timed_out = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kProbeTimeoutMillis);
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            timed_out = true;
            break;
        }
        pollfd ready{pipe_ends[0], POLLIN, 0};
        const int polled = ::poll(&ready, 1, static_cast<int>(left.count()));
        if (polled < 0 && errno == EINTR) continue;
        if (polled <= 0) {
            timed_out = polled == 0;
            break;
        }
        char buffer[256];
        const ssize_t got = ::read(pipe_ends[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;  // the child closed its end: it exited
        name.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(pipe_ends[0]);
    if (timed_out) ::kill(child, SIGKILL);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out) {
        return {PluginProbe::Outcome::Crashed, {},
                "did not finish loading within " + std::to_string(kProbeTimeoutMillis / 1000) +
                    "s (its entry point hangs); not loaded"};
    }
    if (WIFSIGNALED(status)) {
        return {PluginProbe::Outcome::Crashed, {},
                "crashed while loading (" + describe_signal(WTERMSIG(status)) +
                    ", in its constructors or entry point); not loaded: fix or remove the library"};
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && !name.empty()) return {PluginProbe::Outcome::Named, name, {}};
    return {PluginProbe::Outcome::Failed, {}, "the probe could not read its name (exit " +
                                                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"};
}

}  // namespace aliasing
