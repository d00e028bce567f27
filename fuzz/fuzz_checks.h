// What a fuzz target does when a property it checks does not hold: report it and abort, so
// that libFuzzer (or the replay driver) records the input as a crash.
#pragma once

#include <cstdio>
#include <cstdlib>

/// Aborts with `what` on standard error unless `condition` holds.
inline void fuzz_require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz property violated: %s\n", what);
  std::abort();
}
