// The sample files of each input format (tests/data/formats/), read as bytes for unit tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pressclip::test {

/// The directory of the samples.
inline const std::filesystem::path kFormatSamples =
    std::filesystem::path(PRESSCLIP_TEST_DATA_DIR) / "formats";

/// The bytes of the file at `path`, unchanged ("" if it cannot be read).
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << input.rdbuf();
  return bytes.str();
}

}  // namespace pressclip::test
