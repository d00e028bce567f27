// Resolution of the index location.
#include "settings.h"

#include <cstdlib>

#include "pressclip/error.h"

namespace pressclip::cli {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

std::string resolve_database_path(const std::string& option_value) {
  if (!option_value.empty()) return option_value;
  if (std::string from_environment = environment("PRESSCLIP_DB"); !from_environment.empty()) {
    return from_environment;
  }
  // XDG base directory rules: a relative XDG_DATA_HOME is invalid and ignored.
  if (std::string data_home = environment("XDG_DATA_HOME"); data_home.starts_with('/')) {
    return data_home + "/pressclip/index";
  }
  if (std::string home = environment("HOME"); !home.empty()) {
    return home + "/.local/share/pressclip/index";
  }
  throw Error(ErrorKind::kBadArgument,
              "cannot tell where the index is: pass --db DIR or set PRESSCLIP_DB");
}

void add_database_option(CLI::App& app, std::string& target) {
  app.add_option("--db", target,
                 "Index directory (default: $PRESSCLIP_DB, else "
                 "$XDG_DATA_HOME/pressclip/index or ~/.local/share/pressclip/index)")
      ->type_name("DIR");
}

std::string database_help_footer() {
  return "The index is the directory given by --db, else $PRESSCLIP_DB, else "
         "$XDG_DATA_HOME/pressclip/index, else ~/.local/share/pressclip/index.";
}

}  // namespace pressclip::cli
