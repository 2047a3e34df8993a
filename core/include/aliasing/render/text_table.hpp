#pragma once
/// Column-aligned text tables and Markdown tables from the same rows.

#include <string>
#include <vector>

namespace aliasing {

enum class Align { Left, Right };

class TextTable {
public:
    explicit TextTable(std::vector<std::string> headers, std::vector<Align> align = {});
    void add_row(std::vector<std::string> cells);
    std::size_t rows() const { return m_rows.size(); }
    /// Space-padded columns, two spaces apart, header underlined.
    std::string to_text() const;
    /// A GitHub-flavoured Markdown table (pipes in cells escaped).
    std::string to_markdown() const;

private:
    std::vector<std::string> m_headers;
    std::vector<Align> m_align;
    std::vector<std::vector<std::string>> m_rows;
};

/// "4.20 GiB", "512.0 MiB", "900 B".
std::string human_bytes(unsigned long long bytes);
/// Fixed two decimals.
std::string fixed2(double value);

}  // namespace aliasing
