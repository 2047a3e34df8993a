// GET|PUT /_cluster/settings: the disk watermarks (defaults, flat and nested, persistent and transient).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, DefaultWatermarksAreShownFlatWithIncludeDefaults)
{
    const Json defaults = get("/_cluster/settings?include_defaults=true&flat_settings=true").json["defaults"];
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.watermark.low"], Json("85%"));
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.watermark.high"], Json("90%"));
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.watermark.flood_stage"], Json("95%"));
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.threshold_enabled"], Json("true"));
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.watermark.high.max_headroom"], Json("150GB"));
    EXPECT_EQ(get("/_cluster/settings").json.find("defaults"), nullptr);
}

TEST_F(SimTest, DefaultWatermarksNestKeepingDottedKeysWhereAValueIsAlsoAPrefix)
{
    const Json watermark =
        get("/_cluster/settings?include_defaults=true").json["defaults"]["cluster"]["routing"]["allocation"]["disk"]["watermark"];
    EXPECT_EQ(watermark["high"], Json("90%"));
    EXPECT_EQ(watermark["flood_stage"], Json("95%"));
    EXPECT_EQ(watermark["flood_stage.frozen"], Json("95%"));
    EXPECT_EQ(watermark["high.max_headroom"], Json("150GB"));
}

TEST_F(SimTest, PutWatermarkPersistentAndTransient)
{
    const HttpResult put_result = put("/_cluster/settings",
        R"({"persistent":{"cluster.routing.allocation.disk.watermark.high":"80%"},
            "transient":{"cluster":{"routing":{"allocation":{"disk":{"watermark":{"low":"70%"}}}}}}})");
    ASSERT_EQ(put_result.status, 200) << put_result.body;
    EXPECT_EQ(put_result.json, J(R"({"acknowledged":true,
        "persistent":{"cluster":{"routing":{"allocation":{"disk":{"watermark":{"high":"80%"}}}}}},
        "transient":{"cluster":{"routing":{"allocation":{"disk":{"watermark":{"low":"70%"}}}}}}})"));
    const Json got = get("/_cluster/settings?flat_settings=true&include_defaults=true").json;
    EXPECT_EQ(got["persistent"], J(R"({"cluster.routing.allocation.disk.watermark.high":"80%"})"));
    EXPECT_EQ(got["transient"], J(R"({"cluster.routing.allocation.disk.watermark.low":"70%"})"));
    EXPECT_EQ(got["defaults"].find("cluster.routing.allocation.disk.watermark.high"), nullptr);
    EXPECT_EQ(got["defaults"]["cluster.routing.allocation.disk.watermark.flood_stage"], Json("95%"));
    ASSERT_EQ(put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark.high":null}})").status, 200);
    EXPECT_EQ(get("/_cluster/settings?flat_settings=true").json["persistent"], J("{}"));
}

TEST_F(SimTest, MalformedWatermarkIsRefused)
{
    const HttpResult result =
        put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark.high":"lots"}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_argument_exception"));
    EXPECT_EQ(put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark.high":"0.9"}})").status, 200);
}

TEST_F(SimTest, WatermarksMustKeepTheirOrder)
{
    const HttpResult result =
        put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark.low":"95%"}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("illegal value can't update [cluster.routing.allocation.disk.watermark.low] from [85%] to [95%]"));
    EXPECT_EQ(result.json["error"]["caused_by"]["reason"], Json("low disk watermark [95%] more than high disk watermark [90%]"));
    EXPECT_EQ(get("/_cluster/settings?flat_settings=true").json["persistent"], J("{}"));
    EXPECT_EQ(put("/_cluster/settings", R"({"transient":{"cluster.routing.allocation.disk.watermark":{"low":"95%","high":"96%","flood_stage":"97%"}}})").status, 200);
}

TEST_F(SimTest, WatermarksMustNotMixPercentagesAndBytes)
{
    const HttpResult result =
        put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark.high":"100gb"}})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["caused_by"]["reason"].as_string().rfind("unable to consistently parse", 0), 0U);
    EXPECT_EQ(put("/_cluster/settings", R"({"persistent":{"cluster.routing.allocation.disk.watermark":{"low":"200gb","high":"100gb","flood_stage":"50gb"}}})").status, 200);
}

TEST_F(Sim717Test, WatermarkDefaultsIn717HaveNoHeadroom)
{
    const Json defaults = get("/_cluster/settings?include_defaults=true&flat_settings=true").json["defaults"];
    EXPECT_EQ(defaults["cluster.routing.allocation.disk.watermark.high"], Json("90%"));
    EXPECT_EQ(defaults.find("cluster.routing.allocation.disk.watermark.high.max_headroom"), nullptr);
}

}  // namespace
}  // namespace aliasing::sim::test
