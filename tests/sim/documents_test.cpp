// Single-document APIs for lock documents: _create, _doc with op_type=create, GET, DELETE with if_seq_no.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

TEST_F(SimTest, CreateDocumentAnswers201AndAutoCreatesTheIndex)
{
    const HttpResult result = put("/locks/_create/job-1", R"({"owner":"me"})");
    EXPECT_EQ(result.status, 201);
    EXPECT_EQ(result.json, J(R"({"_index":"locks","_id":"job-1","_version":1,"result":"created","_shards":{"total":2,"successful":2,"failed":0},"_seq_no":0,"_primary_term":1})"));
    EXPECT_EQ(head("/locks").status, 200);
}

TEST_F(SimTest, CreateExistingDocumentAnswers409)
{
    ASSERT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").status, 201);
    const HttpResult result = put("/locks/_doc/job-1?op_type=create", R"({"owner":"you"})");
    EXPECT_EQ(result.status, 409);
    EXPECT_EQ(result.json["error"]["type"], Json("version_conflict_engine_exception"));
    EXPECT_EQ(result.json["error"]["reason"],
              Json("[job-1]: version conflict, document already exists (current version [1])"));
    EXPECT_EQ(result.json["error"]["index"], Json("locks"));
    EXPECT_EQ(result.json["error"]["shard"], Json("0"));
}

TEST_F(SimTest, GetDocumentAnswersSourceSeqNoAndPrimaryTerm)
{
    ASSERT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").status, 201);
    EXPECT_EQ(get("/locks/_doc/job-1").json, J(R"({"_index":"locks","_id":"job-1","_version":1,"_seq_no":0,"_primary_term":1,"found":true,"_source":{"owner":"me"}})"));
}

TEST_F(SimTest, GetMissingDocumentAnswersFoundFalse)
{
    ASSERT_EQ(put("/locks").status, 200);
    const HttpResult result = get("/locks/_doc/nope");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"_index":"locks","_id":"nope","found":false})"));
}

TEST_F(SimTest, GetDocumentInMissingIndexAnswersIndexNotFound)
{
    EXPECT_EQ(get("/nope/_doc/1").json["error"]["type"], Json("index_not_found_exception"));
}

TEST_F(SimTest, DeleteDocumentWithMatchingSeqNoSucceeds)
{
    ASSERT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").status, 201);
    const HttpResult result = del("/locks/_doc/job-1?if_seq_no=0&if_primary_term=1");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"_index":"locks","_id":"job-1","_version":2,"result":"deleted","_shards":{"total":2,"successful":2,"failed":0},"_seq_no":1,"_primary_term":1})"));
    EXPECT_EQ(get("/locks/_doc/job-1").status, 404);
}

TEST_F(SimTest, DeleteDocumentWithStaleSeqNoAnswers409)
{
    ASSERT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").status, 201);
    ASSERT_EQ(put("/locks/_doc/job-1", R"({"owner":"me","renewed":true})").status, 200);
    const HttpResult result = del("/locks/_doc/job-1?if_seq_no=0&if_primary_term=1");
    EXPECT_EQ(result.status, 409);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("[job-1]: version conflict, required seqNo [0], primary term [1]. current document has seqNo [1] "
                   "and primary term [1]"));
}

TEST_F(SimTest, DeleteMissingDocumentAnswersNotFound)
{
    ASSERT_EQ(put("/locks").status, 200);
    const HttpResult result = del("/locks/_doc/nope");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["result"], Json("not_found"));
}

TEST_F(SimTest, RecreatedDocumentContinuesTheVersion)
{
    ASSERT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").status, 201);
    ASSERT_EQ(del("/locks/_doc/job-1").status, 200);
    const HttpResult result = put("/locks/_create/job-1", R"({"owner":"you"})");
    EXPECT_EQ(result.status, 201);
    EXPECT_EQ(result.json["_version"], Json(3));
}

TEST_F(Sim717Test, DocumentBodiesCarryTypeIn717)
{
    EXPECT_EQ(put("/locks/_create/job-1", R"({"owner":"me"})").json["_type"], Json("_doc"));
}

TEST_F(SimTest, AutoCreateIndexFalseRefusesADocumentInAMissingIndexLikeElasticsearch)
{
    ASSERT_EQ(put("/_cluster/settings", R"({"persistent":{"action.auto_create_index":"false"}})").status, 200);
    const HttpResult result = put("/aliasing-locks/_create/customer-prod", R"({"owner":"me"})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("index_not_found_exception"));
    EXPECT_EQ(result.json["error"]["reason"],
              Json("no such index [aliasing-locks] and [action.auto_create_index] is [false]"));
    EXPECT_EQ(result.json["error"]["index"], Json("aliasing-locks"));
    EXPECT_EQ(head("/aliasing-locks").status, 404) << "nothing was created";
    EXPECT_EQ(get("/_cluster/settings?flat_settings=true").json["persistent"]["action.auto_create_index"], Json("false"));
}

TEST_F(SimTest, AutoCreateIndexFalseStillWritesIntoAnExistingIndex)
{
    ASSERT_EQ(put("/aliasing-locks").status, 200);
    ASSERT_EQ(put("/_cluster/settings", R"({"persistent":{"action":{"auto_create_index":false}}})").status, 200);
    EXPECT_EQ(put("/aliasing-locks/_create/customer-prod", R"({"owner":"me"})").status, 201);
}

TEST_F(SimTest, AutoCreateIndexPatternListDecidesByTheFirstMatch)
{
    ASSERT_EQ(put("/_cluster/settings", R"({"persistent":{"action.auto_create_index":"-aliasing-*,+logs-*"}})").status, 200);
    EXPECT_EQ(put("/logs-1/_doc/a", R"({"x":1})").status, 201);
    const HttpResult excluded = put("/aliasing-locks/_doc/a", R"({"x":1})");
    EXPECT_EQ(excluded.status, 404);
    EXPECT_EQ(excluded.json["error"]["reason"],
              Json("no such index [aliasing-locks] and [action.auto_create_index] contains [-aliasing-*] which forbids "
                   "automatic creation of the index"));
    EXPECT_EQ(put("/other/_doc/a", R"({"x":1})").json["error"]["reason"],
              Json("no such index [other] and [action.auto_create_index] ([-aliasing-*,+logs-*]) doesn't match"));
}

}  // namespace
}  // namespace aliasing::sim::test
