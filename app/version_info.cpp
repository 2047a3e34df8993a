#include "version_info.hpp"

#include "aliasing/abi.h"
#include "build_info.hpp"

#include <Poco/Version.h>
#include <boost/version.hpp>
#include <simdjson.h>

namespace aliasing::cli {

std::string version_text() {
    const unsigned poco = POCO_VERSION;
    auto dotted = [](unsigned a, unsigned b, unsigned c) {
        return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
    };
    std::string text = "aliasing " ALIASING_VERSION "\n";
    text += "commit " ALIASING_GIT_COMMIT ", built " ALIASING_BUILD_DATE "\n";
    text += "plugin ABI " + std::to_string(ALIASING_ABI_MAJOR) + "." + std::to_string(ALIASING_ABI_MINOR) + "\n";
    text += "Poco " + dotted(poco >> 24, (poco >> 16) & 0xff, (poco >> 8) & 0xff) + "\n";
    text += "Boost " + dotted(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100) + "\n";
    text += "simdjson " + dotted(simdjson::SIMDJSON_VERSION_MAJOR, simdjson::SIMDJSON_VERSION_MINOR,
                                 simdjson::SIMDJSON_VERSION_REVISION);
#ifdef ALIASING_SIMD_HASWELL
    text += " (catalog parsers built for haswell)";
#endif
    return text + "\n";
}

}  // namespace aliasing::cli
