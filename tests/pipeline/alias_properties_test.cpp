// Alias properties and foreign alias targets through a real promotion against the in-process sim: a filtered,
// routed alias stays filtered (read back with GET _alias), per-entity filters go to their entity's new index, a
// property that cannot be carried and foreign targets are refused before any change unless the job says otherwise.
// Real-cluster capable (ALIASING_TEST_ES_URL): names go through named(), and "nothing changed" compares the state.

#include "pipeline_fixture.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace aliasing::pipeline_testing {
namespace {

using cluster::Method;

const char* const kEntities[] = {"individual", "address", "contact", "account"};

std::string index_of(const std::string& entity, const std::string& run_id) {
    return "customer-2_0_0-" + entity + "-" + run_id;
}

std::string filter_for(const std::string& entity) { return R"({"term":{"kind":")" + entity + R"("}})"; }

class AliasPropertiesTest : public PipelineSim {
protected:
    bool real_cluster_capable() const override { return true; }
    // Re-adds the alias on the live generation with the given properties per entity (an `add` replaces them).
    void set_live_properties(const std::map<std::string, std::string>& properties_by_entity) {
        std::string actions = R"({"actions":[)";
        for (const auto& [entity, properties] : properties_by_entity) {
            actions += R"({"add":{"index":")" + named(index_of(entity, kOldRun)) + R"(","alias":")" + named(kAlias) + "\"" +
                       (properties.empty() ? "" : "," + properties) + "}},";
        }
        actions.back() = ']';
        post_aliases(actions + "}");
    }
    void post_aliases(const std::string& actions) {
        const auto response = control(Method::Post, "/_aliases", actions);
        ASSERT_EQ(response.status, 200) << response.body;
        clear_requests();
    }
    // GET /_alias/customer-prod from the sim: index → its properties object.
    std::map<std::string, Poco::JSON::Object::Ptr> read_alias() {
        const auto response = control(Method::Get, "/_alias/" + named(kAlias));
        std::map<std::string, Poco::JSON::Object::Ptr> out;
        if (response.status != 200) return out;
        Poco::JSON::Parser parser;
        const auto body = parser.parse(response.body).extract<Poco::JSON::Object::Ptr>();
        for (const auto& [index, entry] : *body)
            out[unprefixed(index)] = entry.extract<Poco::JSON::Object::Ptr>()->getObject("aliases")->getObject(named(kAlias));
        return out;
    }
    // Sets the live properties, promotes, and reads the alias back: entity → its new index's alias properties
    // (empty unless the run succeeded and the alias points to exactly the new generation).
    std::map<std::string, Poco::JSON::Object::Ptr> promote_and_read_back(
        const std::map<std::string, std::string>& properties, std::string& plan) {
        set_live_properties(properties);
        const RunResult result = run(customer_job());
        plan = result.plan;
        EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
        const auto alias = read_alias();
        std::map<std::string, Poco::JSON::Object::Ptr> by_entity;
        for (const char* entity : kEntities) {
            const auto found = alias.find(index_of(entity, kNewRun));
            if (found != alias.end()) by_entity[entity] = found->second;
        }
        EXPECT_EQ(alias.size(), by_entity.size()) << "the alias points to more than the new generation";
        return by_entity;
    }
    static std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key) {
        if (!object || !object->has(key)) return "(absent)";
        if (object->isObject(key)) {
            std::ostringstream out;
            Poco::JSON::Stringifier::stringify(object->getObject(key), out);
            return out.str();
        }
        return object->get(key).toString();
    }
    // On a real cluster there is no request log: what is left to compare is the state.
    bool changed_nothing(const NormalState& before) {
        for (const auto& request : on_real_cluster() ? std::vector<LoggedRequest>{} : requests()) {
            if (request.method != "GET" && request.method != "HEAD") {
                ADD_FAILURE() << request.method << " " << request.path << " was sent by a refused run";
                return false;
            }
        }
        return state() == before;
    }
    Job job_with(ForeignAliasTargets policy) {
        Job job = customer_job();
        job.foreign_alias_targets = policy;
        return job;
    }
};

TEST_F(AliasPropertiesTest, FilteredAliasWithRoutingStaysFilteredAfterAPromotion) {
    std::map<std::string, std::string> properties;
    for (const char* entity : kEntities) properties[entity] = R"("filter":{"term":{"tenant":"eu"}},"routing":"2")";
    std::string plan;
    const auto promoted = promote_and_read_back(properties, plan);
    ASSERT_EQ(promoted.size(), 4u);
    for (const auto& [entity, alias] : promoted) {
        EXPECT_EQ(text(alias, "filter"), R"({"term":{"tenant":"eu"}})") << entity << ": the alias lost its filter";
        EXPECT_EQ(text(alias, "index_routing"), "2") << entity;
        EXPECT_EQ(text(alias, "search_routing"), "2") << entity;
    }
    EXPECT_NE(plan.find(R"(with filter {"term":{"tenant":"eu"}}, routing 2)"), std::string::npos) << plan;
}

TEST_F(AliasPropertiesTest, EachEntityKeepsItsOwnFilter) {
    std::map<std::string, std::string> properties;
    for (const char* entity : kEntities) properties[entity] = R"("filter":)" + filter_for(entity);
    properties["account"] += R"(,"is_write_index":true)";
    std::string plan;
    const auto promoted = promote_and_read_back(properties, plan);
    ASSERT_EQ(promoted.size(), 4u);
    for (const auto& [entity, alias] : promoted) {
        EXPECT_EQ(text(alias, "filter"), filter_for(entity)) << entity;
        EXPECT_EQ(text(alias, "is_write_index"), entity == "account" ? "true" : "(absent)") << entity;
    }
}

TEST_F(AliasPropertiesTest, WriteIndexThatWouldLandOnSeveralNewIndicesIsRefusedWithNothingChanged) {
    // The alias is on one index only, the write index: carried to four new indices it would be four write indices.
    std::string actions = R"({"actions":[)";
    for (const char* entity : kEntities) {
        if (std::string(entity) == "individual") continue;
        actions += R"({"remove":{"index":")" + named(index_of(entity, kOldRun)) + R"(","alias":")" + named(kAlias) + R"("}},)";
    }
    actions += R"({"add":{"index":")" + named(index_of("individual", kOldRun)) + R"(","alias":")" + named(kAlias) +
               R"(","is_write_index":true}}]})";
    post_aliases(actions);
    const NormalState before = state();
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("is_write_index true on 4 indices"), std::string::npos)
        << result.outcome.message;
    EXPECT_TRUE(changed_nothing(before)) << state().describe();
    EXPECT_EQ(text(read_alias()[index_of("individual", kOldRun)], "is_write_index"), "true");
}

TEST_F(AliasPropertiesTest, RollbackCarriesThePropertiesBack) {
    std::map<std::string, std::string> properties;
    for (const char* entity : kEntities) properties[entity] = R"("filter":)" + filter_for(entity) + R"(,"is_hidden":true)";
    set_live_properties(properties);
    Job job = customer_job();
    job.keep_generations = 1;
    ASSERT_EQ(run(job).outcome.exit_code, 0);
    PipelineOptions options;
    options.mode = PipelineMode::Rollback;
    const RunResult rolled = run(job, options);
    ASSERT_EQ(rolled.outcome.exit_code, 0) << rolled.outcome.message << "\n" << rolled.log;
    const auto alias = read_alias();
    ASSERT_EQ(alias.size(), 4u);
    for (const char* entity : kEntities) {
        const auto found = alias.find(index_of(entity, kOldRun));
        ASSERT_NE(found, alias.end()) << entity;
        EXPECT_EQ(text(found->second, "filter"), filter_for(entity)) << entity;
        EXPECT_EQ(text(found->second, "is_hidden"), "true") << entity;
    }
}

class ForeignTargetsTest : public AliasPropertiesTest {
protected:
    void SetUp() override {
        AliasPropertiesTest::SetUp();
        if (IsSkipped() || HasFatalFailure()) return;  // e.g. a one-node real cluster
        post_aliases(R"({"actions":[{"add":{"index":")" + named("other-index") + R"(","alias":")" + named(kAlias) +
                     R"("}}]})");
    }
};

TEST_F(ForeignTargetsTest, AreRefusedByDefaultNamingThemWithNothingChanged) {
    const NormalState before = state();
    const RunResult result = run(customer_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.outcome.message.find("[" + named("other-index") + "]"), std::string::npos) << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("foreign_alias_targets"), std::string::npos);
    EXPECT_TRUE(changed_nothing(before)) << state().describe();
}

TEST_F(ForeignTargetsTest, KeepLeavesThemBehindTheAliasAndTheRunVerifies) {
    const RunResult result = run(job_with(ForeignAliasTargets::Keep));
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    std::set<std::string> expected = generation(kNewRun);
    expected.insert("other-index");
    EXPECT_EQ(state().alias_targets(kAlias), expected) << state().describe();
    for (const auto& request : on_real_cluster() ? std::vector<LoggedRequest>{} : requests()) {
        if (request.method == "POST" && request.path == "/_aliases") continue;
        EXPECT_EQ(request.path.find("other-index"), std::string::npos) << request.method << " " << request.path;
    }
    EXPECT_NE(result.plan.find("keep   [" + named(kAlias) + "] on   " + named("other-index")), std::string::npos)
        << result.plan;
    // Run again: already live, the kept target does not count as a change.
    const RunResult again = run(job_with(ForeignAliasTargets::Keep));
    EXPECT_EQ(again.outcome.exit_code, 3) << again.outcome.message << "\n" << again.log;
}

TEST_F(ForeignTargetsTest, RemoveTakesThemOffTheAliasButNeverDeletesThem) {
    const RunResult result = run(job_with(ForeignAliasTargets::Remove));
    ASSERT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    const NormalState after = state();
    EXPECT_EQ(after.alias_targets(kAlias), generation(kNewRun));
    ASSERT_TRUE(after.indices.count("other-index")) << "a foreign target was deleted";
    EXPECT_EQ(after.indices.at("other-index").aliases, (std::set<std::string>{"other-alias"}));  // unprefixed
    EXPECT_NE(result.plan.find("foreign_alias_targets=remove"), std::string::npos) << result.plan;
}

}  // namespace
}  // namespace aliasing::pipeline_testing
