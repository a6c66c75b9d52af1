// Reading event logs: a CSV clickstream (one row per event) or the
// aggregated path format of attribution tools (one row per path). Both are
// read as a stream, row by row; nothing here holds more than one row.
// Bad rows are counted and kept with their line and column; under
// `strict` the first one is an InputError instead.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "journeysim/diagnostics.h"

namespace journeysim {

/// Column names of an event log. Empty optional names mean "use the column
/// with a default name when the header has one" (see docs/calibrate.md).
struct EventLogColumns {
  std::string customer;    // default: customer_id, customer, user_id, user
  std::string timestamp;   // default: timestamp, time, event_timestamp
  std::string touchpoint;  // default: touchpoint, event, event_name, activity
  std::string channel;     // optional; default: channel
  std::string segment;     // optional; default: persona, segment
  std::string revenue;     // optional; default: revenue, value
  std::string converted;   // optional; default: converted, conversion
};

/// Units of numeric (epoch) timestamps; ISO 8601 text is always accepted.
enum class EpochUnit { Seconds, Milliseconds, Microseconds };

struct EventLogOptions {
  EventLogColumns columns;
  EpochUnit epoch_unit = EpochUnit::Seconds;
  /// Events at this touchpoint convert (in addition to a conversion column).
  std::string conversion_event;
};

/// One event as read. The views point into the reader's row buffer and are
/// valid until the next call to next().
struct LogEvent {
  std::string_view customer, touchpoint, channel, segment;
  double seconds = 0.0;  // since 1970-01-01T00:00:00Z
  double revenue = 0.0;
  bool converted = false;
  uint64_t line = 0;
  uint32_t timestamp_column = 0;  // where the timestamp field starts (1-based)
};

/// A row that was not used, and why. Every one is counted.
struct BadRow {
  uint64_t line = 0;
  uint32_t column = 0;
  std::string message;
};

/// Bad rows of one file: all are counted; the first `kKept` are kept. Under
/// `strict` the first bad row throws InputError (file:line:column) instead.
class BadRows {
 public:
  static constexpr size_t kKept = 1000;
  BadRows(std::string file, bool strict) : file_(std::move(file)), strict_(strict) {}
  /// Records a bad row, or throws InputError under strict.
  void add(uint64_t line, uint32_t column, std::string message);
  uint64_t count() const { return count_; }
  const std::vector<BadRow>& kept() const { return kept_; }
  const std::string& file() const { return file_; }
  /// "file:line:column: bad row: message" for the first `limit` rows, then
  /// "... and N more".
  std::string describe(size_t limit) const;

 private:
  std::string file_;
  bool strict_;
  uint64_t count_ = 0;
  std::vector<BadRow> kept_;
};

/// Seconds since the epoch of an ISO 8601 date-time (YYYY-MM-DD, optionally
/// followed by T or a space, hh:mm[:ss[.fff]] and Z or +hh:mm / -hh:mm;
/// without a zone, UTC) or of a plain number in `unit`. False when the text
/// is neither.
bool parse_timestamp(std::string_view text, EpochUnit unit, double& seconds);

/// "YYYY-MM-DDThh:mm:ss.mmmZ" for seconds since the epoch.
std::string format_timestamp(double seconds);

/// Splits one CSV record (RFC 4180 quoting) into fields separated by
/// `separator`; `starts` gets each field's 1-based column. False when a
/// quote is not closed or text follows a closing quote (`error_column` says
/// where).
bool split_csv_record(std::string_view record, std::vector<std::string>& fields,
                      std::vector<uint32_t>& starts, uint32_t& error_column,
                      char separator = ',');

/// Reads a CSV event log row by row.
class EventLogReader {
 public:
  /// Reads the header; throws InputError when it lacks a required column or
  /// names a column given by flag that it does not have. Bad rows go to `bad`.
  EventLogReader(std::istream& in, std::string file, const EventLogOptions& options,
                 BadRows& bad);
  ~EventLogReader();
  EventLogReader(const EventLogReader&) = delete;
  EventLogReader& operator=(const EventLogReader&) = delete;

  /// The next good event; false at the end. Bad rows on the way are added
  /// to bad_rows().
  bool next(LogEvent& event);

  BadRows& bad_rows();
  uint64_t rows() const;  // data rows read, good and bad
  bool has_channel() const;
  bool has_segment() const;
  bool has_revenue() const;
  bool has_conversion() const;  // a conversion column or conversion_event

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// One row of the aggregated path format. Counts may be fractional
/// (weighted or sampled data); a reader that needs whole customers checks.
struct PathRow {
  std::vector<std::string> steps;  // "a > b > c", trimmed
  double conversions = 0.0, nulls = 0.0;
  double value = 0.0;  // total conversion value of the row
  uint64_t line = 0;
  uint32_t conversions_column = 0, nulls_column = 0;  // 1-based; 0: no null column
};

/// Columns of the path format: path, conversions (total_conversions),
/// nulls (total_null; optional: without it every path converted),
/// value (total_conversion_value; optional), and the field separator:
/// 0 detects it from the header (the most frequent of ',', ';' and tab
/// outside quotes; ',' when there is none).
struct PathLogColumns {
  std::string path, conversions, nulls, value;
  char separator = 0;
};

/// The separator of a header line: the most frequent of ',', ';' and tab
/// outside quotes (ties in that order), ',' when it has none.
char detect_separator(std::string_view header);

/// Reads every good row of a path file, calling `row` for each; bad rows
/// (empty path, empty step, counts or values that are not non-negative
/// numbers) go to `bad`. Throws InputError on a bad header.
void read_path_log(std::istream& in, const std::string& file, const PathLogColumns& columns,
                   BadRows& bad, const std::function<void(const PathRow&)>& row);

}  // namespace journeysim
