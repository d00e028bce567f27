#!/usr/bin/env bash
# Keeps the man pages in step with the binary. Usage:
#   check_man_pages.sh PRESSCLIP_BINARY MAN_DIR
# MAN_DIR holds pressclip.1 and pressclip-query.7. Fails (exit 1), naming each problem, if
# - an option in the "Options:" list of 'pressclip --help' is not mentioned in pressclip.1
#   outside its COMMANDS section;
# - a command listed in 'pressclip --help' has no subsection (.SS NAME) under COMMANDS, or an
#   option in the "Options:" list of 'pressclip NAME --help' is not mentioned in it;
# - a subsection or a .TP item documents a command or an option that the binary lacks;
# - the version in the .TH line of a page is not the one 'pressclip --version' prints;
# - man or groff prints a warning for either page. This part is skipped, with a message,
#   if neither is installed (Debian: man-db, or groff-base for groff alone).
# Exit status: 0 in step, 1 out of step, 2 bad usage.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 PRESSCLIP_BINARY MAN_DIR" >&2
  exit 2
fi
binary=$1
man_dir=$2
command_page=$man_dir/pressclip.1
query_page=$man_dir/pressclip-query.7
if [[ ! -x $binary ]]; then
  echo "$0: $binary is not an executable" >&2
  exit 2
fi
for page in "$command_page" "$query_page"; do
  if [[ ! -f $page ]]; then
    echo "$0: no man page $page" >&2
    exit 2
  fi
done

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The text of a roff page as a reader sees it, one source line per line: comments dropped,
# '\-' (how roff writes a hyphen) made '-', font changes and other zero-width escapes removed.
normalise() {
  sed -e '/^\.\\"/d' -e 's/\\".*//' \
    -e 's/\\-/-/g' -e 's/\\(hy/-/g' -e 's/\\\[hy\]/-/g' \
    -e 's/\\f[BIRP1-4]//g' -e 's/\\f([A-Z][A-Z]//g' -e 's/\\f\[[^]]*\]//g' \
    -e 's/\\[&%c]//g' -e 's/\\ / /g' -e 's/\\(aq/'"'"'/g' -e 's/\\(dq/"/g' -e 's/\\e/\\/g' \
    "$1"
}

# The options of one --help text (read on standard input), one a line: the names at the
# start of each entry of its "Options:" list ("  -n,--limit N  ..." gives -n and --limit).
help_options() {
  awk 'tolower($0) ~ /^options:$/ { inside = 1; next }
       inside && /^$/ { inside = 0 }
       inside && /^  -/ { print $1 }' | tr ',' '\n' | grep -E '^-' || true
}

# The commands of the top-level --help text (standard input), one a line.
help_commands() {
  awk 'tolower($0) ~ /^subcommands:$/ { inside = 1; next }
       inside && /^$/ { inside = 0 }
       inside && /^  [a-z]/ { print $1 }'
}

# Whether the text on standard input mentions OPTION as a whole word ("-n" is not in "-name"
# nor in "--no").
mentions() {
  grep -Eq -e "(^|[^-[:alnum:]_])$1([^-[:alnum:]_]|$)"
}

# The options named in the tags of .TP items of the text on standard input, one a line.
tagged_options() {
  awk 'previous == ".TP" { print } { previous = $1 }' |
    grep -Eo -e '(^|[^-[:alnum:]_])--?[[:alpha:]][-[:alnum:]]*' | sed -E 's/^[^-]+//' || true
}

page_text=$(normalise "$command_page")

# The lines of a section (.SH NAME) or of a COMMANDS subsection (.SS NAME), without the
# heading, up to the next heading of the same or a higher level.
section() {
  awk -v name="$1" '
    /^\.SH/ { title = $0; sub(/^\.SH[ \t]+/, "", title); gsub(/"/, "", title)
              inside = (title == name); next }
    inside { print }' <<<"$page_text"
}
subsection() {
  awk -v name="$1" '
    /^\.SH/ { in_commands = ($0 ~ /^\.SH[ \t]+"?COMMANDS"?[ \t]*$/); inside = 0; next }
    /^\.SS/ { title = $0; sub(/^\.SS[ \t]+/, "", title); gsub(/"/, "", title)
              sub(/^pressclip[ \t]+/, "", title); sub(/[ \t]+$/, "", title)
              inside = in_commands && (title == name); next }
    inside { print }' <<<"$page_text"
}
subsection_names() {
  awk '/^\.SH/ { in_commands = ($0 ~ /^\.SH[ \t]+"?COMMANDS"?[ \t]*$/); next }
       in_commands && /^\.SS/ { title = $0; sub(/^\.SS[ \t]+/, "", title); gsub(/"/, "", title)
                                sub(/^pressclip[ \t]+/, "", title); print title }' <<<"$page_text"
}

# --- pressclip --help: its options and its commands --------------------------------------
top_help=$("$binary" --help)
top_options=$(help_options <<<"$top_help")
commands=$(help_commands <<<"$top_help")
if [[ -z $top_options ]]; then
  fail "found no options in '$binary --help' (has its format changed?)"
fi
if [[ -z $commands ]]; then
  fail "found no commands in '$binary --help' (has its format changed?)"
fi
if [[ -z $(section COMMANDS) ]]; then
  fail "$command_page has no COMMANDS section"
fi

outside_commands=$(awk '/^\.SH/ { in_commands = ($0 ~ /^\.SH[ \t]+"?COMMANDS"?[ \t]*$/) }
                        !in_commands { print }' <<<"$page_text")
for option in $top_options; do
  if ! mentions "$option" <<<"$outside_commands"; then
    fail "option $option of 'pressclip' (from --help) is not mentioned in $command_page outside COMMANDS"
  fi
done
for option in $(section OPTIONS | tagged_options); do
  if ! grep -qxF -e "$option" <<<"$top_options"; then
    fail "$command_page documents option $option under OPTIONS, but 'pressclip --help' has no such option"
  fi
done

# --- each command: a subsection with every option, and no option the command lacks --------
for command in $commands; do
  text=$(subsection "$command")
  if [[ -z $text ]]; then
    fail "command '$command' (from 'pressclip --help') has no subsection '.SS $command' under COMMANDS in $command_page"
    continue
  fi
  options=$(help_options < <("$binary" "$command" --help))
  if [[ -z $options ]]; then
    fail "found no options in '$binary $command --help' (has its format changed?)"
  fi
  for option in $options; do
    if ! mentions "$option" <<<"$text"; then
      fail "option $option of 'pressclip $command' (from its --help) is not mentioned in subsection '$command' of $command_page"
    fi
  done
  for option in $(tagged_options <<<"$text"); do
    if ! grep -qxF -e "$option" <<<"$options"; then
      fail "subsection '$command' of $command_page documents option $option, but 'pressclip $command --help' has no such option"
    fi
  done
done
for name in $(subsection_names); do
  if ! grep -qxF -e "$name" <<<"$commands"; then
    fail "$command_page has a subsection for '$name', which 'pressclip --help' does not list"
  fi
done

# --- the version in each page's .TH line ----------------------------------------------------
version=$("$binary" --version)
for page in "$command_page" "$query_page"; do
  if ! grep -E '^\.TH ' "$page" | grep -qF -e "\"$version\""; then
    fail "the .TH line of $page does not name \"$version\" ('$binary --version')"
  fi
done

# --- roff warnings ---------------------------------------------------------------------------
checkers=0
for page in "$command_page" "$query_page"; do
  # groff without preconv reads bytes as Latin-1: other characters need escapes (\(aq, \('e).
  if non_ascii=$(LC_ALL=C grep -n '[^[:print:][:space:]]' "$page"); then
    fail "$page has characters outside ASCII (write them as roff escapes): $non_ascii"
  fi
  if command -v man >/dev/null 2>&1; then
    checkers=$((checkers + 1))
    status=0
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l -Tutf8 "$page" 2>&1 >/dev/null) ||
      status=$?
    if [[ $status -ne 0 || -n $warnings ]]; then
      fail "man --warnings -l -Tutf8 $page (exit status $status): ${warnings:-no message}"
    fi
  fi
  if command -v groff >/dev/null 2>&1; then
    checkers=$((checkers + 1))
    status=0
    warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1) || status=$?
    if [[ $status -ne 0 || -n $warnings ]]; then
      fail "groff -man -ww -z $page (exit status $status): ${warnings:-no message}"
    fi
  fi
done
if [[ $checkers -eq 0 ]]; then
  echo "SKIP: neither man nor groff is installed, so the pages were not checked for roff" \
    "warnings (Debian packages: man-db, groff-base)"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures problem(s): the man pages in $man_dir are out of step with $binary" >&2
  exit 1
fi
if [[ $checkers -gt 0 ]]; then
  roff_result="$checkers roff check(s) found no warning"
else
  roff_result="roff checks skipped"
fi
echo "OK: $command_page describes every command and option of $binary --help; $roff_result"
