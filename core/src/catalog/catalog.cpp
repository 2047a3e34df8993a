#include "aliasing/catalog.hpp"

#include "aliasing/file_io.hpp"

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <limits>
#include <optional>

namespace aliasing {
namespace {

namespace od = simdjson::ondemand;

enum class Column { Index, Health, Status, Pri, Rep, DocsCount, PriStoreSize, PriSegments, Segments, Other };

// Column names and the aliases `_cat/indices` accepts in `h=` (reference §2): keys are echoed as written.
Column column_of(std::string_view key) {
    if (key == "index" || key == "i" || key == "idx") return Column::Index;
    if (key == "health" || key == "h") return Column::Health;
    if (key == "status" || key == "s") return Column::Status;
    if (key == "pri" || key == "p" || key == "shards.primary" || key == "shardsPrimary") return Column::Pri;
    if (key == "rep" || key == "r" || key == "shards.replica" || key == "shardsReplica") return Column::Rep;
    if (key == "docs.count" || key == "dc" || key == "docsCount") return Column::DocsCount;
    if (key == "pri.store.size") return Column::PriStoreSize;
    if (key == "pri.segments.count") return Column::PriSegments;
    if (key == "segments.count" || key == "sc" || key == "segmentsCount") return Column::Segments;
    return Column::Other;
}

// A JSON string's content viewed in place, when it has no escapes (index names never do: `\` and `"` are not
// allowed in them). `raw` points just past the opening quote.
std::optional<std::string_view> unescaped_in_place(const char* raw, const char* end) {
    const void* quote = std::memchr(raw, '"', static_cast<std::size_t>(end - raw));
    if (quote == nullptr) return std::nullopt;
    std::string_view view(raw, static_cast<std::size_t>(static_cast<const char*>(quote) - raw));
    if (view.find('\\') != std::string_view::npos) return std::nullopt;
    return view;
}

template <class Int>
bool parse_decimal(std::string_view text, Int& out) {
    if (text.empty()) return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

class RowParser {
public:
    RowParser(std::string_view origin, const char* end, std::string& unescaped)
        : m_origin(origin), m_end(end), m_unescaped(unescaped) {}

    std::optional<Error> parse(od::object row, std::size_t row_number, IndexRecord& record) {
        bool have_name = false;
        std::optional<std::uint64_t> pri_segments;
        std::optional<std::uint64_t> all_segments;
        bool segments_null = false;
        for (auto field : row) {
            od::raw_json_string raw_key;
            if (field.key().get(raw_key)) return syntax(row_number);
            auto key = unescaped_in_place(raw_key.raw(), m_end);
            if (!key) return syntax(row_number);
            const Column column = column_of(*key);
            od::value value = field.value();
            if (column == Column::Other) continue;  // skipped unread: on-demand never touches it
            od::json_type type;
            if (value.type().get(type)) return syntax(row_number);
            if (type == od::json_type::null) {
                if (column == Column::Index) return bad(row_number, *key, "null", "an index name");
                if (column == Column::PriSegments || column == Column::Segments) segments_null = true;
                continue;  // closed indices have null doc and store columns
            }
            if (type != od::json_type::string) {
                return bad(row_number, *key, "a non-string value", "a string, as _cat/indices?format=json writes");
            }
            std::string_view text;
            if (string_of(value, text) != simdjson::SUCCESS) return syntax(row_number);
            switch (column) {
                case Column::Index:
                    record.name = text;
                    have_name = true;
                    break;
                case Column::Health: record.health = health_of(text); break;
                case Column::Status:
                    record.state = text == "close" ? IndexState::Closed : IndexState::Open;
                    break;
                case Column::Pri:
                    if (!parse_decimal(text, record.primaries) || record.primaries == 0)
                        return bad(row_number, *key, text, "a positive shard count");
                    break;
                case Column::Rep:
                    if (!parse_decimal(text, record.replicas)) return bad(row_number, *key, text, "a replica count");
                    break;
                case Column::DocsCount:
                    if (!parse_decimal(text, record.docs_count)) return bad(row_number, *key, text, "a document count");
                    break;
                case Column::PriStoreSize:
                    if (!parse_decimal(text, record.primary_store_bytes))
                        return bad(row_number, *key, text, "a byte count (request the catalog with bytes=b)");
                    break;
                case Column::PriSegments:
                case Column::Segments: {
                    std::uint64_t count = 0;
                    if (!parse_decimal(text, count)) return bad(row_number, *key, text, "a segment count");
                    (column == Column::PriSegments ? pri_segments : all_segments) = count;
                    break;
                }
                case Column::Other: break;
            }
        }
        if (!have_name) {
            return make_error(ErrorKind::Usage, std::string(m_origin) + ": row " + std::to_string(row_number) +
                                                    " has no \"index\" column");
        }
        if (record.primaries == 0) record.primaries = 1;
        if (pri_segments) {
            record.primary_segments = *pri_segments;
            record.segments_known = true;
        } else if (all_segments && !segments_null) {
            // Only the total over all copies is known: assume every copy holds as many segments as its primary.
            record.primary_segments = *all_segments / (1 + record.replicas);
            record.segments_known = true;
        }
        return std::nullopt;
    }

private:
    static IndexHealth health_of(std::string_view text) {
        if (text == "green") return IndexHealth::Green;
        if (text == "yellow") return IndexHealth::Yellow;
        if (text == "red" || text == "red*") return IndexHealth::Red;
        return IndexHealth::Unknown;
    }

    simdjson::error_code string_of(od::value& value, std::string_view& out) {
        od::raw_json_string raw;
        if (auto err = value.get_raw_json_string().get(raw)) return err;
        if (auto view = unescaped_in_place(raw.raw(), m_end)) {
            out = *view;
            return simdjson::SUCCESS;
        }
        // Rare: an escaped string. Unescape a copy into storage that never reallocates (reserved up front).
        std::string_view copy;
        if (auto err = value.get_string().get(copy)) return err;
        const std::size_t at = m_unescaped.size();
        m_unescaped.append(copy);
        out = std::string_view(m_unescaped).substr(at, copy.size());
        return simdjson::SUCCESS;
    }

    Error syntax(std::size_t row_number) const {
        return make_error(ErrorKind::Usage, std::string(m_origin) + ": row " + std::to_string(row_number) +
                                                " is not valid JSON; expected the body of GET _cat/indices?format=json");
    }

    Error bad(std::size_t row_number, std::string_view key, std::string_view value, std::string_view expected) const {
        return make_error(ErrorKind::Usage, std::string(m_origin) + ": row " + std::to_string(row_number) +
                                                ", column \"" + std::string(key) + "\": value \"" +
                                                std::string(value) + "\" is not valid: expected " +
                                                std::string(expected));
    }

    std::string_view m_origin;
    const char* m_end;
    std::string& m_unescaped;
};

}  // namespace

Result<Catalog> Catalog::parse(std::string body, std::string_view origin) {
    Catalog catalog;
    catalog.m_body = std::make_unique<std::string>(std::move(body));
    std::string& text = *catalog.m_body;
    const std::size_t length = text.size();
    if (text.capacity() < length + simdjson::SIMDJSON_PADDING) text.reserve(length + simdjson::SIMDJSON_PADDING);
    catalog.m_unescaped = std::make_unique<std::string>();
    catalog.m_unescaped->reserve(length);

    auto not_catalog = [&](const char* why) {
        return make_error(ErrorKind::Usage, std::string(origin) + ": " + why +
                                                "; expected the body of GET _cat/indices?format=json&bytes=b");
    };
    od::parser parser;
    od::document doc;
    if (parser.iterate(simdjson::padded_string_view(text.data(), length, text.capacity())).get(doc)) {
        return not_catalog("not valid JSON");
    }
    od::array rows;
    if (doc.get_array().get(rows)) return not_catalog("not a JSON array");

    RowParser row_parser(origin, text.data() + length, *catalog.m_unescaped);
    std::size_t row_number = 0;
    for (auto element : rows) {
        ++row_number;
        od::object row;
        if (element.get_object().get(row)) return not_catalog("an element is not an object");
        IndexRecord record;
        if (auto error = row_parser.parse(row, row_number, record)) return std::move(*error);
        catalog.m_indices.push_back(record);
    }
    return catalog;
}

Result<Catalog> Catalog::load(const std::filesystem::path& path) {
    auto bytes = read_file(path);
    if (!bytes) return bytes.error();
    return parse(std::move(bytes).value(), path.string());
}

const char* to_string(IndexHealth health) {
    switch (health) {
        case IndexHealth::Green: return "green";
        case IndexHealth::Yellow: return "yellow";
        case IndexHealth::Red: return "red";
        case IndexHealth::Unknown: return "unknown";
    }
    return "unknown";
}

const char* to_string(IndexState state) { return state == IndexState::Open ? "open" : "close"; }

}  // namespace aliasing
