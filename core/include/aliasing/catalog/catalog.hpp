#pragma once
/// The catalog of indices under an index_base: the body of
/// `GET _cat/indices/{index_base}-*?format=json&bytes=b&h=...`, parsed once with simdjson on-demand.

#include "aliasing/common/result.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aliasing {

enum class IndexHealth : std::uint8_t { Green, Yellow, Red, Unknown };
enum class IndexState : std::uint8_t { Open, Closed };

/// One row of the catalog. Strings view the owning Catalog's storage.
struct IndexRecord {
    std::string_view name;
    IndexHealth health = IndexHealth::Unknown;
    IndexState state = IndexState::Open;
    std::uint32_t primaries = 0;
    std::uint32_t replicas = 0;
    std::uint64_t docs_count = 0;
    std::uint64_t primary_store_bytes = 0;
    std::uint64_t primary_segments = 0;
    bool segments_known = false;  ///< false when the body had no usable segment column or the value was null
    bool status_known = false;    ///< the row had a `status` value (else `state` is only assumed open)
    bool health_known = false;    ///< the row had a `health` value
};

/// Rows of a `_cat/indices` body. Movable, not copyable: records view its own string storage.
class Catalog {
public:
    /// Parses a `_cat/indices?format=json&bytes=b` body, taking ownership of it: records view names in place, so
    /// planning a huge catalog costs little more than its bytes. Accepts the column names and their aliases (`i`,
    /// `idx`, `p`, `r`, `dc`, `sc`, ...). Sizes must be plain byte counts (bytes=b); a human size such as "1.2kb" is
    /// an error that says to request bytes=b. `origin` (a path or URL) prefixes error messages.
    static Result<Catalog> parse(std::string body, std::string_view origin);

    /// Reads and parses a catalog file.
    static Result<Catalog> load(const std::filesystem::path& path);

    const std::vector<IndexRecord>& indices() const { return m_indices; }
    std::size_t size() const { return m_indices.size(); }

    Catalog(Catalog&&) noexcept = default;
    Catalog& operator=(Catalog&&) noexcept = default;
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

private:
    Catalog() = default;
    std::unique_ptr<std::string> m_body;      // the JSON body; names view it in place
    std::unique_ptr<std::string> m_unescaped; // names that needed unescaping (never seen in practice)
    std::vector<IndexRecord> m_indices;
};

const char* to_string(IndexHealth health);
const char* to_string(IndexState state);

}  // namespace aliasing
