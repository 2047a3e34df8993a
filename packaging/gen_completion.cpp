// aliasing_gen_completion: writes the bash completion script of aliasing to a file, rendered from the same help
// table as `aliasing --help` (app/help_text.cpp), so completion cannot offer what the CLI refuses.

#include "help_text.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: aliasing_gen_completion OUTPUT\n";
        return 2;
    }
    std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
    out << aliasing::cli::bash_completion();
    out.close();
    if (!out) {
        std::cerr << "aliasing_gen_completion: cannot write [" << argv[1] << "]\n";
        return 1;
    }
    return 0;
}
