#include "journeysim/output_file.h"

#include "journeysim/atomic_output.h"

namespace journeysim {

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicOutputFile file(target);
  file.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  file.commit();
}

}  // namespace journeysim
