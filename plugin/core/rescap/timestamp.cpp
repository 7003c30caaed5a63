// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/timestamp.hpp"

namespace rescap {
namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil: proleptic Gregorian, no time zone
// database and no dependence on the C library's timegm.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int number(std::span<const std::uint8_t> digits, std::size_t at, std::size_t width) {
    int value = 0;
    for (std::size_t i = at; i < at + width; ++i) value = value * 10 + (digits[i] - '0');
    return value;
}

}  // namespace

std::optional<std::int64_t> parse_timestamp(std::span<const std::uint8_t> digits) {
    if (digits.size() != kTimestampLength) return std::nullopt;
    for (std::uint8_t c : digits)
        if (c < '0' || c > '9') return std::nullopt;
    const int year = number(digits, 0, 4);
    const int month = number(digits, 4, 2);
    const int day = number(digits, 6, 2);
    const int hour = number(digits, 8, 2);
    const int minute = number(digits, 10, 2);
    const int second = number(digits, 12, 2);
    // A leap second (60) is a real GMT time of day, so it is accepted.
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 60)
        return std::nullopt;
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
           minute * 60 + second;
}

}  // namespace rescap
