// The CSV event-log reader: header, column mapping, one event per row.
#include <charconv>
#include <cmath>

#include "calibrate/csv_source.h"
#include "journeysim/event_log.h"
#include "util/text.h"

namespace journeysim {
namespace {

bool parse_flag(std::string_view text, bool& value) {
  const std::string_view t = util::trim_blanks(text);
  if (t == "1" || t == "true" || t == "TRUE" || t == "True" || t == "yes" || t == "y") {
    value = true;
    return true;
  }
  if (t.empty() || t == "0" || t == "false" || t == "FALSE" || t == "False" || t == "no" ||
      t == "n") {
    value = false;
    return true;
  }
  return false;
}

bool parse_money(std::string_view text, double& value) {
  const std::string_view t = util::trim_blanks(text);
  if (t.empty()) {
    value = 0.0;
    return true;
  }
  const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  return ec == std::errc() && ptr == t.data() + t.size() && std::isfinite(value) && value >= 0;
}

}  // namespace

class EventLogReader::Impl {
 public:
  Impl(std::istream& in, std::string file, const EventLogOptions& options, BadRows& bad)
      : source_(in), bad_(bad), file_(std::move(file)), options_(options) {
    std::string record;
    uint64_t line = 0;
    if (!source_.next(record, line)) {
      throw InputError(SourceLocation{file_, 1, 1},
                       "empty event log: expected a header such as "
                       "customer_id,timestamp,touchpoint");
    }
    uint32_t error_column = 0;
    if (!split_csv_record(record, fields_, starts_, error_column)) {
      throw InputError(SourceLocation{file_, static_cast<uint32_t>(line), error_column},
                       "header: unbalanced quotes");
    }
    for (std::string& f : fields_) {
      f = std::string(util::trim_blanks(f));
    }
    header_ = fields_;
    const EventLogColumns& c = options.columns;
    customer_ = column(c.customer, {"customer_id", "customer", "user_id", "user"}, true, line);
    timestamp_ = column(c.timestamp, {"timestamp", "time", "event_timestamp"}, true, line);
    touchpoint_ =
        column(c.touchpoint, {"touchpoint", "event", "event_name", "activity"}, true, line);
    channel_ = column(c.channel, {"channel"}, false, line);
    segment_ = column(c.segment, {"persona", "segment"}, false, line);
    revenue_ = column(c.revenue, {"revenue", "value"}, false, line);
    converted_ = column(c.converted, {"converted", "conversion"}, false, line);
    if (!problems_.empty()) {
      throw InputError(std::move(problems_));
    }
  }

  bool next(LogEvent& event) {
    std::string_view unused;
    uint64_t line = 0;
    while (source_.next(record_, line)) {
      ++rows_;
      uint32_t error_column = 0;
      if (!split_csv_record(record_, fields_, starts_, error_column)) {
        bad_.add(line, error_column, "unbalanced quotes");
        continue;
      }
      if (fields_.size() != header_.size()) {
        bad_.add(line, starts_.back(),
                 "expected " + std::to_string(header_.size()) + " columns, found " +
                     std::to_string(fields_.size()));
        continue;
      }
      event = LogEvent{};
      event.line = line;
      event.customer = field(customer_);
      if (util::trim_blanks(event.customer).empty()) {
        bad_.add(line, starts_[customer_], "missing customer id");
        continue;
      }
      event.touchpoint = field(touchpoint_);
      if (util::trim_blanks(event.touchpoint).empty()) {
        bad_.add(line, starts_[touchpoint_], "missing touchpoint");
        continue;
      }
      event.timestamp_column = starts_[timestamp_];
      const std::string stamp(util::trim_blanks(field(timestamp_)));
      if (!parse_timestamp(stamp, options_.epoch_unit, event.seconds)) {
        bad_.add(line, starts_[timestamp_],
                 "unparseable timestamp '" + stamp.substr(0, 64) +
                     "' (expected ISO 8601 or epoch seconds)");
        continue;
      }
      event.channel = channel_ >= 0 ? field(channel_) : unused;
      event.segment = segment_ >= 0 ? field(segment_) : unused;
      if (revenue_ >= 0 && !parse_money(field(revenue_), event.revenue)) {
        bad_.add(line, starts_[revenue_], "revenue is not a non-negative number");
        continue;
      }
      if (converted_ >= 0 && !parse_flag(field(converted_), event.converted)) {
        bad_.add(line, starts_[converted_], "conversion flag is not 0/1/true/false");
        continue;
      }
      if (!options_.conversion_event.empty() && event.touchpoint == options_.conversion_event) {
        event.converted = true;
      }
      return true;
    }
    return false;
  }

  BadRows& bad_rows() { return bad_; }
  uint64_t rows() const { return rows_; }
  bool has_channel() const { return channel_ >= 0; }
  bool has_segment() const { return segment_ >= 0; }
  bool has_revenue() const { return revenue_ >= 0; }
  bool has_conversion() const { return converted_ >= 0 || !options_.conversion_event.empty(); }

 private:
  std::string_view field(int k) const { return fields_[static_cast<size_t>(k)]; }

  int column(const std::string& chosen, const std::vector<std::string>& defaults, bool required,
             uint64_t line) {
    const SourceLocation where{file_, static_cast<uint32_t>(line), 1};
    if (!chosen.empty()) {
      const int k = calibrate::find_column(header_, chosen);
      if (k < 0) {
        problems_.push_back({where, "header has no column '" + chosen + "'" +
                                        did_you_mean(chosen, header_) +
                                        " (columns: " + util::join(header_, ", ") + ")"});
      }
      return k;
    }
    for (const std::string& name : defaults) {
      if (const int k = calibrate::find_column(header_, name); k >= 0) {
        return k;
      }
    }
    if (required) {
      problems_.push_back({where, "header has none of the columns " + util::join(defaults, ", ") +
                                      "; name the column with a flag (columns: " +
                                      util::join(header_, ", ") + ")"});
    }
    return -1;
  }

  calibrate::CsvSource source_;
  BadRows& bad_;
  std::string file_;
  EventLogOptions options_;
  std::vector<std::string> header_, fields_;
  std::vector<uint32_t> starts_;
  std::vector<Diagnostic> problems_;
  std::string record_;
  int customer_ = -1, timestamp_ = -1, touchpoint_ = -1, channel_ = -1, segment_ = -1,
      revenue_ = -1, converted_ = -1;
  uint64_t rows_ = 0;
};

EventLogReader::EventLogReader(std::istream& in, std::string file, const EventLogOptions& options,
                               BadRows& bad)
    : impl_(std::make_unique<Impl>(in, std::move(file), options, bad)) {}
EventLogReader::~EventLogReader() = default;
bool EventLogReader::next(LogEvent& event) { return impl_->next(event); }
BadRows& EventLogReader::bad_rows() { return impl_->bad_rows(); }
uint64_t EventLogReader::rows() const { return impl_->rows(); }
bool EventLogReader::has_channel() const { return impl_->has_channel(); }
bool EventLogReader::has_segment() const { return impl_->has_segment(); }
bool EventLogReader::has_revenue() const { return impl_->has_revenue(); }
bool EventLogReader::has_conversion() const { return impl_->has_conversion(); }

}  // namespace journeysim
