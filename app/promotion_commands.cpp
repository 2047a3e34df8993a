// Commands that talk to a cluster: run, status, rollback, audit --es-url.

#include "command_line.hpp"

namespace aliasing::cli {

int run_promotion(const CommandLine& line) {
    return fail(6, "`aliasing " + line.command + "` against a cluster is not available in this build yet");
}

}  // namespace aliasing::cli
