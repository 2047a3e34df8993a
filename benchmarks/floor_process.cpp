// The floor of the whole-process benchmark (SPEC §12, benchmarks/whole_process.sh): a process that only reads a
// catalog file and parses it with simdjson, touching every value planning uses (floor_parse), then exits.
//
//   aliasing_floor_process FILE
//
// Linked against simdjson alone (no core, no Poco), reading the file the way core's read_file does: one buffer with
// room for simdjson's padding. Prints the row count so the parse cannot be dropped; exits 1 when the body is not an
// array of objects, 2 when the file cannot be read.
#include "floor_parse.hpp"

#include <simdjson.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: aliasing_floor_process FILE\n");
        return 2;
    }
    std::FILE* file = std::fopen(argv[1], "rb");
    if (file == nullptr) return 2;
    std::fseek(file, 0, SEEK_END);
    const long size = std::ftell(file);
    std::fseek(file, 0, SEEK_SET);
    std::string body;
    body.reserve(static_cast<std::size_t>(size) + simdjson::SIMDJSON_PADDING);
    body.resize(static_cast<std::size_t>(size));
    const std::size_t got = std::fread(body.data(), 1, body.size(), file);
    std::fclose(file);
    if (got != body.size()) return 2;
    const auto totals = aliasing::bench::floor_parse(body);
    std::printf("%llu rows\n", static_cast<unsigned long long>(totals.rows));
    return totals.ok ? 0 : 1;
}
