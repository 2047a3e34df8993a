// Every request the tool sends maps to the privilege README "Privileges" lists for it.
#include "aliasing/cluster/es_error.hpp"
#include "aliasing/cluster/privileges.hpp"

#include <gtest/gtest.h>

namespace aliasing::cluster {
namespace {

TEST(RequiredPrivilege, EachRequestNamesItsPrivilegeAndTarget) {
    EXPECT_EQ(required_privilege(Method::Get, "/"), "the cluster privilege [monitor]");
    EXPECT_EQ(required_privilege(Method::Get, "/_cat/indices/customer-2_0_0-*?format=json&h=index"),
              "the cluster privilege [monitor] and the index privilege [monitor] on [customer-2_0_0-*]");
    EXPECT_EQ(required_privilege(Method::Get, "/_alias/customer-prod"),
              "the index privilege [view_index_metadata] on [customer-prod]");
    EXPECT_EQ(required_privilege(Method::Get, "/customer-2_0_0-*/_alias"),
              "the index privilege [view_index_metadata] on [customer-2_0_0-*]");
    EXPECT_EQ(required_privilege(Method::Post, "/a-1/_forcemerge?max_num_segments=2"),
              "the index privilege [maintenance] on [a-1]");
    EXPECT_EQ(required_privilege(Method::Put, "/a-1%2Cb-1/_settings"), "the index privilege [manage] on [a-1,b-1]");
    EXPECT_EQ(required_privilege(Method::Delete, "/a-1%2Cb-1"), "the index privilege [delete_index] on [a-1,b-1]");
    EXPECT_EQ(required_privilege(Method::Get, "/_cluster/health/a-1?wait_for_status=green"),
              "the cluster privilege [monitor]");
    EXPECT_EQ(required_privilege(Method::Get, "/_tasks/node:1"), "the cluster privilege [monitor]");
    EXPECT_EQ(required_privilege(Method::Post, "/_aliases"),
              "the index privilege [manage] on [the alias and every index it is moved from or to]");
    EXPECT_EQ(required_privilege(Method::Put, "/aliasing-locks/_create/customer-prod"),
              "the index privileges [create_doc, create_index] on [aliasing-locks]");
    EXPECT_EQ(required_privilege(Method::Get, "/aliasing-locks/_doc/customer-prod"),
              "the index privilege [read] on [aliasing-locks]");
    EXPECT_EQ(required_privilege(Method::Delete, "/aliasing-locks/_doc/customer-prod?if_seq_no=1&if_primary_term=1"),
              "the index privilege [delete] on [aliasing-locks]");
}

TEST(ResponseFailure, ForbiddenIsUnreachableNamingThePrivilegeNotARetry) {
    HttpResponse forbidden;
    forbidden.status = 403;
    forbidden.body = R"({"error":{"type":"security_exception","reason":"action [x] is unauthorized"},"status":403})";
    const Error error = response_failure(Method::Get, "/_tasks/n:1", forbidden);
    EXPECT_EQ(error.kind, ErrorKind::Unreachable);
    EXPECT_NE(error.message.find("authorization failed: GET /_tasks/n:1 failed: 403 security_exception"),
              std::string::npos) << error.message;
    EXPECT_NE(error.message.find("the cluster privilege [monitor]"), std::string::npos) << error.message;
}

TEST(ResponseFailure, UnauthenticatedIsUnreachableNamingTheCredentials) {
    HttpResponse unauthenticated;
    unauthenticated.status = 401;
    unauthenticated.body = R"({"error":{"type":"security_exception","reason":"missing credentials"}})";
    const Error error = response_failure(Method::Get, "/", unauthenticated);
    EXPECT_EQ(error.kind, ErrorKind::Unreachable);
    EXPECT_NE(error.message.find("ALIASING_ES_API_KEY"), std::string::npos) << error.message;
}

TEST(ResponseFailure, OtherStatusesKeepTheGivenKind) {
    HttpResponse bad;
    bad.status = 400;
    bad.body = R"({"error":{"type":"illegal_argument_exception","reason":"no"}})";
    EXPECT_EQ(response_failure(Method::Get, "/x", bad).kind, ErrorKind::StepFailed);
}

}  // namespace
}  // namespace aliasing::cluster
