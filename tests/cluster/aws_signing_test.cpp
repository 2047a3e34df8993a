// Where SigV4 signing takes its region, service and credentials from (aws_signing.hpp).
#include "aliasing/cluster/aws_signing.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>

namespace aliasing::cluster {
namespace {

GetEnv env_of(std::map<std::string, std::string> values) {
    return [values](std::string_view name) -> std::optional<std::string> {
        auto found = values.find(std::string(name));
        if (found == values.end()) return std::nullopt;
        return found->second;
    };
}

TEST(AwsSigning, OffUnlessAskedFor) {
    auto config = aws_signing_from({}, env_of({{"AWS_REGION", "eu-west-1"}}));
    ASSERT_TRUE(config.ok());
    EXPECT_FALSE(config->has_value());
}

TEST(AwsSigning, EnvironmentCredentialsAndRegion) {
    auto config = aws_signing_from({}, env_of({{"ALIASING_AWS_SIGV4", "1"},
                                               {"AWS_REGION", "eu-west-1"},
                                               {"AWS_ACCESS_KEY_ID", "AKID"},
                                               {"AWS_SECRET_ACCESS_KEY", "SECRET"},
                                               {"AWS_SESSION_TOKEN", "TOKEN"}}));
    ASSERT_TRUE(config.ok()) << config.error().message;
    ASSERT_TRUE(config->has_value());
    EXPECT_EQ((*config)->region, "eu-west-1");
    EXPECT_EQ((*config)->service, "es");
    EXPECT_EQ((*config)->credentials.access_key_id, "AKID");
    EXPECT_EQ((*config)->credentials.session_token, "TOKEN");
}

TEST(AwsSigning, SharedCredentialsFileProfile) {
    const std::string path = ::testing::TempDir() + "/aliasing-aws-credentials";
    std::ofstream(path) << "[default]\naws_access_key_id = DEF\naws_secret_access_key = DEFSECRET\n\n"
                           "[batch]\naws_access_key_id=BATCH\naws_secret_access_key=BATCHSECRET\n"
                           "aws_session_token=BT\n";
    AwsSigningFlags flags{true, std::string("us-east-1"), std::string("aoss")};
    auto config = aws_signing_from(flags, env_of({{"AWS_SHARED_CREDENTIALS_FILE", path}, {"AWS_PROFILE", "batch"}}));
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ((*config)->service, "aoss");
    EXPECT_EQ((*config)->credentials.access_key_id, "BATCH");
    EXPECT_EQ((*config)->credentials.secret_access_key, "BATCHSECRET");
    EXPECT_EQ((*config)->credentials.session_token, "BT");
    auto missing = aws_signing_from(flags, env_of({{"AWS_SHARED_CREDENTIALS_FILE", path}, {"AWS_PROFILE", "nope"}}));
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message.find("profile [nope]"), std::string::npos);
    std::remove(path.c_str());
}

TEST(AwsSigning, UsageErrorsNeverShowTheSecret) {
    AwsSigningFlags flags{true, std::nullopt, std::nullopt};
    auto no_region = aws_signing_from(flags, env_of({{"AWS_SECRET_ACCESS_KEY", "TOPSECRET"}}));
    ASSERT_FALSE(no_region.ok());
    EXPECT_EQ(no_region.error().kind, ErrorKind::Usage);
    auto half = aws_signing_from(flags, env_of({{"AWS_REGION", "x"}, {"AWS_SECRET_ACCESS_KEY", "TOPSECRET"}}));
    ASSERT_FALSE(half.ok());
    EXPECT_EQ(half.error().message.find("TOPSECRET"), std::string::npos);
    flags.service = "s3";
    EXPECT_FALSE(aws_signing_from(flags, env_of({{"AWS_REGION", "x"}})).ok());
}

}  // namespace
}  // namespace aliasing::cluster
