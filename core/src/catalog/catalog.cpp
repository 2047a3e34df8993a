#include "aliasing/catalog/catalog.hpp"

#include "aliasing/io/file_io.hpp"
#include "aliasing/io/huge_pages.hpp"

#include <simdjson.h>

#include <bit>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>

namespace aliasing {
namespace {

namespace od = simdjson::ondemand;

enum class Column { Index, Health, Status, Pri, Rep, DocsCount, PriStoreSize, PriSegments, Segments, Other };

// Column names and the aliases `_cat/indices` accepts in `h=` (reference §2): keys are echoed as written. Runs for
// every key of every row, so it dispatches on the length first and compares only candidates of that length.
Column column_of(std::string_view key) {
    switch (key.size()) {
        case 1:
            switch (key[0]) {
                case 'i': return Column::Index;
                case 'h': return Column::Health;
                case 's': return Column::Status;
                case 'p': return Column::Pri;
                case 'r': return Column::Rep;
                default: return Column::Other;
            }
        case 2:
            if (key == "dc") return Column::DocsCount;
            if (key == "sc") return Column::Segments;
            return Column::Other;
        case 3:
            if (key == "idx") return Column::Index;
            if (key == "pri") return Column::Pri;
            if (key == "rep") return Column::Rep;
            return Column::Other;
        case 5: return key == "index" ? Column::Index : Column::Other;
        case 6:
            if (key == "health") return Column::Health;
            if (key == "status") return Column::Status;
            return Column::Other;
        case 9: return key == "docsCount" ? Column::DocsCount : Column::Other;
        case 10: return key == "docs.count" ? Column::DocsCount : Column::Other;
        case 13:
            if (key == "shardsPrimary") return Column::Pri;
            if (key == "shardsReplica") return Column::Rep;
            if (key == "segmentsCount") return Column::Segments;
            return Column::Other;
        case 14:
            if (key == "pri.store.size") return Column::PriStoreSize;
            if (key == "segments.count") return Column::Segments;
            if (key == "shards.primary") return Column::Pri;
            if (key == "shards.replica") return Column::Rep;
            return Column::Other;
        case 18: return key == "pri.segments.count" ? Column::PriSegments : Column::Other;
        default: return Column::Other;
    }
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Whether `text` holds a backslash (an escape), eight bytes at a time: the strings of a catalog are short and
// almost never escaped, so this check is the whole cost of viewing them in place. `text` lies inside the body, which
// is padded by SIMDJSON_PADDING bytes, so the last word may read past its end; those bytes are masked out.
bool has_backslash(std::string_view text) {
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
        constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
        constexpr std::uint64_t kBackslashes = kOnes * static_cast<unsigned char>('\\');
        for (std::size_t at = 0; at < text.size(); at += 8) {
            std::uint64_t word;
            std::memcpy(&word, text.data() + at, sizeof word);
            const std::uint64_t diff = word ^ kBackslashes;
            std::uint64_t hits = (diff - kOnes) & ~diff & kHighs;  // a false hit only ever follows a true one
            const std::size_t remaining = text.size() - at;
            if (remaining < 8) hits &= (std::uint64_t{1} << (remaining * 8)) - 1;
            if (hits != 0) return true;
        }
        return false;
    } else {
        return text.find('\\') != std::string_view::npos;
    }
}

// The raw token of a value as simdjson's structural index delimits it (no scanning), without trailing whitespace.
std::string_view trimmed_token(od::value& value) {
    std::string_view token = value.raw_json_token();
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    return token;
}

// A key's text, found backwards from its value's first byte (`"key" : value`): its length comes from the
// structural index rather than a scan. std::nullopt when the bytes between are not `"`, `:` and whitespace. A key
// with an escape is returned as written: it matches no column name, so it is skipped like any other column.
std::optional<std::string_view> key_before(const char* key, const char* value) {
    const char* at = value;
    while (at > key && is_space(at[-1])) --at;
    if (at <= key || at[-1] != ':') return std::nullopt;
    --at;
    while (at > key && is_space(at[-1])) --at;
    if (at <= key || at[-1] != '"') return std::nullopt;
    return std::string_view(key, static_cast<std::size_t>(at - 1 - key));
}

template <class Int>
bool parse_decimal(std::string_view text, Int& out) {
    if (text.empty()) return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

class RowParser {
public:
    RowParser(std::string_view origin, std::size_t body_length, std::string& unescaped)
        : m_origin(origin), m_body_length(body_length), m_unescaped(unescaped) {}

    std::optional<Error> parse(od::object row, std::size_t row_number, IndexRecord& record) {
        bool have_name = false;
        std::optional<std::uint64_t> pri_segments;
        std::optional<std::uint64_t> all_segments;
        bool segments_null = false;
        for (auto field : row) {
            od::raw_json_string raw_key;
            if (field.key().get(raw_key)) return syntax(row_number);
            od::value value = field.value();
            const std::string_view token = trimmed_token(value);
            auto key = key_before(raw_key.raw(), token.data());
            if (!key) return syntax(row_number);
            const Column column = column_of(*key);
            if (column == Column::Other) continue;  // skipped unread: on-demand never touches it
            if (token.empty()) return syntax(row_number);
            const od::json_type type = type_of(token.front());
            if (type == kNotJson) return syntax(row_number);
            if (type == od::json_type::null) {
                if (column == Column::Index) return bad(row_number, *key, "null", "an index name");
                if (column == Column::PriSegments || column == Column::Segments) segments_null = true;
                continue;  // closed indices have null doc and store columns
            }
            if (type != od::json_type::string) {
                return bad(row_number, *key, "a non-string value", "a string, as _cat/indices?format=json writes");
            }
            std::string_view text;
            if (string_of(value, token, text) != simdjson::SUCCESS) return syntax(row_number);
            switch (column) {
                case Column::Index:
                    record.name = text;
                    have_name = true;
                    break;
                case Column::Health:
                    record.health = health_of(text);
                    record.health_known = true;
                    break;
                case Column::Status:
                    record.state = text == "close" ? IndexState::Closed : IndexState::Open;
                    record.status_known = true;
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

    // A value's type from its first byte, as simdjson's value::type() decides it.
    static constexpr auto kNotJson = static_cast<od::json_type>(0);
    static od::json_type type_of(char first) {
        switch (first) {
            case '"': return od::json_type::string;
            case 'n': return od::json_type::null;
            case '{': return od::json_type::object;
            case '[': return od::json_type::array;
            case 't':
            case 'f': return od::json_type::boolean;
            case '-':
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
                return od::json_type::number;
            default: return kNotJson;
        }
    }

    // `token` is the value's raw token (a string: its quotes included). Viewed in place unless it has escapes.
    simdjson::error_code string_of(od::value& value, std::string_view token, std::string_view& out) {
        if (token.size() >= 2 && token.back() == '"') {
            const std::string_view content = token.substr(1, token.size() - 2);
            if (!has_backslash(content)) {
                out = content;
                return simdjson::SUCCESS;
            }
        }
        // Rare: an escaped string. Unescape a copy into storage that never reallocates: reserved for the whole body
        // (unescaping only shrinks strings) before the first view into it is taken.
        std::string_view copy;
        if (auto err = value.get_string().get(copy)) return err;
        if (m_unescaped.capacity() < m_body_length) m_unescaped.reserve(m_body_length);
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
    std::size_t m_body_length;
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
    // One row of `_cat/indices?format=json` with the columns planning reads is rarely under 128 bytes: reserving for
    // that many rows avoids regrowing (and copying) the records; pages never written are never resident.
    catalog.m_indices.reserve(length / 128 + 1);
    advise_huge_pages(catalog.m_indices.data(), catalog.m_indices.capacity() * sizeof(IndexRecord));

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

    RowParser row_parser(origin, length, *catalog.m_unescaped);
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
