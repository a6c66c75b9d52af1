// A fixture giving each test a directory of its own, removed afterwards:
// where tests write scenarios, baselines and outputs.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace journeysim::testing {

class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("journeysim-" + std::string(test->test_suite_name()) + "-" +
            std::to_string(::getpid()) + "-" + test->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// The path of `name` in the test's directory.
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// Writes `text` (bytes as given) to `name` in the test's directory.
  std::filesystem::path write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return dir_ / name;
  }

  std::filesystem::path dir_;
};

}  // namespace journeysim::testing
