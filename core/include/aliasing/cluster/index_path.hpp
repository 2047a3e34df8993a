#pragma once
/// Index names in request paths: percent-encoding and chunking so every request line fits the cluster's limit
/// (`http.max_initial_line_length`, 4096 bytes; SPEC §8 I2).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing::cluster {

/// ES rejects a request line (`METHOD URI HTTP/1.1`) longer than this with 400 too_long_http_line_exception.
inline constexpr std::size_t kMaxRequestLine = 4096;

/// Percent-encodes one path segment: unreserved characters, '*' (patterns), ',' (lists) and ':' (task ids) stay.
std::string encode_path_segment(std::string_view segment);

/// The encoded, comma-joined list `a,b,c`.
std::string join_index_names(const std::vector<std::string>& names);

/// Splits `names` (order kept) into consecutive chunks such that each request line
/// `METHOD path_prefix + join_index_names(chunk) + path_suffix HTTP/1.1` is shorter than `max_line` bytes.
/// A name too long to fit even alone gets a chunk of its own. No names: no chunks.
std::vector<std::vector<std::string>> chunk_index_names(const std::vector<std::string>& names, std::string_view method,
                                                        std::string_view path_prefix, std::string_view path_suffix,
                                                        std::size_t max_line = kMaxRequestLine);

}  // namespace aliasing::cluster
