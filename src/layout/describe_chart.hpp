#pragma once
// A chart in words, in Swedish, for the Figure's /Alt: what kind of chart, what it shows and
// every figure, so a screen reader's user gets all a sighted reader does.
#include <string>

#include "finance/format_number.hpp"
#include "model/report.hpp"

namespace rapport {

// "Stapeldiagram: budget period och utfall period, tkr. Nämnd- och styrelseverksamhet: budget
// period −2 556, utfall period −2 698; …". The author's `alt:` wins.
std::string describe_chart(const Chart& chart, const NumberFormat& numbers);

// The kind in words: "Stapeldiagram", "Liggande stapeldiagram", …
std::string chart_kind_name(Chart::Kind kind);

}  // namespace rapport
