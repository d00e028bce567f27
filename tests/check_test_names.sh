#!/bin/sh
# Fails if a doctest test case name contains ';': doctest_discover_tests cuts the name there
# (';' separates CMake list items), so ctest would run no test case under that name and
# report it passed. Usage: check_test_names.sh TEST_BINARY...
status=0
for binary in "$@"; do
  if "$binary" --list-test-cases | grep -F ';'; then
    echo "^ test case names in $binary contain ';': ctest would not run them" >&2
    status=1
  fi
done
exit $status
