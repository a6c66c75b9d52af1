// CSV records and the bad-row ledger shared by the log readers.
#include <algorithm>

#include "calibrate/csv_source.h"
#include "journeysim/event_log.h"

namespace journeysim {

bool split_csv_record(std::string_view record, std::vector<std::string>& fields,
                      std::vector<uint32_t>& starts, uint32_t& error_column,
                      char separator) {
  fields.clear();
  starts.clear();
  size_t pos = 0;
  while (true) {
    starts.push_back(static_cast<uint32_t>(pos + 1));
    std::string field;
    if (pos < record.size() && record[pos] == '"') {
      ++pos;
      bool closed = false;
      while (pos < record.size()) {
        const char c = record[pos++];
        if (c == '"') {
          if (pos < record.size() && record[pos] == '"') {
            field.push_back('"');
            ++pos;
          } else {
            closed = true;
            break;
          }
        } else {
          field.push_back(c);
        }
      }
      if (!closed) {
        error_column = starts.back();
        return false;
      }
      if (pos < record.size() && record[pos] != separator) {
        error_column = static_cast<uint32_t>(pos + 1);
        return false;
      }
    } else {
      const size_t end = std::min(record.find(separator, pos), record.size());
      field.assign(record.substr(pos, end - pos));
      pos = end;
    }
    fields.push_back(std::move(field));
    if (pos >= record.size()) {
      return true;
    }
    ++pos;  // the separator
  }
}

void BadRows::add(uint64_t line, uint32_t column, std::string message) {
  if (strict_) {
    throw InputError(SourceLocation{file_, static_cast<uint32_t>(std::min<uint64_t>(line, UINT32_MAX)),
                                    column},
                     "bad row: " + message);
  }
  ++count_;
  if (kept_.size() < kKept) {
    kept_.push_back(BadRow{line, column, std::move(message)});
  }
}

std::string BadRows::describe(size_t limit) const {
  std::string out;
  const size_t shown = std::min(limit, kept_.size());
  for (size_t k = 0; k < shown; ++k) {
    const BadRow& row = kept_[k];
    out += file_ + ":" + std::to_string(row.line) + ":" + std::to_string(row.column) +
           ": bad row: " + row.message + "\n";
  }
  if (count_ > shown) {
    out += "... and " + std::to_string(count_ - shown) + " more bad rows\n";
  }
  return out;
}

namespace calibrate {

bool CsvSource::next(std::string& record, uint64_t& line) {
  while (std::getline(in_, physical_)) {
    ++line_;
    if (line_ == 1 && physical_.rfind("\xEF\xBB\xBF", 0) == 0) {
      physical_.erase(0, 3);
    }
    if (!physical_.empty() && physical_.back() == '\r') {
      physical_.pop_back();
    }
    if (physical_.empty()) {
      continue;
    }
    line = line_;
    record = physical_;
    // An odd number of quotes so far: a quoted field goes on to the next line.
    size_t quotes = static_cast<size_t>(std::count(record.begin(), record.end(), '"'));
    while (quotes % 2 == 1 && std::getline(in_, physical_)) {
      ++line_;
      if (!physical_.empty() && physical_.back() == '\r') {
        physical_.pop_back();
      }
      record += '\n';
      record += physical_;
      quotes += static_cast<size_t>(std::count(physical_.begin(), physical_.end(), '"'));
    }
    return true;
  }
  return false;
}

int find_column(const std::vector<std::string>& header, std::string_view name) {
  for (size_t k = 0; k < header.size(); ++k) {
    if (header[k] == name) {
      return static_cast<int>(k);
    }
  }
  return -1;
}

}  // namespace calibrate
}  // namespace journeysim
