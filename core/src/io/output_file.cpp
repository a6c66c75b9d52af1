#include "journeysim/output_file.h"

#include <memory>

#include "journeysim/atomic_output.h"

namespace journeysim {

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicOutputFile file(target);
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  file.commit();
}

void write_files_atomically(
    const std::vector<std::pair<std::string, std::string>>& files_and_contents) {
  std::vector<std::unique_ptr<AtomicOutputFile>> files;
  for (const auto& [target, content] : files_and_contents) {
    files.push_back(std::make_unique<AtomicOutputFile>(target));
    files.back()->stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  }
  for (const auto& file : files) {
    file->flush_to_disk();
  }
  for (const auto& file : files) {
    file->commit();
  }
}

}  // namespace journeysim
