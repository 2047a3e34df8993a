// examples/demo-cluster.json as the content gates read it: customer's newest generation passes every gate
// (counts within 20% of live, mappings a superset, disk headroom), transaction's newest has a refund index 41%
// smaller than live.
#include "sim_fixture.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace aliasing::sim::test {
namespace {

class DemoClusterTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        std::ifstream file(std::string(ALIASING_SOURCE_DIR) + "/examples/demo-cluster.json");
        std::stringstream text;
        text << file.rdbuf();
        const HttpResult loaded = put("/_sim/state", text.str());
        ASSERT_EQ(loaded.status, 200) << loaded.body;
    }
    std::int64_t count(const std::string& index)
    {
        return post("/" + index + "/_refresh").status == 200 ? get("/" + index + "/_count").json["count"].as_int() : -1;
    }
    std::string live(const std::string& alias, const std::string& entity)
    {
        const HttpResult holders = get("/_alias/" + alias);
        for (const auto& [name, entry] : holders.json.as_object()) {
            if (name.find(entity + "-") != std::string::npos) {
                return name;
            }
        }
        return "";
    }
};

void field_types(const Json& mapping, const std::string& prefix, std::map<std::string, std::string>& out)
{
    const Json* properties = mapping.find("properties");
    if (properties == nullptr) {
        return;
    }
    for (const auto& [name, field] : properties->as_object()) {
        const std::string path = prefix.empty() ? name : prefix + "." + name;
        out[path] = field["type"].is_string() ? field["type"].as_string() : "object";
        field_types(field, path, out);
    }
}

TEST_F(DemoClusterTest, CustomerNewGenerationPassesCountAndMappingGates)
{
    for (const std::string entity : {"customer-2_0_0-account", "customer-2_0_0-address", "customer-2_0_0-contact",
                                     "customer-2_0_0-individual"}) {
        const std::string old_index = live("customer-prod", entity);
        const std::string new_index = entity + "-20261122t020000";
        ASSERT_FALSE(old_index.empty()) << entity;
        const double live_docs = static_cast<double>(count(old_index));
        const double new_docs = static_cast<double>(count(new_index));
        EXPECT_GE(new_docs, live_docs * 0.8) << new_index;
        EXPECT_LE(new_docs, live_docs * 1.2) << new_index;
        std::map<std::string, std::string> old_fields;
        std::map<std::string, std::string> new_fields;
        field_types(get("/" + old_index + "/_mapping").json[old_index]["mappings"], "", old_fields);
        field_types(get("/" + new_index + "/_mapping").json[new_index]["mappings"], "", new_fields);
        EXPECT_FALSE(old_fields.empty()) << old_index;
        for (const auto& [path, type] : old_fields) {
            EXPECT_EQ(new_fields[path], type) << new_index << " " << path;
        }
    }
}

TEST_F(DemoClusterTest, TransactionNewestRefundLost41PercentOfItsDocuments)
{
    const std::string old_index = live("transaction-prod", "refund");
    ASSERT_EQ(old_index, "transaction-1_0_0-refund-20261121t020000123");
    const std::int64_t live_docs = count(old_index);
    const std::int64_t new_docs = count("transaction-1_0_0-refund-20261123t020000");
    EXPECT_EQ((live_docs - new_docs) * 100 / live_docs, 41);
    const std::int64_t payment_live = count(live("transaction-prod", "payment"));
    EXPECT_GE(count("transaction-1_0_0-payment-20261123t020000"), payment_live);
}

TEST_F(DemoClusterTest, EveryNodeHasHeadroomToMergeItsLargestShardBelowTheHighWatermark)
{
    const Json nodes = get("/_cat/allocation?format=json&bytes=b&h=node,disk.used,disk.total").json;
    const Json shards = get("/_cat/shards?format=json&bytes=b&h=node,store").json;
    ASSERT_EQ(nodes.size(), 3U);
    for (const auto& node : nodes.as_array()) {
        std::int64_t largest = 0;
        for (const auto& shard : shards.as_array()) {
            if (shard["node"] == node["node"]) {
                largest = std::max<std::int64_t>(largest, std::stoll(shard["store"].as_string()));
            }
        }
        const std::int64_t used = std::stoll(node["disk.used"].as_string());
        const std::int64_t total = std::stoll(node["disk.total"].as_string());
        EXPECT_GT(largest, 0);
        EXPECT_LT((used + largest) * 100, total * 90) << node["node"].as_string();
    }
}

TEST_F(DemoClusterTest, SmokeQueryOnStoredSampleDocuments)
{
    EXPECT_EQ(post("/customer-2_0_0-individual-20261122t020000/_count",
                   R"({"query":{"match":{"customer.address.city":"Berlin"}}})").json["count"], Json(1));
}

}  // namespace
}  // namespace aliasing::sim::test
