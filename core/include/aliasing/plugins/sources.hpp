#pragma once
/// The two kinds of data source the registry loads. Errors are rejection reasons (ErrorKind::Usage) that say
/// what is wrong with the file and what to do; the registry adds the file's path.

#include "aliasing/plugins/data_source.hpp"
#include "aliasing/common/result.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace aliasing {

/// Loads a compiled plugin: dlopen (RTLD_NOW) through Boost.DLL, import only the entry symbol, ABI handshake,
/// table validation, then one instance. The library is marked RTLD_NODELETE before its entry point runs, so
/// it is never unmapped (abi.h promises it): not when the source is destroyed, not when it is rejected. Its parse_name/format_name may be called from several threads: a call that finds the resident
/// instance busy uses a temporary one. parse_name does not allocate on success.
Result<std::unique_ptr<DataSource>> load_compiled_source(const std::filesystem::path& library);

/// What a compiled plugin says its name is, asked in a child process (fork: load, call the entry point, report
/// the name, exit), so a library that crashes or hangs while loading cannot take the host down.
struct PluginProbe {
    enum class Outcome {
        Named,    ///< `name` is the table's name (nothing is validated yet: load it to know more)
        Failed,   ///< it did not crash but gave no name (not loadable, no entry point, no table): `detail`
        Crashed,  ///< it died by a signal or hung: `detail` says which; never load it in the host
    };
    Outcome outcome = Outcome::Failed;
    std::string name;
    std::string detail;
};

/// Probes `library` in a child process (at most 10 s). Safe only where no other thread holds the loader or
/// allocator locks across fork(); the CLI probes before it starts any thread.
PluginProbe probe_compiled_source(const std::filesystem::path& library);

/// Loads a declarative source from a JSON file (see sdk/README.md, "Declarative sources").
Result<std::unique_ptr<DataSource>> load_declarative_source(const std::filesystem::path& file);

/// A declarative source from JSON text; `origin` is reported as its path.
Result<std::unique_ptr<DataSource>> parse_declarative_source(std::string_view json,
                                                             const std::filesystem::path& origin);

}  // namespace aliasing
