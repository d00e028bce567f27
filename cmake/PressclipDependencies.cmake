# Finds the libraries pressclip builds on and exposes each as an imported target.
find_package(PkgConfig REQUIRED)

# Xapian ships a CMake config on Debian, but it exports no imported target; wrap it.
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core>=1.4.22)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian ALIAS PkgConfig::XAPIAN)
endif()

# xxHash (XXH3) hashes article files, to tell a changed text from a touched file.
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash>=0.8)

# gumbo (Debian libgumbo-dev) parses saved web pages as browsers do (indexer/html_reader.h).
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo>=0.10)

# GMime 3 (Debian libgmime-3.0-dev) parses e-mail and netnews messages, single or in mbox
# files: MIME structure, transfer encodings, encoded words (indexer/email_message.h).
pkg_check_modules(GMIME REQUIRED IMPORTED_TARGET gmime-3.0>=3.2)

find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(yaml-cpp 0.7 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 2.1 REQUIRED)
