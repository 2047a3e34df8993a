#pragma once
// The _cat table machinery (RestTable): column names and aliases, h= selection (wildcards, keys as written),
// s= sorting on typed values, JSON (all strings or null) or padded text rendering, byte-size formatting.

#include "api/call.hpp"

#include <optional>
#include <string>
#include <vector>

namespace aliasing::sim {

enum class CellKind { text, number, bytes };

struct CatColumn {
    std::string name;
    std::vector<std::string> aliases;
    bool is_default = true;
    CellKind kind = CellKind::text;
};

/// One cell: a text value or a number (bytes or counts); nullopt renders as JSON null / empty text.
struct CatCell {
    std::optional<std::string> text;
    std::optional<std::int64_t> number;
};
CatCell text_cell(std::string value);
CatCell number_cell(std::int64_t value);
CatCell null_cell();

using CatRow = std::vector<CatCell>;  ///< one cell per CatColumn, same order

/// Renders rows per the request's format, h, s, v and bytes parameters. Throws ApiError (unknown sort key).
Reply render_cat_table(const Call& call, const std::vector<CatColumn>& columns, std::vector<CatRow> rows);

/// Elasticsearch's human byte size: 225b, 1.2kb, 10gb (one decimal, truncated).
std::string human_bytes(std::int64_t bytes);

}  // namespace aliasing::sim
