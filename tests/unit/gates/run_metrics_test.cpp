// --metrics-file's text (SPEC §13): the last success survives a failed run; labels are escaped.
#include "aliasing/pipeline/run_metrics.hpp"

#include <gtest/gtest.h>

namespace aliasing {
namespace {

RunMetrics sample(int exit_code) {
    RunMetrics metrics;
    metrics.alias = "customer-prod";
    metrics.data_source = "customer";
    metrics.finished_at = 1800000000;
    metrics.exit_code = exit_code;
    metrics.step_seconds = {{"discover", 0.5}};
    return metrics;
}

TEST(RunMetrics, ASuccessfulRunIsItsOwnLastSuccess) {
    const std::string text = render_metrics(sample(0), 1700000000.0);
    EXPECT_NE(text.find("aliasing_last_success_timestamp_seconds{alias=\"customer-prod\",data_source=\"customer\"} 1800000000\n"),
              std::string::npos) << text;
    EXPECT_NE(text.find("aliasing_step_duration_seconds{alias=\"customer-prod\",data_source=\"customer\",step=\"discover\"} 0.5\n"),
              std::string::npos) << text;
}

TEST(RunMetrics, AFailedRunKeepsThePreviousSuccess) {
    const std::string first = render_metrics(sample(0), std::nullopt);
    const auto previous = previous_success(first, "customer-prod", "customer");
    ASSERT_TRUE(previous);
    EXPECT_DOUBLE_EQ(*previous, 1800000000.0);
    RunMetrics failed = sample(4);
    failed.finished_at = 1800000100;
    const std::string second = render_metrics(failed, previous);
    EXPECT_NE(second.find("aliasing_last_success_timestamp_seconds{alias=\"customer-prod\",data_source=\"customer\"} 1800000000\n"),
              std::string::npos) << second;
    EXPECT_NE(second.find("aliasing_last_run_exit_code{alias=\"customer-prod\",data_source=\"customer\"} 4\n"),
              std::string::npos) << second;
}

TEST(RunMetrics, AFailedFirstRunHasNoSuccessLine) {
    EXPECT_EQ(render_metrics(sample(6), std::nullopt).find("aliasing_last_success_timestamp_seconds{"), std::string::npos);
}

TEST(RunMetrics, LabelValuesAreEscaped) {
    RunMetrics metrics = sample(0);
    metrics.alias = "a\"b";
    EXPECT_NE(render_metrics(metrics, std::nullopt).find("alias=\"a\\\"b\""), std::string::npos);
}

}  // namespace
}  // namespace aliasing
