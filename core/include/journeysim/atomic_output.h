// A large output written as a stream and still atomically: into a temporary
// file beside the target, renamed over it by commit(). Destroyed without
// commit (an error, an interrupt), it leaves the old target untouched.
#pragma once

#include <filesystem>
#include <fstream>

namespace journeysim {

class AtomicOutputFile {
 public:
  /// Throws InputError naming `target` when the temporary cannot be made.
  explicit AtomicOutputFile(std::filesystem::path target);
  ~AtomicOutputFile();
  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  std::ostream& stream() { return out_; }
  /// Flushes to disk and renames over the target. Throws InputError.
  void commit();

 private:
  std::filesystem::path target_, temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace journeysim
