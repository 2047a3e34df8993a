#include "aliasing/render/text_table.hpp"

#include <algorithm>
#include <cstdio>

namespace aliasing {

TextTable::TextTable(std::vector<std::string> headers, std::vector<Align> align)
    : m_headers(std::move(headers)), m_align(std::move(align)) {
    m_align.resize(m_headers.size(), Align::Left);
}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(m_headers.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::to_text() const {
    std::vector<std::size_t> width(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) width[c] = m_headers[c].size();
    for (const auto& row : m_rows)
        for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());

    std::string out;
    auto emit = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t pad = width[c] - cells[c].size();
            const bool last = c + 1 == cells.size();
            if (m_align[c] == Align::Right) line.append(pad, ' ');
            line += cells[c];
            if (m_align[c] == Align::Left && !last) line.append(pad, ' ');
            if (!last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    };
    emit(m_headers);
    std::vector<std::string> rule;
    for (std::size_t c = 0; c < width.size(); ++c) rule.emplace_back(width[c], '-');
    emit(rule);
    for (const auto& row : m_rows) emit(row);
    return out;
}

std::string TextTable::to_markdown() const {
    auto cell = [](const std::string& text) {
        std::string escaped;
        for (char ch : text) {
            if (ch == '|') escaped += '\\';
            escaped += ch;
        }
        return escaped;
    };
    std::string out = "|";
    for (const auto& header : m_headers) out += " " + cell(header) + " |";
    out += "\n|";
    for (auto align : m_align) out += align == Align::Right ? " ---: |" : " --- |";
    out += "\n";
    for (const auto& row : m_rows) {
        out += "|";
        for (const auto& text : row) out += " " + cell(text) + " |";
        out += "\n";
    }
    return out;
}

std::string human_bytes(unsigned long long bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    char buffer[32];
    if (unit == 0)
        std::snprintf(buffer, sizeof buffer, "%llu B", bytes);
    else
        std::snprintf(buffer, sizeof buffer, "%.2f %s", value, units[unit]);
    return buffer;
}

std::string fixed2(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

}  // namespace aliasing
