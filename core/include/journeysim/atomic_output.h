// A large output written as a stream and still atomically: into a temporary
// file beside the target, renamed over it by commit(). Destroyed without
// commit (an error, an interrupt), it leaves the old target untouched.
// A target that is a character device or a FIFO (/dev/null, /dev/stdout, a
// named pipe; output_path.h) is never replaced: it is opened and written in
// place, and commit() checks that every byte went out.
#pragma once

#include <filesystem>
#include <fstream>

#include <sys/types.h>

#include "journeysim/output_path.h"

namespace journeysim {

class AtomicOutputFile {
 public:
  /// Throws InputError naming `target` when it cannot be written (see
  /// resolve_output_path) or the temporary cannot be made.
  explicit AtomicOutputFile(std::filesystem::path target);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  std::ostream& stream() { return out_; }
  /// Checks that every byte was written and flushes the temporary to disk,
  /// without touching the target: what can fail, short of the rename, fails
  /// here. Throws InputError.
  void flush_to_disk();
  /// flush_to_disk() if not done, then renames over the target (a file).
  /// Throws InputError.
  void commit();

 private:
  std::filesystem::path given_;  // as named, for messages
  OutputPath resolved_;
  std::filesystem::path temporary_;  // empty for a stream
  mode_t mode_ = 0600;               // given to the temporary before the rename
  std::ofstream out_;
  int held_ = -1;  // the temporary's slot in held_temporaries.h
  bool flushed_ = false;
  bool committed_ = false;
};

}  // namespace journeysim
