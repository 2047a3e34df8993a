// aliasing_gen_manpage: writes the roff man page aliasing(1) to a file. It renders the same help table as
// `aliasing --help` (app/help_text.cpp), so the page cannot drift from the CLI; the only thing it adds is the
// version, in the page's footer (the .TH line's "source" field).

#include "help_text.hpp"

#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

namespace {

/// The page with "aliasing VERSION" as the .TH source field, when the first line has the expected shape.
std::string with_version(std::string page, std::string_view version) {
    const std::string_view source = "\"aliasing\" \"User Commands\"";
    const std::size_t first_line_end = page.find('\n');
    const std::size_t at = page.find(source);
    if (page.rfind(".TH ", 0) != 0 || at == std::string::npos || at > first_line_end) return page;
    page.replace(at, source.size(), "\"aliasing " + std::string(version) + "\" \"User Commands\"");
    return page;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: aliasing_gen_manpage OUTPUT.1 VERSION\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << with_version(aliasing::cli::man_page(), argv[2]);
    out.close();
    if (!out) {
        std::cerr << "aliasing_gen_manpage: cannot write the man page to [" << argv[1]
                  << "]; check that its directory exists and is writable\n";
        return 1;
    }
    return 0;
}
