#include "layout/describe_chart.hpp"

#include <cmath>

namespace rapport {
namespace {

// "a", "a och b", "a, b och c".
std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : i + 1 == words.size() ? " och " : ", ") + words[i];
  return out;
}

// A series' name inside a sentence: lower-cased at its first letter unless it is an acronym
// ("LUPP-…", "DVU-…"), which keeps its capitals.
std::string in_sentence(const std::string& name) {
  if (name.size() < 2 || !(name[0] >= 'A' && name[0] <= 'Z') || (name[1] >= 'A' && name[1] <= 'Z')) return name;
  std::string out = name;
  out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

std::string figure(double value, int decimals, const NumberFormat& numbers) {
  return std::isnan(value) ? "saknas" : format_number(value, decimals, numbers);
}

}  // namespace

std::string chart_kind_name(Chart::Kind kind) {
  switch (kind) {
    case Chart::Kind::column: return "Stapeldiagram";
    case Chart::Kind::stacked: return "Staplat stapeldiagram";
    case Chart::Kind::bar: return "Liggande stapeldiagram";
    case Chart::Kind::line: return "Linjediagram";
  }
  return "Diagram";
}

std::string describe_chart(const Chart& chart, const NumberFormat& numbers) {
  if (!chart.alt.empty()) return chart.alt;
  std::vector<std::string> names;
  for (const auto& s : chart.series) names.push_back(in_sentence(s.name));
  std::string out = chart_kind_name(chart.kind) + ": " + (chart.caption.empty() ? join_words(names) : chart.caption);
  if (!chart.unit.empty()) out += ", " + chart.unit;
  out += ".";
  bool one = chart.series.size() == 1;
  std::vector<std::string> parts;
  if (chart.kind == Chart::Kind::line) {
    // A trend reads series by series: each measure over the years.
    for (size_t k = 0; k < chart.series.size(); ++k) {
      const ChartSeries& s = chart.series[k];
      std::string part = s.name + ":";
      for (size_t i = 0; i < chart.categories.size() && i < s.values.size(); ++i)
        part += (i == 0 ? " " : ", ") + chart.categories[i] + " " + figure(s.values[i], chart.decimals_of(k, i), numbers);
      parts.push_back(part);
    }
  } else {
    for (size_t i = 0; i < chart.categories.size(); ++i) {
      std::string part = chart.categories[i] + ":";
      for (size_t k = 0; k < chart.series.size(); ++k) {
        double v = i < chart.series[k].values.size() ? chart.series[k].values[i] : NAN;
        part += (k == 0 ? " " : ", ") + (one ? "" : names[k] + " ") + figure(v, chart.decimals_of(k, i), numbers);
      }
      parts.push_back(part);
    }
  }
  for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? " " : "; ") + parts[i];
  return out + ".";
}

}  // namespace rapport
