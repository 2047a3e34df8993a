// The floor of the whole-process benchmark (SPEC §12, benchmarks/whole_process.sh): a process that only reads a
// catalog file and parses it with simdjson, touching every value planning uses (floor_parse), then exits.
//
//   aliasing_floor_process [--huge-pages] FILE
//
// Linked against simdjson alone (no core, no Poco; only core's advise_huge_pages source), reading the file the way
// core's read_file does: one buffer with room for simdjson's padding. With --huge-pages the buffer is advised to use
// transparent huge pages, as read_file does for large files: the floor with the same page-fault saving. Prints the row count so the parse cannot be dropped; exits 1 when the body is not an
// array of objects, 2 when the file cannot be read.
#include "floor_parse.hpp"

#include "aliasing/io/huge_pages.hpp"

#include <simdjson.h>

#include <cstdio>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    const bool huge_pages = argc == 3 && std::string_view(argv[1]) == "--huge-pages";
    if (argc != 2 && !huge_pages) {
        std::fprintf(stderr, "usage: aliasing_floor_process [--huge-pages] FILE\n");
        return 2;
    }
    std::FILE* file = std::fopen(argv[argc - 1], "rb");
    if (file == nullptr) return 2;
    std::fseek(file, 0, SEEK_END);
    const long size = std::ftell(file);
    std::fseek(file, 0, SEEK_SET);
    std::string body;
    body.reserve(static_cast<std::size_t>(size) + simdjson::SIMDJSON_PADDING);
    if (huge_pages) aliasing::advise_huge_pages(body.data(), body.capacity());
    body.resize(static_cast<std::size_t>(size));
    const std::size_t got = std::fread(body.data(), 1, body.size(), file);
    std::fclose(file);
    if (got != body.size()) return 2;
    const auto totals = aliasing::bench::floor_parse(body);
    std::printf("%llu rows\n", static_cast<unsigned long long>(totals.rows));
    return totals.ok ? 0 : 1;
}
