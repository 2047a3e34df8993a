// Run ids (SPEC §5). parse_run_id runs once per index name during planning (up to a million times), so the
// success path neither allocates nor uses locales, regexes or streams; only error messages allocate.
#include "aliasing/model/run_id.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace aliasing {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kNanosPerMilli = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::size_t kEpochMillisDigits = 13;
constexpr std::size_t kMaxFractionDigits = 9;
// Years whose every instant fits in int64 nanoseconds since 1970 (the range ends 1677-09-21 and 2262-04-11).
constexpr int kMinYear = 1678;
constexpr int kMaxYear = 2261;
// 2261-12-31T23:59:59.999Z: epoch milliseconds stop where the compact form's years do, so one instant is accepted
// or refused alike in both forms (int64 nanoseconds would reach 2262-04-11).
constexpr std::int64_t kMaxEpochMillis = 9'214'646'399'999;

constexpr std::string_view kAcceptedForms =
    "expected YYYYMMDD[t]HHMMSS[[.]fraction of 1-9 digits][z] such as 20261015t103000123, "
    "or 13-digit epoch milliseconds such as 1792060200000";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Value of `count` decimal digits starting at `text[at]`; the caller has checked they are digits.
int digits_value(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) value = value * 10 + (text[at + i] - '0');
    return value;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date, using 400-year eras that start on March 1st so the
// leap day is the last day of an era-year.
std::int64_t days_from_civil(int year, int month, int day) {
    const int shifted_year = month <= 2 ? year - 1 : year;
    const int era = (shifted_year >= 0 ? shifted_year : shifted_year - 399) / 400;
    const int year_of_era = shifted_year - era * 400;                    // [0, 399]
    const int month_from_march = month > 2 ? month - 3 : month + 9;      // [0, 11]
    const int day_of_year = (153 * month_from_march + 2) / 5 + day - 1;  // [0, 365]
    const int day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
    return static_cast<std::int64_t>(era) * 146097 + day_of_era - 719468;
}

struct CivilDate {
    int year;
    int month;
    int day;
};

// Inverse of days_from_civil.
CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<int>(days - era * 146097);  // [0, 146096]
    const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
    const int month_from_march = (5 * day_of_year + 2) / 153;                    // [0, 11]
    const int day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    const int month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const auto year = static_cast<int>(era * 400 + year_of_era + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

Error malformed(std::string_view run_id, std::string_view why) {
    std::string message = "run id \"";
    message.append(run_id);
    message.append("\" is malformed: ");
    message.append(why);
    message.append("; ");
    message.append(kAcceptedForms);
    return make_error(ErrorKind::Validation, std::move(message));
}

Error impossible(std::string_view run_id, const std::string& why) {
    std::string message = "run id \"";
    message.append(run_id);
    message.append("\" names an impossible date/time: ");
    message.append(why);
    return make_error(ErrorKind::Validation, std::move(message));
}

std::string two_digits(int value) {
    std::string text = std::to_string(value);
    return value < 10 ? "0" + text : text;
}

std::string unexpected_at(std::string_view run_id, std::size_t at, std::string_view expected) {
    return "unexpected '" + std::string(1, run_id[at]) + "' at position " + std::to_string(at + 1) +
           " (expected " + std::string(expected) + ")";
}

Result<RunInstant> parse_epoch_millis(std::string_view run_id) {
    std::int64_t millis = 0;
    for (const char c : run_id) millis = millis * 10 + (c - '0');
    if (millis > kMaxEpochMillis) {
        return impossible(run_id, "epoch milliseconds " + std::string(run_id) +
                                      " are after 2261-12-31T23:59:59.999Z, the latest supported instant");
    }
    return RunInstant{millis * kNanosPerMilli};
}

Result<RunInstant> parse_compact(std::string_view run_id) {
    const std::size_t size = run_id.size();
    std::size_t at = 0;
    for (; at < 8; ++at) {
        if (at >= size) return malformed(run_id, "too short for a date YYYYMMDD");
        if (!is_digit(run_id[at]))
            return malformed(run_id, unexpected_at(run_id, at, "a digit of the date YYYYMMDD"));
    }
    if (at < size && (run_id[at] == 't' || run_id[at] == 'T')) ++at;
    const std::size_t time_at = at;
    for (; at < time_at + 6; ++at) {
        if (at >= size) return malformed(run_id, "too short for a time HHMMSS after the date");
        if (!is_digit(run_id[at])) {
            return malformed(run_id,
                             unexpected_at(run_id, at,
                                           time_at == 8 && at == 8 ? "'t' or a digit of the time HHMMSS"
                                                                   : "a digit of the time HHMMSS"));
        }
    }
    bool has_dot = false;
    if (at < size && run_id[at] == '.') {
        has_dot = true;
        ++at;
    }
    const std::size_t fraction_at = at;
    while (at < size && is_digit(run_id[at])) ++at;
    const std::size_t fraction_digits = at - fraction_at;
    if (has_dot && fraction_digits == 0)
        return malformed(run_id, "'.' must be followed by 1-9 fraction digits");
    if (fraction_digits > kMaxFractionDigits) {
        return malformed(run_id,
                         "the fraction has " + std::to_string(fraction_digits) + " digits (at most 9)");
    }
    if (at < size && (run_id[at] == 'z' || run_id[at] == 'Z')) ++at;
    if (at < size) return malformed(run_id, unexpected_at(run_id, at, "a fraction digit, 'z' or the end"));

    const int year = digits_value(run_id, 0, 4);
    const int month = digits_value(run_id, 4, 2);
    const int day = digits_value(run_id, 6, 2);
    const int hour = digits_value(run_id, time_at, 2);
    const int minute = digits_value(run_id, time_at + 2, 2);
    const int second = digits_value(run_id, time_at + 4, 2);
    if (year < kMinYear || year > kMaxYear) {
        return impossible(run_id, "year " + std::to_string(year) + " is outside the supported range " +
                                      std::to_string(kMinYear) + "-" + std::to_string(kMaxYear));
    }
    if (month < 1 || month > 12)
        return impossible(run_id, "month " + two_digits(month) + " (expected 01-12)");
    if (day < 1 || day > days_in_month(year, month)) {
        return impossible(run_id, "day " + two_digits(day) + " of " + std::to_string(year) + "-" +
                                      two_digits(month) + " (that month has " +
                                      std::to_string(days_in_month(year, month)) + " days)");
    }
    if (hour > 23) return impossible(run_id, "hour " + two_digits(hour) + " (expected 00-23)");
    if (minute > 59) return impossible(run_id, "minute " + two_digits(minute) + " (expected 00-59)");
    if (second > 59) {
        return impossible(
            run_id, "second " + two_digits(second) + " (expected 00-59; leap seconds are not accepted)");
    }

    std::int64_t fraction_nanos = 0;
    for (std::size_t i = 0; i < kMaxFractionDigits; ++i) {
        fraction_nanos = fraction_nanos * 10 + (i < fraction_digits ? run_id[fraction_at + i] - '0' : 0);
    }
    const std::int64_t seconds =
        days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600LL + minute * 60LL + second;
    return RunInstant{seconds * kNanosPerSecond + fraction_nanos};
}

}  // namespace

Result<RunInstant> parse_run_id(std::string_view run_id) {
    if (run_id.empty()) return malformed(run_id, "it is empty");
    if (run_id.size() == kEpochMillisDigits) {
        bool all_digits = true;
        for (const char c : run_id) all_digits = all_digits && is_digit(c);
        if (all_digits) return parse_epoch_millis(run_id);
    }
    return parse_compact(run_id);
}

std::string format_instant(RunInstant instant) {
    std::int64_t seconds = instant.epoch_nanos / kNanosPerSecond;
    std::int64_t nanos = instant.epoch_nanos % kNanosPerSecond;
    if (nanos < 0) {
        nanos += kNanosPerSecond;
        --seconds;
    }
    std::int64_t days = seconds / kSecondsPerDay;
    std::int64_t second_of_day = seconds % kSecondsPerDay;
    if (second_of_day < 0) {
        second_of_day += kSecondsPerDay;
        --days;
    }
    const CivilDate date = civil_from_days(days);

    char buffer[40];
    std::size_t length = 0;
    auto put = [&](std::int64_t value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buffer[length + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
        length += static_cast<std::size_t>(width);
    };
    auto put_char = [&](char c) { buffer[length++] = c; };
    put(date.year, 4);
    put_char('-');
    put(date.month, 2);
    put_char('-');
    put(date.day, 2);
    put_char('T');
    put(second_of_day / 3600, 2);
    put_char(':');
    put(second_of_day / 60 % 60, 2);
    put_char(':');
    put(second_of_day % 60, 2);
    put_char('.');
    if (nanos % kNanosPerMilli == 0) {
        put(nanos / kNanosPerMilli, 3);
    } else if (nanos % 1000 == 0) {
        put(nanos / 1000, 6);
    } else {
        put(nanos, 9);
    }
    put_char('Z');
    return std::string(buffer, length);
}

}  // namespace aliasing
