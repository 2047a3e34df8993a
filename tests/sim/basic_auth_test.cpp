// --basic-auth USER:PASSWORD: the simulator demands basic auth like a cluster with security on, so the tool's
// per-cluster credentials are proven by a server that refuses the wrong ones, not by reading headers back.
#include "sim_fixture.hpp"

namespace aliasing::sim::test {
namespace {

class SimBasicAuthTest : public SimTest {
protected:
    ServerOptions options() const override
    {
        ServerOptions given;
        given.basic_auth = "etl:s3cret";
        return given;
    }
};

TEST_F(SimBasicAuthTest, TheRightCredentialsAreServed)
{
    const HttpResult result = request("GET", "/", "", "", {{"Authorization", "Basic ZXRsOnMzY3JldA=="}});  // etl:s3cret
    EXPECT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json["version"]["number"], Json("8.15.0"));
}

TEST_F(SimBasicAuthTest, NoCredentialsAre401WithTheChallenge)
{
    const HttpResult result = get("/_cat/indices");
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.json["error"]["type"], Json("security_exception"));
    EXPECT_EQ(result.json["error"]["reason"],
              Json("missing authentication credentials for REST request [/_cat/indices]"));
    EXPECT_EQ(result.header("WWW-Authenticate"), "Basic realm=\"security\", charset=\"UTF-8\"");
}

TEST_F(SimBasicAuthTest, AWrongPasswordOrAnotherSchemeIsRefused)
{
    const HttpResult wrong = request("GET", "/", "", "", {{"Authorization", "Basic ZXRsOndyb25n"}});  // etl:wrong
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(wrong.json["error"]["reason"], Json("unable to authenticate user [etl] for REST request [/]"));
    EXPECT_EQ(request("GET", "/", "", "", {{"Authorization", "ApiKey abc"}}).status, 401);
}

TEST_F(SimBasicAuthTest, TheSimControlsStayOpen)
{
    EXPECT_EQ(get("/_sim/requests").status, 200);
}

}  // namespace
}  // namespace aliasing::sim::test
