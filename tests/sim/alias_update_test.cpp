// POST /_aliases, PUT and DELETE /{index}/_alias/{name} (reference §4).
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class AliasUpdateTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        create_index("c-old", 1, 0, 10, 1, 1, R"({"live":{}})");
        create_index("c-new");
    }
    Json aliases() { return get("/_alias").json; }
};

TEST_F(AliasUpdateTest, SwapIsAppliedAtomicallyAndAcknowledgedWithErrorsFalseIn815)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"live"}},{"add":{"index":"c-new","alias":"live"}}]})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"acknowledged":true,"errors":false})"));
    EXPECT_EQ(aliases(), J(R"({"c-new":{"aliases":{"live":{}}},"c-old":{"aliases":{}}})"));
}

TEST_F(AliasUpdateTest, FailingActionAppliesNothing)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"live"}},{"add":{"index":"missing","alias":"live"}}]})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"], Json("no such index [missing]"));
    EXPECT_EQ(aliases(), J(R"({"c-new":{"aliases":{}},"c-old":{"aliases":{"live":{}}}})"));
}

TEST_F(AliasUpdateTest, MustExistOnMissingAliasAnswersResourceNotFoundAndAppliesNothing)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"live"}},{"remove":{"index":"c-new","alias":"gone","must_exist":true}}]})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"resource_not_found_exception","reason":"required alias [gone] does not exist"}],"type":"resource_not_found_exception","reason":"required alias [gone] does not exist"},"status":404})"));
    EXPECT_EQ(aliases()["c-new"], J(R"({"aliases":{}})"));
}

TEST_F(AliasUpdateTest, RemovingOnlyAMissingAliasAnswersAliasesNotFound)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-new","alias":"x"}}]})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"aliases_not_found_exception","reason":"aliases [x] missing","resource.type":"aliases","resource.id":"x"}],"type":"aliases_not_found_exception","reason":"aliases [x] missing","resource.type":"aliases","resource.id":"x"},"status":404})"));
}

TEST_F(AliasUpdateTest, SeveralMissingAliasesAreListedWithSpacesAndIdArray)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-new","aliases":["b","a"]}}]})");
    EXPECT_EQ(result.json["error"]["reason"], Json("aliases [a, b] missing"));
    EXPECT_EQ(result.json["error"]["resource.id"], J(R"(["a","b"])"));
}

TEST_F(AliasUpdateTest, PartlyMissingRemoveReportsActionResultsIn815)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"a"}},{"remove":{"index":"c-new","alias":"nope"}}]})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.json, J(R"({"acknowledged":true,"errors":true,"action_results":[{"action":{"type":"add","indices":["c-new"],"aliases":["a"]},"status":200},{"action":{"type":"remove","indices":["c-new"],"aliases":["nope"]},"status":404,"error":{"type":"aliases_not_found_exception","reason":"aliases [nope] missing","resource.type":"aliases","resource.id":"nope"}}]})"));
}

TEST_F(AliasUpdateTest, IndexExpressionNamingAnAliasIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"live","alias":"x"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"The provided expression [live] matches an alias, specify the corresponding concrete indices instead."}],"type":"illegal_argument_exception","reason":"The provided expression [live] matches an alias, specify the corresponding concrete indices instead."},"status":400})"));
}

TEST_F(AliasUpdateTest, RemoveIndexOnAnAliasIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove_index":{"index":"live"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_argument_exception"));
}

TEST_F(AliasUpdateTest, RemoveIndexDeletesTheIndexWithTheSwap)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"live"}},{"remove_index":{"index":"c-old"}}]})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(aliases(), J(R"({"c-new":{"aliases":{"live":{}}}})"));
}

TEST_F(AliasUpdateTest, WildcardMatchingNoIndexAnswersIndexNotFound)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"nomatch*","alias":"x"}}]})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"], Json("no such index [nomatch*]"));
}

TEST_F(AliasUpdateTest, EmptyActionsAnswersValidationFailed)
{
    const HttpResult result = post("/_aliases", R"({"actions":[]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"action_request_validation_exception","reason":"Validation Failed: 1: Must specify at least one alias action;"}],"type":"action_request_validation_exception","reason":"Validation Failed: 1: Must specify at least one alias action;"},"status":400})"));
}

TEST_F(AliasUpdateTest, TwoOperationsInOneEntryAreRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"a"},"remove":{"index":"c-old","alias":"live"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("Too many operations declared on operation entry"));
}

TEST_F(AliasUpdateTest, IndexAndIndicesTogetherAreRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","indices":["c-old"],"alias":"a"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("Only one of [index] and [indices] is supported"));
}

TEST_F(AliasUpdateTest, MissingIndexFieldIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"alias":"a"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("One of [index] or [indices] is required"));
}

TEST_F(AliasUpdateTest, MissingAliasFieldIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("One of [alias] or [aliases] is required"));
}

TEST_F(AliasUpdateTest, EmptyIndexStringIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"","alias":"a"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("[index] can't be empty string"));
}

TEST_F(AliasUpdateTest, MustExistOnAddIsAnUnknownField)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"a","must_exist":true}}]})");
    EXPECT_EQ(result.status, 400);
}

TEST_F(AliasUpdateTest, WildcardAliasNameOnAddIsInvalid)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"a*"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json, J(R"({"error":{"root_cause":[{"type":"invalid_alias_name_exception","reason":"Invalid alias name [a*], must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]"}],"type":"invalid_alias_name_exception","reason":"Invalid alias name [a*], must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]"},"status":400})"));
}

TEST_F(AliasUpdateTest, AliasNamedLikeAnIndexIsInvalid)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"c-old"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"],
              Json("Invalid alias name [c-old]: an index or data stream exists with the same name as the alias"));
    EXPECT_EQ(result.json["error"]["index"], Json("c-new"));
}

TEST_F(AliasUpdateTest, AddStoresEveryPropertyAndGetAliasReturnsItAsElasticsearchDoes)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"tenant","filter":{"bool":{"filter":[{"term":{"tenant":"a"}}]}},"routing":"3","is_hidden":true,"is_write_index":false}}]})");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(get("/_alias/tenant").json,
              J(R"({"c-new":{"aliases":{"tenant":{"filter":{"bool":{"filter":[{"term":{"tenant":"a"}}]}},"index_routing":"3","search_routing":"3","is_write_index":false,"is_hidden":true}}}})"));
    EXPECT_NE(get("/_alias/tenant").body.find(R"("filter":{"bool")"), std::string::npos) << "filter is an object";
}

TEST_F(AliasUpdateTest, RoutingSetsBothAndALaterSpecificRoutingOverridesOne)
{
    ASSERT_EQ(post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"r","routing":"1","search_routing":"1,2"}}]})").status, 200);
    EXPECT_EQ(get("/_alias/r").json, J(R"({"c-new":{"aliases":{"r":{"index_routing":"1","search_routing":"1,2"}}}})"));
}

TEST_F(AliasUpdateTest, NumericRoutingIsStoredAsText)
{
    ASSERT_EQ(post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"r","index_routing":7}}]})").status, 200);
    EXPECT_EQ(get("/_alias/r").json, J(R"({"c-new":{"aliases":{"r":{"index_routing":"7"}}}})"));
}

TEST_F(AliasUpdateTest, EmptyFilterMeansNoFilter)
{
    ASSERT_EQ(post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"f","filter":{}}}]})").status, 200);
    EXPECT_EQ(get("/_alias/f").json, J(R"({"c-new":{"aliases":{"f":{}}}})"));
}

TEST_F(AliasUpdateTest, FilterThatIsNotAnObjectIsRefused)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"f","filter":"tenant:a"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("x_content_parse_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("[add] filter doesn't support values of type: VALUE_STRING"));
}

TEST_F(AliasUpdateTest, SeveralIndexRoutingValuesAreRefusedAndNothingApplied)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"live"}},{"add":{"index":"c-new","alias":"live","routing":"1,2"}}]})");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_argument_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("alias [live] has several index routing values associated with it"));
    EXPECT_EQ(aliases(), J(R"({"c-new":{"aliases":{}},"c-old":{"aliases":{"live":{}}}})"));
}

TEST_F(AliasUpdateTest, IsHiddenMustAgreeOnEveryIndexOfTheAlias)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"live","is_hidden":true}}]})");
    EXPECT_EQ(result.status, 500);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_state_exception"));
    EXPECT_EQ(result.json["error"]["reason"],
              Json("alias [live] has is_hidden set to true on indices [c-new] but does not have is_hidden set to true "
                   "on indices [c-old]; alias must have the same is_hidden setting on all indices"));
    EXPECT_EQ(aliases()["c-new"], J(R"({"aliases":{}})"));
}

TEST_F(AliasUpdateTest, SwapCarryingPropertiesReplacesTheOldTargetAtomically)
{
    ASSERT_EQ(put("/c-old/_alias/live", R"({"filter":{"term":{"tenant":"a"}},"routing":"1"})").status, 200);
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"live","must_exist":true}},{"add":{"index":"c-new","alias":"live","filter":{"term":{"tenant":"a"}},"index_routing":"1","search_routing":"1"}}]})");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(aliases(), J(R"({"c-new":{"aliases":{"live":{"filter":{"term":{"tenant":"a"}},"index_routing":"1","search_routing":"1"}}},"c-old":{"aliases":{}}})"));
}

TEST_F(AliasUpdateTest, TwoWriteIndicesAnswer500IllegalState)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-old","alias":"w","is_write_index":true}},{"add":{"index":"c-new","alias":"w","is_write_index":true}}]})");
    EXPECT_EQ(result.status, 500);
    EXPECT_EQ(result.json["error"]["type"], Json("illegal_state_exception"));
    EXPECT_EQ(result.json["error"]["reason"], Json("alias [w] has more than one write index [c-new,c-old]"));
}

TEST_F(AliasUpdateTest, RemoveWithWildcardAliasExpandsAgainstExistingAliases)
{
    ASSERT_EQ(post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"li*"}}]})").status, 200);
    EXPECT_EQ(aliases()["c-old"], J(R"({"aliases":{}})"));
}

TEST_F(AliasUpdateTest, AddingAnIdenticalAliasIsANoOp)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-old","alias":"live"}}]})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(aliases()["c-old"], J(R"({"aliases":{"live":{}}})"));
}

TEST_F(AliasUpdateTest, MissingBodyIsRefused)
{
    const HttpResult result = post("/_aliases");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(result.json["error"]["reason"], Json("request body is required"));
}

TEST_F(AliasUpdateTest, PutAliasAddsAndAcknowledges)
{
    const HttpResult result = put("/c-new/_alias/extra", R"({"is_write_index":true})");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(aliases()["c-new"], J(R"({"aliases":{"extra":{"is_write_index":true}}})"));
}

TEST_F(AliasUpdateTest, DeleteAliasRemoves)
{
    EXPECT_EQ(del("/c-old/_alias/live").status, 200);
    EXPECT_EQ(aliases()["c-old"], J(R"({"aliases":{}})"));
}

TEST_F(AliasUpdateTest, DeleteMissingAliasAnswersAliasesNotFound)
{
    const HttpResult result = del("/c-new/_alias/live");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["type"], Json("aliases_not_found_exception"));
}

class AliasUpdate717Test : public Sim717Test {
protected:
    void SetUp() override
    {
        Sim717Test::SetUp();
        create_index("c-old", 1, 0, 10, 1, 1, R"({"live":{}})");
        create_index("c-new");
    }
};

TEST_F(AliasUpdate717Test, SuccessIsAcknowledgedWithoutErrorsKey)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-old","alias":"live"}},{"add":{"index":"c-new","alias":"live"}}]})");
    EXPECT_EQ(result.json, J(R"({"acknowledged":true})"));
}

TEST_F(AliasUpdate717Test, MustExistAnswersResourceNotFound)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"remove":{"index":"c-new","alias":"live","must_exist":true}}]})");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.json["error"]["reason"], Json("required alias [live] does not exist"));
}

TEST_F(AliasUpdate717Test, PartlyMissingRemoveIsAcknowledgedPlainly)
{
    const HttpResult result = post("/_aliases", R"({"actions":[{"add":{"index":"c-new","alias":"a"}},{"remove":{"index":"c-new","alias":"nope"}}]})");
    EXPECT_EQ(result.json, J(R"({"acknowledged":true})"));
}

}  // namespace
}  // namespace aliasing::sim::test
