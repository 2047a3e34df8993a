#include "api/cat_table.hpp"

#include "cluster/resolve.hpp"

#include <algorithm>
#include <cstdio>

namespace aliasing::sim {

CatCell text_cell(std::string value)
{
    return CatCell{std::move(value), std::nullopt};
}

CatCell number_cell(std::int64_t value)
{
    return CatCell{std::nullopt, value};
}

CatCell null_cell()
{
    return CatCell{};
}

std::string human_bytes(std::int64_t bytes)
{
    static constexpr std::pair<const char*, double> units[] = {
        {"pb", 1125899906842624.0}, {"tb", 1099511627776.0}, {"gb", 1073741824.0},
        {"mb", 1048576.0},          {"kb", 1024.0},
    };
    for (const auto& [suffix, size] : units) {
        if (static_cast<double>(bytes) >= size) {
            const double value = static_cast<double>(bytes) / size;
            const auto tenths = static_cast<std::int64_t>(value * 10.0);
            const std::int64_t whole = tenths / 10;
            const std::int64_t fraction = tenths % 10;
            return std::to_string(whole) + (fraction != 0 ? "." + std::to_string(fraction) : "") + suffix;
        }
    }
    return std::to_string(bytes) + "b";
}

namespace {

struct Selected {
    std::size_t column;
    std::string key;
};

const CatColumn* find_column(const std::vector<CatColumn>& columns, std::string_view name, std::size_t* index)
{
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const CatColumn& column = columns[i];
        if (column.name == name || std::find(column.aliases.begin(), column.aliases.end(), name) != column.aliases.end()) {
            *index = i;
            return &column;
        }
    }
    return nullptr;
}

std::vector<Selected> select_columns(const Call& call, const std::vector<CatColumn>& columns)
{
    std::vector<Selected> selected;
    const auto h = call.param("h");
    if (!h) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (columns[i].is_default) {
                selected.push_back({i, columns[i].name});
            }
        }
        return selected;
    }
    for (const auto& token : split_list(*h)) {
        if (has_wildcard(token)) {
            for (std::size_t i = 0; i < columns.size(); ++i) {
                if (simple_match(token, columns[i].name)) {
                    selected.push_back({i, columns[i].name});
                }
            }
            continue;
        }
        std::size_t index = 0;
        if (find_column(columns, token, &index) != nullptr) {
            selected.push_back({index, token});
        }
    }
    return selected;
}

std::int64_t scale_bytes(std::int64_t bytes, std::string_view unit)
{
    if (unit == "k" || unit == "kb") {
        return bytes / 1024;
    }
    if (unit == "m" || unit == "mb") {
        return bytes / 1048576;
    }
    if (unit == "g" || unit == "gb") {
        return bytes / 1073741824;
    }
    if (unit == "t" || unit == "tb") {
        return bytes / 1099511627776LL;
    }
    if (unit == "p" || unit == "pb") {
        return bytes / 1125899906842624LL;
    }
    return bytes;
}

std::optional<std::string> cell_text(const CatCell& cell, CellKind kind, const std::optional<std::string>& bytes_unit)
{
    if (cell.text) {
        return cell.text;
    }
    if (!cell.number) {
        return std::nullopt;
    }
    if (kind == CellKind::bytes) {
        return bytes_unit ? std::to_string(scale_bytes(*cell.number, *bytes_unit)) : human_bytes(*cell.number);
    }
    return std::to_string(*cell.number);
}

bool cell_less(const CatCell& left, const CatCell& right)
{
    const bool left_null = !left.text && !left.number;
    const bool right_null = !right.text && !right.number;
    if (left_null || right_null) {
        return left_null && !right_null;
    }
    if (left.number && right.number) {
        return *left.number < *right.number;
    }
    return left.text.value_or("") < right.text.value_or("");
}

void sort_rows(const Call& call, const std::vector<CatColumn>& columns, std::vector<CatRow>& rows)
{
    const auto s = call.param("s");
    if (!s) {
        return;
    }
    std::vector<std::pair<std::size_t, bool>> keys;  // column, descending
    for (const auto& token : split_list(*s)) {
        std::string name = token;
        bool descending = false;
        if (const std::size_t colon = token.rfind(':'); colon != std::string::npos) {
            const std::string order = token.substr(colon + 1);
            if (order == "desc" || order == "asc") {
                descending = order == "desc";
                name = token.substr(0, colon);
            }
        }
        std::size_t index = 0;
        if (find_column(columns, name, &index) == nullptr) {
            throw full_error(500, "unsupported_operation_exception", "Unable to sort by unknown sort key `" + name + "`");
        }
        keys.emplace_back(index, descending);
    }
    std::stable_sort(rows.begin(), rows.end(), [&](const CatRow& left, const CatRow& right) {
        for (const auto& [index, descending] : keys) {
            if (cell_less(left[index], right[index])) {
                return !descending;
            }
            if (cell_less(right[index], left[index])) {
                return descending;
            }
        }
        return false;
    });
}

bool wants_json(const Call& call)
{
    if (const auto format = call.param("format")) {
        return *format != "txt" && *format != "text";
    }
    const std::string* accept = call.request().header("accept");
    return accept != nullptr && accept->find("json") != std::string::npos;
}

}  // namespace

Reply render_cat_table(const Call& call, const std::vector<CatColumn>& columns, std::vector<CatRow> rows)
{
    const std::vector<Selected> selected = select_columns(call, columns);
    sort_rows(call, columns, rows);
    const auto bytes_unit = call.param("bytes");
    if (wants_json(call)) {
        Json array = Json::array();
        for (const auto& row : rows) {
            Json object = Json::object();
            for (const auto& [column, key] : selected) {
                const auto text = cell_text(row[column], columns[column].kind, bytes_unit);
                object[key] = text ? Json(*text) : Json();
            }
            array.push_back(std::move(object));
        }
        return json_reply(std::move(array));
    }
    std::vector<std::vector<std::string>> table;
    const bool header = call.flag("v", false);
    if (header) {
        std::vector<std::string> names;
        for (const auto& [column, key] : selected) {
            names.push_back(key);
        }
        table.push_back(std::move(names));
    }
    for (const auto& row : rows) {
        std::vector<std::string> line;
        for (const auto& [column, key] : selected) {
            line.push_back(cell_text(row[column], columns[column].kind, bytes_unit).value_or(""));
        }
        table.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(selected.size(), 0);
    for (const auto& line : table) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            widths[i] = std::max(widths[i], line[i].size());
        }
    }
    std::string text;
    for (const auto& line : table) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            // Headers align like their column; the last column gets no trailing padding (RestTable.pad).
            const bool right = columns[selected[i].column].kind != CellKind::text;
            const bool last = i + 1 == line.size();
            const std::string pad(widths[i] - line[i].size(), ' ');
            text += right ? pad + line[i] : (last ? line[i] : line[i] + pad);
            if (i + 1 < line.size()) {
                text += ' ';
            }
        }
        text += '\n';
    }
    return text_reply(std::move(text));
}

}  // namespace aliasing::sim
