// aliasing_gen_manpage: writes the roff man page aliasing(1) to the file named by its one argument. It renders
// the same help table as `aliasing --help` (app/help_text.cpp), so the page cannot drift from the CLI.

#include "help_text.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: aliasing_gen_manpage OUTPUT.1\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << aliasing::cli::man_page();
    out.close();
    if (!out) {
        std::cerr << "aliasing_gen_manpage: cannot write the man page to [" << argv[1]
                  << "]; check that its directory exists and is writable\n";
        return 1;
    }
    return 0;
}
