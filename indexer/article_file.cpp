// Reading an article file's bytes.
#include "indexer/article_file.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "pressclip/error.h"

namespace pressclip::indexer {

std::string read_article_file(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    throw Error(ErrorKind::kIo, std::string("cannot read: ") + std::strerror(errno));
  }
  input.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(input.tellg());
  if (size > kMaxArticleBytes) {
    throw Error(ErrorKind::kBadArgument,
                "file of " + std::to_string(size >> 20) + " MiB is larger than an article can be");
  }
  input.seekg(0);
  std::string content(size, '\0');
  if (!input.read(content.data(), static_cast<std::streamsize>(size))) {
    throw Error(ErrorKind::kIo, "read error");
  }
  return content;
}

}  // namespace pressclip::indexer
