#pragma once
/// What the host checks of a compiled plugin before and while using it (SPEC §10). Errors are rejection
/// reasons (ErrorKind::Usage) naming what is wrong.

#include "aliasing/abi.h"
#include "aliasing/plugins/data_source.hpp"
#include "aliasing/common/result.hpp"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace aliasing {

/// Builds a rejection reason.
inline Error rejection(std::string reason) {
    return make_error(ErrorKind::Usage, std::move(reason));
}

/// The handshake, before anything else is read: same major, host minor >= plugin minor, and a table at least
/// as large as the plugin's ABI version requires. The error names both versions and the rule.
Status check_handshake(const aliasing_plugin_api& api);

/// Everything in the table the host relies on: a lowercase name, a version, at least one layout, non-null
/// entries, a known merge kind (with a reason for never), non-null functions.
Status check_table(const aliasing_plugin_api& api);

/// What `aliasing plugins` shows, copied out of a checked table.
DataSourceInfo info_of(const aliasing_plugin_api& api, const std::filesystem::path& library);

/// Why `split` is not a valid split of `name` (views inside the name, entity non-empty and before the run id,
/// run id the last '-'-separated part, layout in range), or nullptr when it is.
const char* split_problem(const aliasing_parsed_name& split, std::string_view name, std::size_t layout_count);

}  // namespace aliasing
