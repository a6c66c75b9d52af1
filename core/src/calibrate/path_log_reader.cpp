// The aggregated path format of attribution tools:
//   path,total_conversions,total_null[,total_conversion_value]
//   "search > email > site",12,340,1450.5
#include <charconv>
#include <cmath>

#include "calibrate/csv_source.h"
#include "journeysim/event_log.h"
#include "util/text.h"

namespace journeysim {
namespace {

bool whole_number(const std::string& text, uint64_t& value) {
  const std::string_view t = util::trim_blanks(text);
  if (t.empty()) {
    value = 0;
    return true;
  }
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  return ec == std::errc() && ptr == t.data() + t.size();
}

int pick(const std::vector<std::string>& header, const std::string& chosen,
         const std::vector<std::string>& defaults) {
  if (!chosen.empty()) {
    return calibrate::find_column(header, chosen);
  }
  for (const std::string& name : defaults) {
    if (const int k = calibrate::find_column(header, name); k >= 0) {
      return k;
    }
  }
  return -1;
}

}  // namespace

void read_path_log(std::istream& in, const std::string& file, const PathLogColumns& columns,
                   BadRows& bad, const std::function<void(const PathRow&)>& row) {
  calibrate::CsvSource source(in);
  std::string record;
  uint64_t line = 0;
  std::vector<std::string> fields;
  std::vector<uint32_t> starts;
  uint32_t error_column = 0;
  if (!source.next(record, line)) {
    throw InputError(SourceLocation{file, 1, 1},
                     "empty path file: expected a header such as "
                     "path,total_conversions,total_null");
  }
  if (!split_csv_record(record, fields, starts, error_column)) {
    throw InputError(SourceLocation{file, static_cast<uint32_t>(line), error_column},
                     "header: unbalanced quotes");
  }
  std::vector<std::string> header;
  for (const std::string& f : fields) {
    header.emplace_back(util::trim_blanks(f));
  }
  const int path = pick(header, columns.path, {"path", "paths"});
  const int conv = pick(header, columns.conversions, {"total_conversions", "conversions"});
  const int nulls = pick(header, columns.nulls, {"total_null", "nulls", "null"});
  const int value = pick(header, columns.value, {"total_conversion_value", "value"});
  std::vector<Diagnostic> problems;
  const SourceLocation where{file, static_cast<uint32_t>(line), 1};
  if (path < 0) {
    problems.push_back({where, "path header needs a 'path' column"});
  }
  if (conv < 0) {
    problems.push_back({where, "path header needs a 'total_conversions' column"});
  }
  if (nulls < 0) {
    problems.push_back({where, "path header needs a 'total_null' column"});
  }
  if (!columns.value.empty() && value < 0) {
    problems.push_back({where, "path header has no column '" + columns.value + "'"});
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  PathRow out;
  while (source.next(record, line)) {
    if (!split_csv_record(record, fields, starts, error_column)) {
      bad.add(line, error_column, "unbalanced quotes");
      continue;
    }
    if (fields.size() != header.size()) {
      bad.add(line, starts.back(),
              "expected " + std::to_string(header.size()) + " columns, found " +
                  std::to_string(fields.size()));
      continue;
    }
    out = PathRow{};
    out.line = line;
    const std::string& text = fields[static_cast<size_t>(path)];
    bool empty_step = false;
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('>', start);
      if (end == std::string::npos) {
        end = text.size();
      }
      std::string step(util::trim_blanks(std::string_view(text).substr(start, end - start)));
      empty_step = empty_step || step.empty();
      out.steps.push_back(std::move(step));
      start = end + 1;
    }
    if (empty_step) {
      bad.add(line, starts[static_cast<size_t>(path)], "empty step in path '" +
                                                           text.substr(0, 80) + "'");
      continue;
    }
    if (!whole_number(fields[static_cast<size_t>(conv)], out.conversions)) {
      bad.add(line, starts[static_cast<size_t>(conv)], "conversions is not a whole number");
      continue;
    }
    if (!whole_number(fields[static_cast<size_t>(nulls)], out.nulls)) {
      bad.add(line, starts[static_cast<size_t>(nulls)], "nulls is not a whole number");
      continue;
    }
    if (value >= 0) {
      const std::string_view v = util::trim_blanks(fields[static_cast<size_t>(value)]);
      if (!v.empty()) {
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out.value);
        if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(out.value) ||
            out.value < 0) {
          bad.add(line, starts[static_cast<size_t>(value)], "value is not a non-negative number");
          continue;
        }
      }
    }
    if (out.conversions > (uint64_t{1} << 53) || out.nulls > (uint64_t{1} << 53)) {
      bad.add(line, starts[static_cast<size_t>(conv)], "count too large (limit 2^53)");
      continue;
    }
    row(out);
  }
}

}  // namespace journeysim
