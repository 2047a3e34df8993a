// Run ids (SPEC §5; the original notes' run_id_to_timestamp and validate_run_ids).
#include "aliasing/model/run_id.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace aliasing {
namespace {

// 2026-10-15T10:30:00Z in nanoseconds since the epoch.
constexpr std::int64_t kBaseNanos = 1'792'060'200'000'000'000;

std::int64_t nanos_of(const std::string& run_id) {
    const auto parsed = parse_run_id(run_id);
    EXPECT_TRUE(parsed.ok()) << run_id << ": " << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? parsed->epoch_nanos : INT64_MIN;
}

std::string error_of(const std::string& run_id) {
    const auto parsed = parse_run_id(run_id);
    EXPECT_FALSE(parsed.ok()) << run_id << " parsed as " << (parsed.ok() ? format_instant(*parsed) : "");
    if (parsed.ok()) return "";
    EXPECT_EQ(parsed.error().kind, ErrorKind::Validation);
    return parsed.error().message;
}

// --- accepted forms
// -------------------------------------------------------------------------------------------

TEST(ParseRunId, CompactWithTAndMillisFraction) {
    EXPECT_EQ(nanos_of("20261015t103000123"), kBaseNanos + 123'000'000);
}

TEST(ParseRunId, CompactWithoutTOrFraction) {
    EXPECT_EQ(nanos_of("20261015103000"), kBaseNanos);
}

TEST(ParseRunId, CompactWithDotFractionAndZ) {
    EXPECT_EQ(nanos_of("20261015t103000.5z"), kBaseNanos + 500'000'000);
}

TEST(ParseRunId, CompactWithoutTButWithFractionDigits) {
    EXPECT_EQ(nanos_of("20261015103000123"), kBaseNanos + 123'000'000);
}

TEST(ParseRunId, CompactWithoutTButWithDotFraction) {
    EXPECT_EQ(nanos_of("20261015103000.123"), kBaseNanos + 123'000'000);
}

TEST(ParseRunId, CompactWithZOnly) {
    EXPECT_EQ(nanos_of("20261015t103000z"), kBaseNanos);
}

TEST(ParseRunId, UppercaseTAndZAreAccepted) {
    EXPECT_EQ(nanos_of("20261015T103000.250Z"), kBaseNanos + 250'000'000);
}

TEST(ParseRunId, EpochMillisOfThirteenDigits) {
    EXPECT_EQ(nanos_of("1792060200123"), kBaseNanos + 123'000'000);
}

TEST(ParseRunId, EpochMillisWithLeadingZerosIsStillThirteenDigits) {
    EXPECT_EQ(nanos_of("0000000000001"), 1'000'000);
}

TEST(ParseRunId, UnixEpochItself) {
    EXPECT_EQ(nanos_of("19700101t000000"), 0);
}

TEST(ParseRunId, InstantBeforeTheEpochIsNegative) {
    EXPECT_EQ(nanos_of("19691231t235959.5"), -500'000'000);
}

// --- fractions
// ------------------------------------------------------------------------------------------------

TEST(ParseRunId, FractionDigitsScaleByPosition) {
    EXPECT_EQ(nanos_of("20261015t103000.1") - kBaseNanos, 100'000'000);
    EXPECT_EQ(nanos_of("20261015t103000.12") - kBaseNanos, 120'000'000);
    EXPECT_EQ(nanos_of("20261015t103000.123") - kBaseNanos, 123'000'000);
    EXPECT_EQ(nanos_of("20261015t103000.1234") - kBaseNanos, 123'400'000);
    EXPECT_EQ(nanos_of("20261015t103000.12345") - kBaseNanos, 123'450'000);
    EXPECT_EQ(nanos_of("20261015t103000.123456") - kBaseNanos, 123'456'000);
    EXPECT_EQ(nanos_of("20261015t103000.1234567") - kBaseNanos, 123'456'700);
    EXPECT_EQ(nanos_of("20261015t103000.12345678") - kBaseNanos, 123'456'780);
    EXPECT_EQ(nanos_of("20261015t103000.123456789") - kBaseNanos, 123'456'789);
}

TEST(ParseRunId, FractionWithoutDotScalesTheSameAsWithDot) {
    EXPECT_EQ(nanos_of("20261015t1030005"), nanos_of("20261015t103000.5"));
    EXPECT_EQ(nanos_of("20261015t103000000000001"), kBaseNanos + 1);
}

// --- "the run id that ends on 000 ms": equal instants spelled differently
// ------------------------------------

TEST(ParseRunId, MissingFractionMeansZeroMilliseconds) {
    EXPECT_EQ(nanos_of("20261015t103000"), nanos_of("20261015t103000000"));
}

TEST(ParseRunId, AllSpellingsOfTheSameInstantAreEqual) {
    const auto expected = nanos_of("20261015t103000");
    EXPECT_EQ(nanos_of("20261015t103000000"), expected);
    EXPECT_EQ(nanos_of("20261015103000.000"), expected);
    EXPECT_EQ(nanos_of("20261015t103000z"), expected);
    EXPECT_EQ(nanos_of("20261015T103000Z"), expected);
    EXPECT_EQ(nanos_of("20261015103000"), expected);
    EXPECT_EQ(nanos_of("1792060200000"), expected);
    EXPECT_EQ(nanos_of("20261015t103000.000000000"), expected);
}

// --- ordering by instant (run_id_to_timestamp)
// -----------------------------------------------------------------

TEST(ParseRunId, OrdersByInstantNotByString) {
    // As strings "20261015t103000.5" < "20261015t103000123" ('.' sorts before '1'), but .500 s is later than
    // .123 s.
    ASSERT_LT(std::string("20261015t103000.5"), std::string("20261015t103000123"));
    EXPECT_GT(*parse_run_id("20261015t103000.5"), *parse_run_id("20261015t103000123"));
}

TEST(ParseRunId, ShortFractionIsLaterThanLongerSmallerFraction) {
    EXPECT_GT(*parse_run_id("20261015t1030009"), *parse_run_id("20261015t103000123"));
}

TEST(ParseRunId, EpochMillisOrdersAgainstCompactByInstant) {
    // "1792060200001" sorts before "2026…" as a string, but is one millisecond after 10:30:00.000.
    EXPECT_GT(*parse_run_id("1792060200001"), *parse_run_id("20261015t103000"));
    EXPECT_LT(*parse_run_id("1792060199999"), *parse_run_id("20261015t103000"));
}

TEST(ParseRunId, MissingTOrdersTheSameAsWithT) {
    EXPECT_LT(*parse_run_id("20261015t235959"), *parse_run_id("20261016000000"));
}

// --- calendar
// -------------------------------------------------------------------------------------------------

TEST(ParseRunId, LeapDayInLeapYearIsAccepted) {
    EXPECT_EQ(nanos_of("20240301t000000") - nanos_of("20240229t000000"), 86'400LL * 1'000'000'000);
}

TEST(ParseRunId, LeapDayIn2000IsAccepted) {
    EXPECT_EQ(nanos_of("20000229t000000"), 951'782'400LL * 1'000'000'000);
}

TEST(ParseRunId, LeapDayInNonLeapYearIsRejectedNamingTheDay) {
    EXPECT_NE(error_of("20260229t103000").find("day 29 of 2026-02"), std::string::npos);
}

TEST(ParseRunId, LeapDayInCenturyNotDivisibleBy400IsRejected) {
    EXPECT_NE(error_of("21000229t103000").find("day 29 of 2100-02"), std::string::npos);
}

TEST(ParseRunId, Month13IsRejectedNamingTheMonth) {
    EXPECT_NE(error_of("20261315t103000").find("month 13"), std::string::npos);
}

TEST(ParseRunId, MonthZeroIsRejected) {
    EXPECT_NE(error_of("20260015t103000").find("month 00"), std::string::npos);
}

TEST(ParseRunId, DayZeroIsRejected) {
    EXPECT_NE(error_of("20261000t103000").find("day 00"), std::string::npos);
}

TEST(ParseRunId, April31IsRejectedNamingTheDay) {
    const auto message = error_of("20260431t103000");
    EXPECT_NE(message.find("day 31 of 2026-04"), std::string::npos) << message;
    EXPECT_NE(message.find("30 days"), std::string::npos) << message;
}

TEST(ParseRunId, Hour25IsRejectedNamingTheHour) {
    EXPECT_NE(error_of("20261015t250000").find("hour 25"), std::string::npos);
}

TEST(ParseRunId, Hour24IsRejected) {
    EXPECT_NE(error_of("20261015t240000").find("hour 24"), std::string::npos);
}

TEST(ParseRunId, Minute60IsRejectedNamingTheMinute) {
    EXPECT_NE(error_of("20261015t106000").find("minute 60"), std::string::npos);
}

TEST(ParseRunId, LeapSecond60IsRejected) {
    const auto message = error_of("20261231t235960");
    EXPECT_NE(message.find("second 60"), std::string::npos) << message;
    EXPECT_NE(message.find("leap seconds"), std::string::npos) << message;
}

TEST(ParseRunId, ImpossibleDateMessageQuotesTheRunId) {
    EXPECT_NE(error_of("20261315t103000").find("\"20261315t103000\""), std::string::npos);
}

TEST(ParseRunId, YearBeyondNanosecondRangeIsRejected) {
    EXPECT_NE(error_of("23000101t000000").find("year 2300"), std::string::npos);
}

TEST(ParseRunId, EpochMillisBeyondNanosecondRangeIsRejected) {
    EXPECT_FALSE(parse_run_id("9999999999999").ok());
}

// --- garbage
// --------------------------------------------------------------------------------------------------

TEST(ParseRunId, EmptyIsRejected) {
    EXPECT_NE(error_of("").find("empty"), std::string::npos);
}

TEST(ParseRunId, SevenDigitsAreRejected) {
    EXPECT_NE(error_of("2026101").find("malformed"), std::string::npos);
}

TEST(ParseRunId, LetterOtherThanTBetweenDateAndTimeIsRejectedWithPosition) {
    const auto message = error_of("20261015x103000");
    EXPECT_NE(message.find("'x' at position 9"), std::string::npos) << message;
}

TEST(ParseRunId, TenDigitFractionIsRejected) {
    EXPECT_NE(error_of("20261015t103000.1234567890").find("10 digits"), std::string::npos);
}

TEST(ParseRunId, TenDigitFractionWithoutDotIsRejected) {
    EXPECT_NE(error_of("20261015t1030001234567890").find("10 digits"), std::string::npos);
}

TEST(ParseRunId, DotWithoutFractionDigitsIsRejected) {
    EXPECT_FALSE(parse_run_id("20261015t103000.").ok());
}

TEST(ParseRunId, DotAfterZIsRejected) {
    EXPECT_FALSE(parse_run_id("20261015t103000z.5").ok());
}

TEST(ParseRunId, TrailingGarbageIsRejected) {
    EXPECT_FALSE(parse_run_id("20261015t103000zz").ok());
}

TEST(ParseRunId, TimeCutShortIsRejected) {
    EXPECT_FALSE(parse_run_id("20261015t1030").ok());
}

TEST(ParseRunId, SeparatorsInsideTheDateAreRejected) {
    EXPECT_FALSE(parse_run_id("2026-10-15t103000").ok());
}

TEST(ParseRunId, SignIsRejected) {
    EXPECT_FALSE(parse_run_id("-1792060200000").ok());
}

TEST(ParseRunId, TwelveDigitsAreNeitherEpochMillisNorCompact) {
    EXPECT_NE(error_of("179206020000").find("malformed"), std::string::npos);
}

TEST(ParseRunId, FourteenDigitsAreReadAsCompactNotEpochMillis) {
    // 14 digits are YYYYMMDDHHMMSS; an epoch-millis value with one digit too many yields month 52.
    EXPECT_EQ(nanos_of("20261015103000"), kBaseNanos);
    EXPECT_NE(error_of("17605242000000").find("month 52"), std::string::npos);
}

TEST(ParseRunId, MalformedMessageShowsTheAcceptedForms) {
    EXPECT_NE(error_of("yesterday").find("YYYYMMDD[t]HHMMSS"), std::string::npos);
}

// --- format_instant
// ---------------------------------------------------------------------------------------------

TEST(FormatInstant, ShowsMilliseconds) {
    EXPECT_EQ(format_instant(RunInstant{kBaseNanos + 123'000'000}), "2026-10-15T10:30:00.123Z");
}

TEST(FormatInstant, ShowsZeroMillisecondsExplicitly) {
    EXPECT_EQ(format_instant(RunInstant{kBaseNanos}), "2026-10-15T10:30:00.000Z");
}

TEST(FormatInstant, ShowsMicrosecondsOnlyWhenPresent) {
    EXPECT_EQ(format_instant(RunInstant{kBaseNanos + 123'456'000}), "2026-10-15T10:30:00.123456Z");
}

TEST(FormatInstant, ShowsNanosecondsOnlyWhenPresent) {
    EXPECT_EQ(format_instant(RunInstant{kBaseNanos + 123'456'789}), "2026-10-15T10:30:00.123456789Z");
    EXPECT_EQ(format_instant(RunInstant{kBaseNanos + 1}), "2026-10-15T10:30:00.000000001Z");
}

TEST(FormatInstant, Epoch) {
    EXPECT_EQ(format_instant(RunInstant{0}), "1970-01-01T00:00:00.000Z");
}

TEST(FormatInstant, BeforeTheEpoch) {
    EXPECT_EQ(format_instant(RunInstant{-500'000'000}), "1969-12-31T23:59:59.500Z");
}

TEST(FormatInstant, LeapDay) {
    EXPECT_EQ(format_instant(*parse_run_id("20240229t235959.999")), "2024-02-29T23:59:59.999Z");
}

TEST(FormatInstant, RoundTripsEveryDayOfALeapAndANonLeapYear) {
    // Walk two years day by day so days_from_civil and its inverse are checked against each other on every
    // date.
    const auto start = parse_run_id("20231231t120000");
    ASSERT_TRUE(start.ok());
    for (int day = 0; day < 2 * 366; ++day) {
        const RunInstant instant{start->epoch_nanos + day * 86'400LL * 1'000'000'000};
        const std::string iso = format_instant(instant);
        const std::string run_id = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "t" +
                                   iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2);
        const auto reparsed = parse_run_id(run_id);
        ASSERT_TRUE(reparsed.ok()) << run_id;
        ASSERT_EQ(reparsed->epoch_nanos, instant.epoch_nanos) << iso;
    }
}

TEST(FormatInstant, LatestSupportedYear) {
    EXPECT_EQ(format_instant(*parse_run_id("22611231t235959.999999999")), "2261-12-31T23:59:59.999999999Z");
}

TEST(FormatInstant, EarliestSupportedYear) {
    EXPECT_EQ(format_instant(*parse_run_id("16780101t000000")), "1678-01-01T00:00:00.000Z");
}

}  // namespace
}  // namespace aliasing

namespace aliasing {
namespace {

// Found by fuzz_run_id: both forms accept the same range of instants, so an instant written either way parses
// (or is refused) alike. 9220405740246 ms is 2262-03-10, after the compact form's last year.
TEST(ParseRunId, EpochMillisStopWhereTheCompactFormStops) {
    EXPECT_NE(error_of("9220405740246").find("2261"), std::string::npos);
    const std::int64_t last_millis = nanos_of("22611231t235959.999") / 1'000'000;
    EXPECT_EQ(nanos_of(std::to_string(last_millis)), nanos_of("22611231t235959.999"));
    error_of(std::to_string(last_millis + 1));
    error_of("22620101t000000");
}

}  // namespace
}  // namespace aliasing
