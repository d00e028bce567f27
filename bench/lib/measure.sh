# Measurement helpers for the system scripts (sourced): whole-process time and memory.
set -Eeuo pipefail

# time_process FILE CMD...: runs CMD under /usr/bin/time -v (its stdout to stderr) and writes
# "SECONDS PEAK_RSS_KIB" into FILE. Fails if CMD fails.
time_process() {
  local out="$1"
  shift
  local report
  report=$(mktemp)
  /usr/bin/time -v -o "$report" "$@" 1>&2
  awk -F': ' '
    /Elapsed \(wall clock\) time/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.3f %d\n", s, rss }' "$report" >"$out"
  rm -f "$report"
}

# median_ms REPS CMD...: runs CMD once to warm up, then REPS times, its output discarded;
# prints the median wall time in milliseconds. Exit status 1 (nothing found) is accepted.
median_ms() {
  local reps="$1"
  shift
  "$@" >/dev/null 2>&1 || true
  local times=() i start end
  for ((i = 0; i < reps; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END {
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f\n", m / 1000 }'
}

# once_ms CMD...: wall time in milliseconds of one run of CMD, its output sent to stderr.
# For one-off updates, which a warm-up run would already have done.
once_ms() {
  local start end
  start=$(date +%s%N)
  "$@" 1>&2
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN { printf "%.3f\n", ns / 1e6 }'
}

# bytes_of PATH: total size in bytes of a file or directory.
bytes_of() { du -sb "$1" | cut -f1; }

# run_system_command COMMAND ARGS...: the interface of bench/README.md. Checks the number of
# arguments and calls the system script's cmd_index, cmd_query, cmd_reindex_one or
# cmd_reindex_nothing, which each script defines; anything else calls its usage.
run_system_command() {
  local command="${1-}"
  shift || true
  case "$command" in
    index) (($# == 2)) || usage; cmd_index "$@" ;;
    query) (($# == 5)) || usage; cmd_query "$@" ;;
    reindex_one) (($# == 3)) || usage; cmd_reindex_one "$@" ;;
    reindex_nothing) (($# == 2)) || usage; cmd_reindex_nothing "$@" ;;
    *) usage ;;
  esac
}
