// The client closes every socket it opened, after a successful run and after failed ones (issue 4 item 1): the
// sim's open-connection count returns to the control connection alone.

#include "pipeline_fixture.hpp"

namespace aliasing::pipeline_testing {
namespace {

class Connections : public PipelineSim {};

TEST_F(Connections, NoneLeftOpenAfterASuccessfulRun) {
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 0);
    EXPECT_EQ(wait_for_open_connections(1), 1);
}

TEST_F(Connections, NoneLeftOpenAfterAFailedStep) {
    add_fault(R"({"method":"DELETE","path":"*","status":500})");
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 6);
    EXPECT_EQ(wait_for_open_connections(1), 1);
}

TEST_F(Connections, NoneLeftOpenAfterDroppedConnections) {
    add_fault(R"({"method":"PUT","path":"*","action":"drop"})");
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 6);
    EXPECT_EQ(wait_for_open_connections(1), 1);
}

TEST_F(Connections, NoneLeftOpenAfterRefusedPreflight) {
    add_fault(R"({"method":"GET","path":"/","status":500})");
    ASSERT_EQ(run(customer_job()).outcome.exit_code, 5);
    EXPECT_EQ(wait_for_open_connections(1), 1);
}

}  // namespace
}  // namespace aliasing::pipeline_testing
