#include "api/disk_settings.hpp"

#include "api/errors.hpp"
#include "control/state.hpp"

#include <charconv>
#include <optional>

namespace aliasing::sim {

bool disk_key_known(const std::string& key, const Version& version)
{
    const std::string rest = key.substr(disk_prefix.size());
    if (rest == "threshold_enabled" || rest == "watermark.low" || rest == "watermark.high" ||
        rest == "watermark.flood_stage" || rest == "watermark.flood_stage.frozen" ||
        rest == "watermark.flood_stage.frozen.max_headroom" || rest == "watermark.enable_for_single_data_node") {
        return true;
    }
    return version.at_least(8, 5) && (rest == "watermark.low.max_headroom" || rest == "watermark.high.max_headroom" ||
                                      rest == "watermark.flood_stage.max_headroom");
}


void check_disk_value(const std::string& key, const std::string& value)
{
    if (key == std::string(disk_prefix) + "threshold_enabled" ||
        key == std::string(disk_prefix) + "watermark.enable_for_single_data_node") {
        if (value != "true" && value != "false") {
            throw illegal_argument("Failed to parse value [" + value + "] as only [true] or [false] are allowed.");
        }
        return;
    }
    if (key.size() > 13 && key.substr(key.size() - 13) == ".max_headroom") {
        if (!parse_byte_size(value) && value != "-1") {
            throw illegal_argument("failed to parse setting [" + key + "] with value [" + value +
                                   "] as a size in bytes: unit is missing or unrecognized");
        }
        return;
    }
    if (!value.empty() && value.back() == '%') {
        double percent = -1;
        const auto result = std::from_chars(value.data(), value.data() + value.size() - 1, percent);
        if (result.ec == std::errc() && result.ptr == value.data() + value.size() - 1 && percent >= 0 &&
            percent <= 100) {
            return;
        }
    } else if (value.find_first_not_of("0123456789.") == std::string::npos && !value.empty()) {
        double ratio = -1;
        std::from_chars(value.data(), value.data() + value.size(), ratio);
        if (ratio >= 0 && ratio <= 1) {
            return;
        }
    } else if (parse_byte_size(value)) {
        return;
    }
    throw full_error(400, "illegal_argument_exception",
                     "failed to parse setting [" + key + "] with value [" + value +
                         "] as a size in bytes: unit is missing or unrecognized");
}

std::map<std::string, std::string> disk_defaults(const Version& version)
{
    const std::string p(disk_prefix);
    std::map<std::string, std::string> out{{p + "threshold_enabled", "true"},
                {p + "watermark.low", "85%"},
                {p + "watermark.high", "90%"},
                {p + "watermark.flood_stage", "95%"},
                {p + "watermark.flood_stage.frozen", "95%"},
                {p + "watermark.flood_stage.frozen.max_headroom", "20GB"},
                {p + "watermark.enable_for_single_data_node", version.is_7x() ? "false" : "true"}};
    if (version.at_least(8, 5)) {
        out[p + "watermark.low.max_headroom"] = "200GB";
        out[p + "watermark.high.max_headroom"] = "150GB";
        out[p + "watermark.flood_stage.max_headroom"] = "100GB";
    }
    return out;
}

namespace {

/// A watermark as a used fraction (percentages, ratios) or nullopt when it is a byte size.
std::optional<double> used_fraction(const std::string& value)
{
    double number = -1;
    if (!value.empty() && value.back() == '%') {
        std::from_chars(value.data(), value.data() + value.size() - 1, number);
        return number / 100.0;
    }
    if (value.find_first_not_of("0123456789.") == std::string::npos) {
        std::from_chars(value.data(), value.data() + value.size(), number);
        return number;
    }
    return std::nullopt;
}

}  // namespace

void check_watermark_order(const std::map<std::string, std::string>& effective, const std::string& changed,
                           const std::string& old_value)
{
    const std::string p = std::string(disk_prefix) + "watermark.";
    const std::string low = effective.at(p + "low");
    const std::string high = effective.at(p + "high");
    const std::string flood = effective.at(p + "flood_stage");
    const auto low_fraction = used_fraction(low);
    const auto high_fraction = used_fraction(high);
    const auto flood_fraction = used_fraction(flood);
    std::string problem;
    if (low_fraction && high_fraction && flood_fraction) {
        if (*low_fraction > *high_fraction) {
            problem = "low disk watermark [" + low + "] more than high disk watermark [" + high + "]";
        } else if (*high_fraction > *flood_fraction) {
            problem = "high disk watermark [" + high + "] more than flood stage disk watermark [" + flood + "]";
        }
    } else if (!low_fraction && !high_fraction && !flood_fraction) {
        const auto low_free = parse_byte_size(low).value_or(0);
        const auto high_free = parse_byte_size(high).value_or(0);
        const auto flood_free = parse_byte_size(flood).value_or(0);
        if (low_free < high_free) {
            problem = "low disk watermark [" + low + "] less than high disk watermark [" + high + "]";
        } else if (high_free < flood_free) {
            problem = "high disk watermark [" + high + "] less than flood stage disk watermark [" + flood + "]";
        }
    } else {
        problem = "unable to consistently parse [" + p + "low=" + low + "], [" + p + "high=" + high + "], and [" +
                  p + "flood_stage=" + flood + "] as percentage or bytes";
    }
    if (problem.empty()) {
        return;
    }
    const Json cause = error_cause("illegal_argument_exception", problem);
    throw full_error(400, "illegal_argument_exception",
                     "illegal value can't update [" + changed + "] from [" + old_value + "] to [" +
                         effective.at(changed) + "]",
                     {}, &cause);
}

}  // namespace aliasing::sim
