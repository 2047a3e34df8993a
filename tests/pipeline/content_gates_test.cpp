// The content gates in a run against the simulator (SPEC §13): refresh first, document counts against the live
// index, mapping, smoke query, disk headroom. A refused gate is exit 4 with the numbers and nothing changed (the
// refresh is the only write before it).

#include "pipeline_fixture.hpp"

#include "aliasing/cluster/index_path.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <functional>
#include <sstream>

namespace aliasing::pipeline_testing {
namespace {

using Poco::JSON::Object;

const std::string kNewIndividual = std::string("customer-2_0_0-individual-") + kNewRun;
const std::string kLiveIndividual = std::string("customer-2_0_0-individual-") + kOldRun;

Object::Ptr parse(const std::string& json) {
    Poco::JSON::Parser parser;
    return parser.parse(json).extract<Object::Ptr>();
}

/// The example customer state, changed by `edit` (rows by index name; the whole document).
std::string customer_state_with(const std::function<void(Object::Ptr&, std::map<std::string, Object::Ptr>&)>& edit) {
    auto document = parse(customer_state());
    std::map<std::string, Object::Ptr> rows;
    auto array = document->getArray("cat_indices");
    for (std::size_t i = 0; i < array->size(); ++i) {
        auto row = array->getObject(static_cast<unsigned>(i));
        rows[row->getValue<std::string>("index")] = row;
    }
    edit(document, rows);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(document, out);
    return out.str();
}

std::string with_counts(std::uint64_t live, std::uint64_t now) {
    return customer_state_with([&](Object::Ptr&, std::map<std::string, Object::Ptr>& rows) {
        rows[kLiveIndividual]->set("docs.count", std::to_string(live));
        rows[kNewIndividual]->set("docs.count", std::to_string(now));
    });
}

void set_mapping(Object::Ptr& document, const std::string& index, const std::string& properties) {
    if (!document->has("mappings")) document->set("mappings", Object::Ptr(new Object));
    document->getObject("mappings")->set(index, parse(R"({"mappings":{"properties":)" + properties + "}}"));
}

class ContentGatesRun : public PipelineSim {
protected:
    Job quick_job() {
        Job job = customer_job();
        job.forcemerge_new = false;
        job.new_replicas.reset();
        return job;
    }

    void expect_nothing_changed(const NormalState& before) {
        EXPECT_EQ(state(), before) << state().describe();
        for (const auto& request : requests()) {
            const bool read = request.method == "GET" || request.path.ends_with("/_refresh") ||
                              request.path.ends_with("/_count") || request.path.starts_with("/aliasing-locks");
            EXPECT_TRUE(read) << request.method << " " << request.path << " before a refused gate";
        }
    }
};

TEST_F(ContentGatesRun, DropBeyondTheLimitIsRefusedWithTheNumbersAndNothingChanges) {
    load(with_counts(2041118, 1204332));
    const NormalState before = state();
    const RunResult result = run(quick_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.log;
    EXPECT_EQ(result.outcome.message,
              kNewIndividual + " has 1,204,332 documents, 41% fewer than the live " + kLiveIndividual +
                  " (2,041,118); max_docs_drop_pct is 20");
    EXPECT_NE(result.log.find("max_docs_drop_pct: refused"), std::string::npos) << result.log;
    expect_nothing_changed(before);
}

TEST_F(ContentGatesRun, DropExactlyAtTheLimitPromotes) {
    load(with_counts(1000, 800));
    const RunResult result = run(quick_job());
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_EQ(state().alias_targets(kAlias), generation(kNewRun));
    EXPECT_NE(result.plan.find("max_docs_drop_pct: passed"), std::string::npos) << result.plan;
}

TEST_F(ContentGatesRun, OneDocumentBelowTheDropLimitIsRefused) {
    load(with_counts(1000, 799));
    const NormalState before = state();
    EXPECT_EQ(run(quick_job()).outcome.exit_code, 4);
    expect_nothing_changed(before);
}

TEST_F(ContentGatesRun, EmptyNewIndexIsRefusedByDefault) {
    load(with_counts(1000, 0));
    const RunResult result = run(quick_job());
    EXPECT_EQ(result.outcome.exit_code, 4);
    EXPECT_NE(result.outcome.message.find("has 0 documents, fewer than min_docs 1"), std::string::npos)
        << result.outcome.message;
}

TEST_F(ContentGatesRun, UnrefreshedDocumentsAreCountedAfterTheRefreshTheRunSends) {
    load(customer_state_with([](Object::Ptr& document, std::map<std::string, Object::Ptr>& rows) {
        rows[kNewIndividual]->set("docs.count", "0");
        rows[kNewIndividual]->set("unrefreshed_docs", "8828543");
        document->set("settings", parse(R"({")" + kNewIndividual +
                                        R"(":{"settings":{"index":{"refresh_interval":"-1"}}}})"));
    }));
    const RunResult result = run(quick_job());
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    const std::set<std::string> names = generation(kNewRun);
    const auto refreshes =
        requests_to("POST", "/" + cluster::join_index_names({names.begin(), names.end()}) + "/_refresh");
    EXPECT_EQ(refreshes.size(), 1u);
}

TEST_F(ContentGatesRun, DryRunDoesNotRefreshAndJudgesTheCountsAsTheyAre) {
    load(with_counts(2041118, 1204332));
    PipelineOptions options;
    options.execution = Execution::DryRun;
    const RunResult result = run(quick_job(), options);
    EXPECT_EQ(result.outcome.exit_code, 4);
    for (const auto& request : requests()) EXPECT_FALSE(request.path.ends_with("/_refresh")) << request.path;
}

TEST_F(ContentGatesRun, ChangedFieldTypeIsRefusedNamingTheField) {
    load(customer_state_with([](Object::Ptr& document, std::map<std::string, Object::Ptr>&) {
        set_mapping(document, kLiveIndividual, R"({"customer":{"properties":{"address":{"properties":{"zip":{"type":"keyword"}}}}}})");
        set_mapping(document, kNewIndividual, R"({"customer":{"properties":{"address":{"properties":{"zip":{"type":"text"}}}}}})");
    }));
    const NormalState before = state();
    const RunResult result = run(quick_job());
    EXPECT_EQ(result.outcome.exit_code, 4) << result.log;
    EXPECT_NE(result.outcome.message.find("customer.address.zip: keyword → text"), std::string::npos)
        << result.outcome.message;
    expect_nothing_changed(before);
}

TEST_F(ContentGatesRun, ExtraFieldPassesSupersetAndIsRefusedByExact) {
    const std::string state_document = customer_state_with([](Object::Ptr& document, std::map<std::string, Object::Ptr>&) {
        set_mapping(document, kLiveIndividual, R"({"name":{"type":"text"}})");
        set_mapping(document, kNewIndividual, R"({"name":{"type":"text"},"nickname":{"type":"keyword"}})");
    });
    load(state_document);
    Job job = quick_job();
    job.gates.mapping_check = MappingCheck::Exact;
    const RunResult exact = run(job);
    EXPECT_EQ(exact.outcome.exit_code, 4);
    EXPECT_NE(exact.outcome.message.find("nickname: not in the live mapping (keyword)"), std::string::npos)
        << exact.outcome.message;
    load(state_document);
    const RunResult superset = run(quick_job());
    EXPECT_EQ(superset.outcome.exit_code, 0) << superset.outcome.message;
}

TEST_F(ContentGatesRun, SmokeQueryAtMinHitsPassesAndOneMoreIsRefused) {
    // match_all counts docs.count: the new individual index has 1,000, every other new index more.
    load(with_counts(1000, 1000));
    Job job = quick_job();
    job.gates.smoke_query = SmokeQuery{R"({"match_all":{}})", 1000, true};
    const RunResult at = run(job);
    EXPECT_EQ(at.outcome.exit_code, 0) << at.outcome.message << "\n" << at.log;
    EXPECT_EQ(requests_to("POST", "/" + kNewIndividual + "/_count").size(), 1u);

    load(with_counts(1000, 1000));
    job.gates.smoke_query->min_hits = 1001;
    const NormalState before = state();
    const RunResult above = run(job);
    EXPECT_EQ(above.outcome.exit_code, 4);
    EXPECT_EQ(above.outcome.message, "the smoke query found 1,000 hits in " + kNewIndividual + "; min_hits is 1,001");
    expect_nothing_changed(before);
}

TEST_F(ContentGatesRun, SmokeQueryOverAllNewIndicesTogether) {
    load(with_counts(1000, 1000));
    Job job = quick_job();
    constexpr std::uint64_t kTogether = 1000 + 3459834 + 715827 + 16941259;  // the four new indices
    job.gates.smoke_query = SmokeQuery{R"({"match_all":{}})", kTogether, false};
    const RunResult at = run(job);
    EXPECT_EQ(at.outcome.exit_code, 0) << at.outcome.message;
    load(with_counts(1000, 1000));
    job.gates.smoke_query->min_hits = kTogether + 1;
    const RunResult above = run(job);
    EXPECT_EQ(above.outcome.exit_code, 4);
    EXPECT_NE(above.outcome.message.find("hits in the 4 new indices together"), std::string::npos) << above.outcome.message;
}

std::string with_disk(const std::string& used) {
    return customer_state_with([&](Object::Ptr& document, std::map<std::string, Object::Ptr>&) {
        Poco::JSON::Array::Ptr nodes = new Poco::JSON::Array;
        for (int n = 1; n <= 3; ++n)
            nodes->add(parse(R"({"node":"sim-node-)" + std::to_string(n) + R"(","disk.total":"1000000000000","disk.used":")" +
                             used + R"("})"));
        document->set("cat_allocation", nodes);
    });
}

TEST_F(ContentGatesRun, ForceMergeThatWouldCrossTheHighWatermarkIsRefused) {
    load(with_disk("899000000000"));  // 89.9% used; a shard to merge is several GB
    Job job = quick_job();
    job.forcemerge_new = true;
    const NormalState before = state();
    const RunResult result = run(job);
    EXPECT_EQ(result.outcome.exit_code, 4) << result.log;
    EXPECT_NE(result.outcome.message.find("not enough free disk to force-merge: sim-node-"), std::string::npos)
        << result.outcome.message;
    EXPECT_NE(result.outcome.message.find("the high watermark is 90%"), std::string::npos) << result.outcome.message;
    expect_nothing_changed(before);

    load(with_disk("899000000000"));
    job.gates.disk_check = false;
    EXPECT_EQ(run(job).outcome.exit_code, 0);
}

TEST_F(ContentGatesRun, ForceMergeWithRoomPasses) {
    load(with_disk("100000000000"));
    Job job = quick_job();
    job.forcemerge_new = true;
    const RunResult result = run(job);
    EXPECT_EQ(result.outcome.exit_code, 0) << result.outcome.message << "\n" << result.log;
    EXPECT_NE(result.plan.find("disk_check: passed"), std::string::npos) << result.plan;
}

}  // namespace
}  // namespace aliasing::pipeline_testing
