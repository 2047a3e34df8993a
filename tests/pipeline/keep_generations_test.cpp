// keep_generations keeps what it promises (docs/ownership.md R4, R5), end to end: a run promotes a generation that
// adds an entity, and `rollback` then returns to the generation the alias pointed to before the run.

#include "pipeline_fixture.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace aliasing::pipeline_testing {
namespace {

const std::string kPhone = std::string("customer-2_0_0-phone-") + kNewRun;

/// The example customer state, with the new generation adding a `phone` index that no older generation has.
std::string state_with_new_entity() {
    Poco::JSON::Parser parser;
    auto document = parser.parse(customer_state()).extract<Poco::JSON::Object::Ptr>();
    auto rows = document->getArray("cat_indices");
    Poco::JSON::Object::Ptr phone = new Poco::JSON::Object(*rows->getObject(0));
    phone->set("index", kPhone);
    rows->add(phone);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(document, out);
    return out.str();
}

class KeepGenerations : public PipelineSim {
protected:
    bool real_cluster_capable() const override { return true; }
};

TEST_F(KeepGenerations, TheLiveGenerationSurvivesAPromotionThatAddsAnEntityAndRollbackReturnsToIt) {
    load(state_with_new_entity());
    Job job = customer_job();
    job.keep_generations = 1;
    const RunResult promoted = run(job);
    ASSERT_EQ(promoted.outcome.exit_code, 0) << promoted.outcome.message << "\n" << promoted.log;
    std::set<std::string> new_generation = generation(kNewRun);
    new_generation.insert(kPhone);
    const NormalState after_run = state();
    ASSERT_EQ(after_run.alias_targets(kAlias), new_generation);
    for (const auto& name : generation(kOldRun)) EXPECT_TRUE(after_run.indices.count(name)) << "deleted " << name;
    for (const auto& name : generation(kOlderRun)) EXPECT_FALSE(after_run.indices.count(name)) << "kept " << name;
    EXPECT_NE(promoted.plan.find("new entity (in the new generation, not in the live one): phone"), std::string::npos)
        << promoted.plan;

    PipelineOptions options;
    options.mode = PipelineMode::Rollback;
    const RunResult rolled = run(job, options);
    EXPECT_EQ(rolled.outcome.exit_code, 0) << rolled.outcome.message << "\n" << rolled.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kOldRun));
    EXPECT_EQ(state().names(), after_run.names()) << "rollback deleted something";
}

}  // namespace
}  // namespace aliasing::pipeline_testing
