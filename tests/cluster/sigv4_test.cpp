// The SigV4 signer against AWS's published Signature Version 4 test suite. Test data (credentials, requests,
// canonical requests, strings to sign, signatures) from awslabs/aws-c-auth, tests/aws-signing-test-suite/v4/
// <case>/{context.json,request.txt,header-canonical-request.txt,header-string-to-sign.txt,header-signature.txt}.
#include "aliasing/cluster/sigv4.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

/// context.json of every case: AKIDEXAMPLE, us-east-1, service "service", 2015-08-30T12:36:00Z.
SigV4Config suite_config(bool sign_body = false, std::string token = {}, bool omit_token = false) {
    SigV4Config config;
    config.region = "us-east-1";
    config.service = "service";
    config.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", std::move(token)};
    config.sign_body = sign_body;
    config.omit_session_token = omit_token;
    return config;
}

constexpr std::time_t kSuiteTime = 1440938160;  // 2015-08-30T12:36:00Z

SigV4Request get(std::string path, std::string query = {}) {
    return {"GET", std::move(path), std::move(query), {{"Host", "example.amazonaws.com"}}, ""};
}

const std::string kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kScope = "20150830/us-east-1/service/aws4_request";

struct Case {
    const char* name;
    SigV4Request request;
    SigV4Config config;
    std::string canonical_request;
    std::string string_to_sign_hash;  ///< the last line of header-string-to-sign.txt
    std::string signature;            ///< header-signature.txt
};

std::vector<Case> cases() {
    const std::string plain_headers = "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n";
    const std::string token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
    const std::string sts_token =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUu"
        "wthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8Y"
        "QcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2IC"
        "CR/oLxBA==";
    SigV4Request form{"POST", "/", "",
                      {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Host", "example.amazonaws.com"},
                       {"Content-Length", "13"}},
                      "Param1=value1"};
    SigV4Request post{"POST", "/", "", {{"Host", "example.amazonaws.com"}}, ""};
    return {
        {"get-vanilla", get("/"), suite_config(), "GET\n/\n\n" + plain_headers + kEmptyHash,
         "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
         "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
        {"get-vanilla-query-order-key-case", get("/", "Param2=value2&Param1=value1"), suite_config(),
         "GET\n/\nParam1=value1&Param2=value2\n" + plain_headers + kEmptyHash,
         "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
         "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
        {"get-vanilla-query-order-encoded", get("/", "Param-3=Value3&Param=Value2&%E1%88%B4=Value1"), suite_config(),
         "GET\n/\n%E1%88%B4=Value1&Param=Value2&Param-3=Value3\n" + plain_headers + kEmptyHash,
         "868294f5c38bd141c4972a373a76654f1418a8e4fc18b2e7903ae45e8ae0ec71",
         "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"},
        {"post-x-www-form-urlencoded", form, suite_config(true),
         "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
         "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
         "x-amz-date:20150830T123600Z\n\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
         "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
         "b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb",
         "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"},
        {"get-utf8", get("/\xE1\x88\xB4"), suite_config(), "GET\n/%E1%88%B4\n\n" + plain_headers + kEmptyHash,
         "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
         "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"},
        {"get-space-normalized", get("/example space/"), suite_config(),
         "GET\n/example%20space/\n\n" + plain_headers + kEmptyHash,
         "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
         "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"},
        {"get-slash-dot-slash-normalized", get("/./"), suite_config(), "GET\n/\n\n" + plain_headers + kEmptyHash,
         "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
         "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
        {"get-relative-relative-normalized", get("/example1/example2/../.."), suite_config(),
         "GET\n/\n\n" + plain_headers + kEmptyHash,
         "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
         "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
        {"get-slashes-normalized", get("//example//"), suite_config(),
         "GET\n/example/\n\n" + plain_headers + kEmptyHash,
         "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
         "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"},
        {"get-slash-pointless-dot-normalized", get("/./example"), suite_config(),
         "GET\n/example\n\n" + plain_headers + kEmptyHash,
         "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
         "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"},
        {"get-vanilla-with-session-token", get("/"), suite_config(false, token),
         "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:" + token +
             "\n\nhost;x-amz-date;x-amz-security-token\n" + kEmptyHash,
         "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b",
         "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"},
        {"post-sts-header-before", post, suite_config(false, sts_token),
         "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:" + sts_token +
             "\n\nhost;x-amz-date;x-amz-security-token\n" + kEmptyHash,
         "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
         "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"},
        {"post-sts-header-after", post, suite_config(false, sts_token, true),
         "POST\n/\n\n" + plain_headers + kEmptyHash,
         "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
         "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"},
    };
}

TEST(SigV4, MatchesEveryCaseOfTheAwsTestSuite) {
    for (const auto& c : cases()) {
        SCOPED_TRACE(c.name);
        const SigV4Result result = sigv4_sign(c.request, c.config, kSuiteTime);
        EXPECT_EQ(result.canonical_request, c.canonical_request);
        EXPECT_EQ(result.string_to_sign, "AWS4-HMAC-SHA256\n20150830T123600Z\n" + kScope + "\n" + c.string_to_sign_hash);
        EXPECT_EQ(result.signature, c.signature);
    }
}

TEST(SigV4, AuthorizationHeaderNamesKeyScopeSignedHeadersAndSignature) {
    const SigV4Result result = sigv4_sign(get("/"), suite_config(), kSuiteTime);
    std::string authorization;
    for (const auto& [name, value] : result.headers)
        if (name == "authorization") authorization = value;
    EXPECT_EQ(authorization, "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + kScope +
                                 ", SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SigV4, SessionTokenAfterSigningIsStillSent) {
    const SigV4Result result = sigv4_sign(get("/"), suite_config(false, "tok", true), kSuiteTime);
    bool sent = false;
    for (const auto& [name, value] : result.headers) sent = sent || (name == "x-amz-security-token" && value == "tok");
    EXPECT_TRUE(sent);
}

}  // namespace
}  // namespace aliasing::cluster
