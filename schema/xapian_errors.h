// Translation of Xapian, ICU-side and standard exceptions into pressclip::Error.
#pragma once

#include <string_view>

namespace pressclip::schema {

/// Call only inside a catch block: rethrows the exception being handled as a
/// pressclip::Error whose message starts with `context` ("cannot open index '...'").
/// A pressclip::Error is rethrown unchanged.
[[noreturn]] void rethrow_as_error(std::string_view context);

}  // namespace pressclip::schema
