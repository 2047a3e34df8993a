#include "aliasing/io/file_io.hpp"
#include "aliasing/io/huge_pages.hpp"

#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace aliasing {

Result<std::string> read_file(const std::filesystem::path& path) {
    auto fail = [&](const char* what) {
        return make_error(ErrorKind::Usage, "cannot read " + path.string() + ": " + what);
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return fail("it is a directory");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return fail(std::strerror(errno));
    std::string bytes;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
        // A catalog can be hundreds of megabytes: one read straight into the padded buffer, rather than a system
        // call and a copy per chunk. A file that grows meanwhile gets the rest below; one that shrinks ends early.
        bytes.reserve(static_cast<std::size_t>(size) + simdjson::SIMDJSON_PADDING);
        advise_huge_pages(bytes.data(), bytes.capacity());
        bytes.resize(static_cast<std::size_t>(size));
        bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file.get()));
    }
    char chunk[1 << 16];
    std::size_t got = 0;
    while ((got = std::fread(chunk, 1, sizeof chunk, file.get())) > 0) bytes.append(chunk, got);
    if (std::ferror(file.get())) return fail(std::strerror(errno));
    return bytes;
}

}  // namespace aliasing
