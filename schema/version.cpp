// The versions of the library as loaded, for programs that link it dynamically.
#include "pressclip/version.h"

namespace pressclip {

const char* library_version() noexcept { return kVersion; }

int result_format_version() noexcept { return kResultFormatVersion; }

}  // namespace pressclip
