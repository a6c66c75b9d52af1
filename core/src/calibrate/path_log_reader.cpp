// The aggregated path format of attribution tools:
//   path,total_conversions,total_null[,total_conversion_value]
//   "search > email > site",12,340,1450.5
// as ChannelAttribution writes it too (`;`-separated, its own column names),
// with the null column optional and counts that may be fractional.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "calibrate/csv_source.h"
#include "journeysim/event_log.h"
#include "util/text.h"

namespace journeysim {
namespace {

bool is_reserved_state(const std::string& step) {
  return step == "(start)" || step == "(conversion)" || step == "(null)";
}

// A non-negative finite number; an empty field is 0.
bool non_negative_number(const std::string& text, double& value) {
  const std::string_view t = util::trim_blanks(text);
  if (t.empty()) {
    value = 0.0;
    return true;
  }
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  return ec == std::errc() && ptr == t.data() + t.size() && std::isfinite(value) && value >= 0.0;
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

std::string separator_name(char separator) {
  return separator == '\t' ? "tab" : std::string("'") + separator + "'";
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) {
    out += (out.empty() ? "'" : ", '") + n + "'";
  }
  return out;
}

// "expected a column named 'path' or 'paths' (or name it with --path-column)"
// for a default, or "no column 'x' (given by --path-column)" for a flag.
std::string missing_column(const std::string& role, const std::string& chosen,
                           const std::vector<std::string>& defaults, const std::string& flag) {
  if (!chosen.empty()) {
    return "path header has no column '" + chosen + "' (given by " + flag + ")";
  }
  std::string names;
  for (size_t k = 0; k < defaults.size(); ++k) {
    names += (k == 0 ? "'" : (k + 1 == defaults.size() ? " or '" : ", '")) + defaults[k] + "'";
  }
  return "path header needs a " + role + " column: expected one named " + names +
         " (or name it with " + flag + ")";
}

}  // namespace

char detect_separator(std::string_view header) {
  size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : header) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted) {
      comma += c == ',' ? 1 : 0;
      semicolon += c == ';' ? 1 : 0;
      tab += c == '\t' ? 1 : 0;
    }
  }
  if (semicolon > comma && semicolon >= tab) {
    return ';';
  }
  if (tab > comma && tab > semicolon) {
    return '\t';
  }
  return ',';
}

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
  const char separator = columns.separator != 0 ? columns.separator : detect_separator(record);
  if (!split_csv_record(record, fields, starts, error_column, separator)) {
    throw InputError(SourceLocation{file, static_cast<uint32_t>(line), error_column},
                     "header: unbalanced quotes");
  }
  std::vector<std::string> header;
  for (const std::string& f : fields) {
    header.emplace_back(util::trim_blanks(f));
  }
  const std::vector<std::string> path_names{"path", "paths"};
  const std::vector<std::string> conv_names{"total_conversions", "conversions"};
  const std::vector<std::string> null_names{"total_null", "nulls", "null"};
  const int path = pick(header, columns.path, path_names);
  const int conv = pick(header, columns.conversions, conv_names);
  const int nulls = pick(header, columns.nulls, null_names);
  const int value = pick(header, columns.value, {"total_conversion_value", "value"});
  std::vector<Diagnostic> problems;
  const SourceLocation where{file, static_cast<uint32_t>(line), 1};
  const std::string found = "; the header has " + listed(header) + " (separated by " +
                            separator_name(separator) + ")";
  if (path < 0) {
    problems.push_back(
        {where, missing_column("path", columns.path, path_names, "--path-column") + found});
  }
  if (conv < 0) {
    problems.push_back({where, missing_column("conversions", columns.conversions, conv_names,
                                              "--conversions-column") +
                                   found});
  }
  if (!columns.nulls.empty() && nulls < 0) {
    problems.push_back(
        {where, missing_column("nulls", columns.nulls, null_names, "--nulls-column") + found});
  }
  if (!columns.value.empty() && value < 0) {
    problems.push_back({where, missing_column("value", columns.value, {}, "--value-column") +
                                   found});
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  PathRow out;
  while (source.next(record, line)) {
    if (!split_csv_record(record, fields, starts, error_column, separator)) {
      bad.add(line, error_column, "unbalanced quotes");
      continue;
    }
    if (fields.size() != header.size()) {
      bad.add(line, starts.back(),
              "expected " + std::to_string(header.size()) + " fields separated by " +
                  separator_name(separator) + ", found " + std::to_string(fields.size()));
      continue;
    }
    out = PathRow{};
    out.line = line;
    const std::string& text = fields[static_cast<size_t>(path)];
    // Channel names reach JSON, HTML and TOML, which all need UTF-8.
    if (const size_t at = util::invalid_utf8_at(text); at != std::string_view::npos) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[at]));
      bad.add(line, starts[static_cast<size_t>(path)] + static_cast<uint32_t>(at),
              std::string("byte ") + byte + " in the path is not UTF-8: expected channel names "
                                            "in UTF-8 text");
      continue;
    }
    bool empty_step = false;
    std::string reserved;
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('>', start);
      if (end == std::string::npos) {
        end = text.size();
      }
      std::string step(util::trim_blanks(std::string_view(text).substr(start, end - start)));
      empty_step = empty_step || step.empty();
      if (reserved.empty() && is_reserved_state(step)) {
        reserved = step;
      }
      out.steps.push_back(std::move(step));
      start = end + 1;
    }
    if (!reserved.empty()) {
      // The chain's own states: a channel by that name would be read as the
      // conversion (or the start, or a loss) itself.
      bad.add(line, starts[static_cast<size_t>(path)],
              "step '" + reserved +
                  "' is a name the attribution chain keeps for its own states ((start), "
                  "(conversion), (null)): rename the channel");
      continue;
    }
    if (empty_step) {
      bad.add(line, starts[static_cast<size_t>(path)],
              "empty step in path '" + text.substr(0, 80) +
                  "': expected channel names separated by '>'");
      continue;
    }
    out.conversions_column = starts[static_cast<size_t>(conv)];
    if (!non_negative_number(fields[static_cast<size_t>(conv)], out.conversions)) {
      bad.add(line, out.conversions_column,
              "conversions '" + fields[static_cast<size_t>(conv)].substr(0, 40) +
                  "': expected a non-negative number");
      continue;
    }
    if (nulls >= 0) {
      out.nulls_column = starts[static_cast<size_t>(nulls)];
      if (!non_negative_number(fields[static_cast<size_t>(nulls)], out.nulls)) {
        bad.add(line, out.nulls_column,
                "nulls '" + fields[static_cast<size_t>(nulls)].substr(0, 40) +
                    "': expected a non-negative number");
        continue;
      }
    }
    constexpr double kMaxCount = 9007199254740992.0;  // 2^53: sums of counts stay exact
    if (out.conversions > kMaxCount || out.nulls > kMaxCount) {
      bad.add(line, out.conversions > kMaxCount ? out.conversions_column : out.nulls_column,
              "count too large: expected at most 2^53");
      continue;
    }
    if (value >= 0 &&
        !non_negative_number(fields[static_cast<size_t>(value)], out.value)) {
      bad.add(line, starts[static_cast<size_t>(value)],
              "value '" + fields[static_cast<size_t>(value)].substr(0, 40) +
                  "': expected a non-negative number");
      continue;
    }
    row(out);
  }
}

}  // namespace journeysim
