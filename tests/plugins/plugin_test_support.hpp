#pragma once
// Shared by the plugin tests: where the built plugins are, and throw-away directories.

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace aliasing::test {

inline std::filesystem::path build_plugin_dir() {
    return ALIASING_BUILD_PLUGIN_DIR;
}
inline std::filesystem::path fixture_dir(std::string_view name) {
    return std::filesystem::path(ALIASING_FIXTURE_PLUGIN_DIR) / std::string(name);
}
inline std::filesystem::path fixture_library(std::string_view name) {
    return fixture_dir(name) / ("aliasing-" + std::string(name) + ".so");
}
inline std::filesystem::path builtin_library(std::string_view name) {
    return build_plugin_dir() / ("aliasing-" + std::string(name) + ".so");
}

/// A fresh directory under the system temp dir, removed with everything in it at the end of the test.
class TempDir {
  public:
    TempDir() {
        const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
        m_path = std::filesystem::temp_directory_path() /
                 ("aliasing-plugin-test-" + std::to_string(::getpid()) + "-" +
                  (test ? std::string(test->test_suite_name()) + "." + test->name() : std::string("suite")));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }

    std::filesystem::path write(const std::string& name, std::string_view content) const {
        const std::filesystem::path file = m_path / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
        return file;
    }

  private:
    std::filesystem::path m_path;
};

}  // namespace aliasing::test
