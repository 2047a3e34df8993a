#pragma once
/// The two kinds of data source the registry loads. Errors are rejection reasons (ErrorKind::Usage) that say
/// what is wrong with the file and what to do; the registry adds the file's path.

#include "aliasing/data_source.hpp"
#include "aliasing/result.hpp"

#include <filesystem>
#include <memory>
#include <string_view>

namespace aliasing {

/// Loads a compiled plugin: dlopen (RTLD_NOW) through Boost.DLL, import only the entry symbol, ABI handshake,
/// table validation, then one instance. The returned source owns the library; destroying it unloads the
/// library. Its parse_name/format_name may be called from several threads: a call that finds the resident
/// instance busy uses a temporary one. parse_name does not allocate on success.
Result<std::unique_ptr<DataSource>> load_compiled_source(const std::filesystem::path& library);

/// Loads a declarative source from a JSON file (see sdk/README.md, "Declarative sources").
Result<std::unique_ptr<DataSource>> load_declarative_source(const std::filesystem::path& file);

/// A declarative source from JSON text; `origin` is reported as its path.
Result<std::unique_ptr<DataSource>> parse_declarative_source(std::string_view json,
                                                             const std::filesystem::path& origin);

}  // namespace aliasing
