// The C++ helper: the generated table and the noexcept trampolines (sdk/include/aliasing/sdk.hpp).
#include "aliasing/sdk.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>
#include <string>

namespace {

using aliasing::sdk::MergePolicy;
using aliasing::sdk::Parsed;

class Minimal {
  public:
    static constexpr const char* name = "minimal";
    static constexpr const char* version = "3.2.1";
    static constexpr const char* description = "test plugin";
    static constexpr std::array<const char*, 2> layouts{"{index_base}-old-{entity}-{run_id}",
                                                        "{index_base}-{entity}-{run_id}"};
    static constexpr MergePolicy merge = MergePolicy::never("append-only");

    std::optional<Parsed> parse(std::string_view index_base, std::string_view name) const {
        if (name.find("throw-std") != std::string_view::npos) throw std::runtime_error("bad name: checksum");
        if (name.find("throw-int") != std::string_view::npos) throw 42;
        return kLayouts.match(index_base, name);
    }

  private:
    static constexpr aliasing::sdk::LayoutSet<2> kLayouts{layouts};
};

/// Every member given as a static function, a declared entity list and its own format().
class Functions {
  public:
    static const char* name() { return "functions"; }
    static const char* version() { return "1.0.0"; }
    static const char* description() { return "members as functions"; }
    static const std::array<const char*, 1>& layouts() {
        static constexpr std::array<const char*, 1> kLayouts{"{index_base}-{entity}-{run_id}"};
        return kLayouts;
    }
    static const std::array<const char*, 2>& entities() {
        static constexpr std::array<const char*, 2> kEntities{"a", "b"};
        return kEntities;
    }
    static MergePolicy merge() { return MergePolicy::size_based(1024); }

    std::optional<Parsed> parse(std::string_view, std::string_view) const { return std::nullopt; }
    std::string format(std::string_view index_base, std::string_view entity, std::string_view run_id,
                       std::uint32_t) const {
        return std::string(index_base) + "/" + std::string(entity) + "/" + std::string(run_id);
    }
};

/// Owns one instance of a plugin's table for a test.
class Instance {
  public:
    explicit Instance(const aliasing_plugin_api* api) : m_api(api) {
        EXPECT_EQ(api->create(&m_instance), ALIASING_STATUS_OK);
    }
    ~Instance() { m_api->destroy(m_instance); }
    Instance(const Instance&) = delete;
    Instance& operator=(const Instance&) = delete;

    aliasing_status parse(std::string_view index_base, std::string_view name, aliasing_parsed_name* out) {
        return m_api->parse_name(m_instance, {index_base.data(), index_base.size()},
                                 {name.data(), name.size()}, out);
    }
    aliasing_status format(std::uint32_t layout, char* buffer, std::size_t capacity, std::size_t* written) {
        return m_api->format_name(m_instance, {"c-1", 3}, {"person", 6}, {"20261015t103000", 15}, layout,
                                  buffer, capacity, written);
    }
    std::string last_error() const { return m_api->last_error(m_instance); }

  private:
    const aliasing_plugin_api* m_api;
    aliasing_plugin* m_instance = nullptr;
};

TEST(SdkTable, CarriesTheAbiVersionAndTableSize) {
    const aliasing_plugin_api* api = aliasing::sdk::api_table<Minimal>();
    EXPECT_EQ(api->struct_size, sizeof(aliasing_plugin_api));
    EXPECT_EQ(api->abi_major, ALIASING_ABI_MAJOR);
    EXPECT_EQ(api->abi_minor, ALIASING_ABI_MINOR);
}

TEST(SdkTable, CarriesTheClassesStaticMembers) {
    const aliasing_plugin_api* api = aliasing::sdk::api_table<Minimal>();
    EXPECT_STREQ(api->name, "minimal");
    EXPECT_STREQ(api->version, "3.2.1");
    EXPECT_STREQ(api->description, "test plugin");
    ASSERT_EQ(api->layout_count, 2U);
    EXPECT_STREQ(api->layouts[1], "{index_base}-{entity}-{run_id}");
    EXPECT_EQ(api->entity_count, 0U);
    EXPECT_EQ(api->merge_kind, ALIASING_MERGE_NEVER);
    EXPECT_STREQ(api->merge_reason, "append-only");
}

TEST(SdkTable, AcceptsStaticFunctionsInsteadOfMembers) {
    const aliasing_plugin_api* api = aliasing::sdk::api_table<Functions>();
    EXPECT_STREQ(api->name, "functions");
    ASSERT_EQ(api->entity_count, 2U);
    EXPECT_STREQ(api->entities[1], "b");
    EXPECT_EQ(api->merge_kind, ALIASING_MERGE_SIZE_BASED);
    EXPECT_EQ(api->default_max_segment_size_bytes, 1024U);
}

TEST(SdkTable, IsTheSameStaticTableOnEveryCall) {
    EXPECT_EQ(aliasing::sdk::api_table<Minimal>(), aliasing::sdk::api_table<Minimal>());
}

TEST(SdkTrampolines, ParseReturnsViewsIntoTheNameAndTheLayout) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    const std::string name = "c-1-person-20261015t103000";
    aliasing_parsed_name out{};
    ASSERT_EQ(instance.parse("c-1", name, &out), ALIASING_STATUS_OK);
    EXPECT_EQ(out.entity.data, name.data() + 4);
    EXPECT_EQ(std::string(out.entity.data, out.entity.size), "person");
    EXPECT_EQ(std::string(out.run_id.data, out.run_id.size), "20261015t103000");
    EXPECT_EQ(out.layout, 1U);
}

TEST(SdkTrampolines, ParseOfAForeignNameIsNotMine) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    aliasing_parsed_name out{};
    EXPECT_EQ(instance.parse("c-1", "other-1-person-20261015t103000", &out), ALIASING_STATUS_NOT_MINE);
}

TEST(SdkTrampolines, AStdExceptionBecomesErrorWithItsMessage) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    aliasing_parsed_name out{};
    EXPECT_EQ(instance.parse("c-1", "c-1-throw-std-20261015t103000", &out), ALIASING_STATUS_ERROR);
    EXPECT_EQ(instance.last_error(), "bad name: checksum");
}

TEST(SdkTrampolines, AnyOtherExceptionBecomesErrorWithAGenericMessage) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    aliasing_parsed_name out{};
    EXPECT_EQ(instance.parse("c-1", "c-1-throw-int-20261015t103000", &out), ALIASING_STATUS_ERROR);
    EXPECT_EQ(instance.last_error(), "the plugin threw an exception that is not a std::exception");
}

TEST(SdkTrampolines, FormatUsesTheLayoutTemplateByDefault) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    std::array<char, 64> buffer{};
    std::size_t written = 0;
    ASSERT_EQ(instance.format(0, buffer.data(), buffer.size(), &written), ALIASING_STATUS_OK);
    EXPECT_EQ(std::string(buffer.data()), "c-1-old-person-20261015t103000");
    EXPECT_EQ(written, 30U);
}

TEST(SdkTrampolines, FormatIntoATooSmallBufferIsAnErrorReportingTheNeededSize) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    std::array<char, 8> buffer{};
    std::size_t written = 0;
    ASSERT_EQ(instance.format(1, buffer.data(), buffer.size(), &written), ALIASING_STATUS_ERROR);
    EXPECT_EQ(written, 26U);
    EXPECT_EQ(instance.last_error(), "the index name needs 27 bytes with its NUL but the buffer holds 8");
}

TEST(SdkTrampolines, FormatOfAnUnknownLayoutIsAnError) {
    Instance instance(aliasing::sdk::api_table<Minimal>());
    std::array<char, 64> buffer{};
    std::size_t written = 0;
    ASSERT_EQ(instance.format(5, buffer.data(), buffer.size(), &written), ALIASING_STATUS_ERROR);
    EXPECT_EQ(instance.last_error(), "layout 5 does not exist: the plugin has 2 layout(s)");
}

TEST(SdkTrampolines, FormatUsesTheClassesOwnFormatWhenItHasOne) {
    Instance instance(aliasing::sdk::api_table<Functions>());
    std::array<char, 64> buffer{};
    std::size_t written = 0;
    ASSERT_EQ(instance.format(0, buffer.data(), buffer.size(), &written), ALIASING_STATUS_OK);
    EXPECT_EQ(std::string(buffer.data()), "c-1/person/20261015t103000");
}

TEST(SdkTrampolines, LastErrorOfAFailedCreateIsStillAString) {
    EXPECT_NE(aliasing::sdk::api_table<Minimal>()->last_error(nullptr), nullptr);
}

}  // namespace
