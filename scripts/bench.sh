#!/usr/bin/env bash
# Throughput, memory and start-up of mtcheck, side by side with two floors on the same text:
# a fixed-string scan for every dictionary surface form (ripgrep) and a spell checker
# (hunspell). Prints a table of MB/s and ratios, and whether the throughput, memory and start-up targets are met.
#
#   scripts/bench.sh [GERMAN_TEXT_FILE...]
#
# The corpus is real German text cut into files of about 100 KB, never repeated: by default
# ../shared/corpus/clean_de and ../shared/corpus/mt_ende/*.de (about 6.9 MB) when present, else
# the project's own fixtures (and it says so). Settings (environment):
#   CHUNK_KB=100 MB=100  file size, and at most this many MB of the inputs
#   RUNS=3              runs per measurement; the median is reported
#   HUNSPELL_MB=10      hunspell is slow: it reads only the first files, about this many MB
#   WORK=DIR            where the corpus goes (default: a temporary directory, removed after)
#   NO_INSTALL=1        do not try to install ripgrep, hunspell or GNU time
#   MTCHECK_ARGS=...    extra arguments for every mtcheck run (e.g. "--dict idioms-x.csv")
#   WITHOUT=RULE        also measure -j1 without this rule (default repeated-phrase, the
#                       costliest rule; empty: skip)
# MB means 10^6 bytes. Times are wall-clock; the machine should be otherwise idle.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

MB=${MB:-100}
CHUNK_KB=${CHUNK_KB:-100}
RUNS=${RUNS:-3}
HUNSPELL_MB=${HUNSPELL_MB:-10}

note() { printf '%s\n' "$*" >&2; }

try_install() { # try_install COMMAND APT_PACKAGES...
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -n "${NO_INSTALL:-}" ] && return 1
  local cmd=$1
  shift
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    note "installing $* (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; } ||
      true
  fi
  command -v "$cmd" >/dev/null 2>&1
}

# ---------------------------------------------------------------- tools
TIME=/usr/bin/time
if [ ! -x "$TIME" ] && ! try_install /usr/bin/time time; then
  TIME=""
  note "GNU time (/usr/bin/time) is not available: peak memory is not measured"
fi
RG=""
if try_install rg ripgrep; then
  RG=$(command -v rg)
elif [ -z "${NO_INSTALL:-}" ] && command -v cargo >/dev/null 2>&1 &&
  note "installing ripgrep (cargo install)" && cargo install -q ripgrep >/dev/null 2>&1; then
  RG=$(command -v rg || echo "$HOME/.cargo/bin/rg")
else
  note "ripgrep is not available: the fixed-string floor is skipped"
fi
HUNSPELL=""
if try_install hunspell hunspell hunspell-de-de &&
  { hunspell -D </dev/null 2>&1 || true; } | grep -q '/de_DE$'; then
  HUNSPELL=$(command -v hunspell)
else
  note "hunspell with a de_DE dictionary is not available (apt packages hunspell, hunspell-de-de): skipped"
fi

note "building the release binary"
cargo build --release --quiet
BIN=$ROOT/target/release/mtcheck

# ---------------------------------------------------------------- corpus
# Real text, cut into files of about $CHUNK_KB KB at line ends; no text is ever repeated.
SHARED=$ROOT/../shared/corpus
if [ $# -gt 0 ]; then
  INPUTS=("$@")
  note "corpus: the files given"
elif [ -d "$SHARED/clean_de" ] && [ -d "$SHARED/mt_ende" ]; then
  INPUTS=("$SHARED"/clean_de/* "$SHARED"/mt_ende/*.de)
  note "corpus: real German text from ../shared/corpus (clean_de, mt_ende)"
else
  INPUTS=(tests/fixtures/*/*.de.txt tests/fixtures/*/*.de.md data/samples/*.de.txt)
  note "corpus: ../shared/corpus is missing, so the project's own fixtures (small and friendly: not a real-text figure)"
fi
if [ -n "${WORK:-}" ]; then
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi
CORPUS=$WORK/corpus
rm -rf "$CORPUS"
mkdir -p "$CORPUS"
LC_ALL=C awk -v dir="$CORPUS" -v chunk="$((CHUNK_KB * 1000))" -v cap="$((MB * 1000000))" '
  BEGIN { n = 0; size = 0; total = 0 }
  FNR == 1 && size > 0 { close(out); n++; size = 0 }   # a file never continues another
  total >= cap { exit }
  {
    out = sprintf("%s/f%05d.txt", dir, n)
    print > out
    size += length($0) + 1; total += length($0) + 1
    if (size >= chunk) { close(out); n++; size = 0 }
  }' "${INPUTS[@]}"
FILES=$(ls "$CORPUS" | wc -l)
PER_FILE=$((CHUNK_KB * 1000))
BYTES=$(cat "$CORPUS"/*.txt | wc -c)
CORPUS_MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
note "corpus: $FILES files of about $CHUNK_KB KB, $CORPUS_MB MB, from ${#INPUTS[@]} input files"

# a 5 KB article: whole paragraphs of the inputs up to 5,000 bytes
ARTICLE=$WORK/article.txt
# (whole lines of the first input: one-sentence-per-line files have no blank lines)
LC_ALL=C awk '{ if (n + length($0) + 1 > 5000) exit; n += length($0) + 1; print }' "${INPUTS[0]}" >"$ARTICLE"

# ---------------------------------------------------------------- measuring
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run NAME CMD...: runs CMD $RUNS times (stdout discarded); sets SECS and PEAK_MB (medians)
run() {
  local name=$1
  shift
  local secs=() peaks=() i
  for ((i = 0; i < RUNS; i++)); do
    if [ -n "$TIME" ]; then
      "$TIME" -f '%e %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || true
      read -r s kb <"$WORK/time"
      secs+=("$s")
      peaks+=("$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')")
    else
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null 2>"$WORK/stderr" || true
      t1=$(date +%s%N)
      secs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')")
    fi
  done
  SECS=$(printf '%s\n' "${secs[@]}" | median)
  PEAK_MB=$([ ${#peaks[@]} -gt 0 ] && printf '%s\n' "${peaks[@]}" | median || echo "-")
  note "$name: ${SECS} s (median of $RUNS), peak ${PEAK_MB} MB"
}

ROWS=()
row() { # row NAME THREADS MB SECS PEAK
  ROWS+=("$1|$2|$3|$4|$5")
}

read -r -a EXTRA <<<"${MTCHECK_ARGS:-}"
run "mtcheck -j1" "$BIN" check -j1 --format jsonl --fail-on never "${EXTRA[@]}" "$CORPUS"
J1_SECS=$SECS J1_PEAK=$PEAK_MB
row "mtcheck, all rules" 1 "$CORPUS_MB" "$SECS" "$PEAK_MB"
run "mtcheck -j2" "$BIN" check -j2 --format jsonl --fail-on never "${EXTRA[@]}" "$CORPUS"
J2_SECS=$SECS J2_PEAK=$PEAK_MB
row "mtcheck, all rules" 2 "$CORPUS_MB" "$SECS" "$PEAK_MB"
WITHOUT=${WITHOUT-repeated-phrase}
if [ -n "$WITHOUT" ]; then
  run "mtcheck -j1 --ignore $WITHOUT" "$BIN" check -j1 --format jsonl --fail-on never --ignore "$WITHOUT" "${EXTRA[@]}" "$CORPUS"
  row "mtcheck, all but $WITHOUT" 1 "$CORPUS_MB" "$SECS" "$PEAK_MB"
fi

if [ -n "$RG" ]; then
  # every literal word of the dictionaries: names, literal renderings, variants, and the
  # words of every pattern (without affix stars, optional marks, gaps, #num and #cap, and
  # without the single letters that splitting at hyphens leaves)
  PATTERNS=$WORK/patterns.txt
  perl -MText::ParseWords -CSD -ne '
    chomp; s/\r$//;
    next if $ARGV ne $last && /^#/;  # the front matter of a phrase table
    if ($ARGV ne $last) { $last = $ARGV; @h = parse_line(",", 0, $_); next }
    my @f = parse_line(",", 0, $_); my %r; @r{@h} = @f;
    my @pats;
    push @pats, $r{name} if defined $r{name};
    for my $col (qw(pattern literal variants)) {
      push @pats, split /;/, $r{$col} if defined $r{$col} && length $r{$col};
    }
    for my $p (@pats) {
      for my $item (split " ", $p) {
        next if $item =~ /^\.\.\./ || $item =~ /^#/;
        $item =~ s/^\[//; $item =~ s/\]$//; $item =~ s/\?$//;
        for my $alt (split /\|/, $item) {
          for my $w (split /-/, $alt) {
            $w =~ s/^\*+//; $w =~ s/\*+$//;
            print "$w\n" if $w =~ /\w/ && length($w) >= 2;
          }
        }
      }
    }' data/*.csv | sort -u >"$PATTERNS"
  NPAT=$(wc -l <"$PATTERNS")
  run "ripgrep" "$RG" -j1 --no-ignore -F -i --count-matches -f "$PATTERNS" "$CORPUS"
  row "ripgrep -F -i, $NPAT words" 1 "$CORPUS_MB" "$SECS" "$PEAK_MB"
fi

if [ -n "$HUNSPELL" ]; then
  HFILES=$((HUNSPELL_MB * 1000000 / PER_FILE))
  [ "$HFILES" -lt 1 ] && HFILES=1
  [ "$HFILES" -gt "$FILES" ] && HFILES=$FILES
  mapfile -t HLIST < <(ls "$CORPUS"/*.txt | head -n "$HFILES")
  HBYTES=$(cat "${HLIST[@]}" | wc -c)
  HMB=$(awk -v b="$HBYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
  run "hunspell" "$HUNSPELL" -d de_DE -l "${HLIST[@]}"
  row "hunspell -d de_DE -l" 1 "$HMB" "$SECS" "$PEAK_MB"
fi

# start-up included: one 5 KB article, 20 runs. The clock is bash's own ($EPOCHREALTIME, in
# microseconds): reading it with `date` would add the start of another process to every
# measurement.
lat=()
for ((i = 0; i < 20; i++)); do
  if [ -n "${EPOCHREALTIME:-}" ]; then
    t0=${EPOCHREALTIME/[.,]/}
    "$BIN" check --fail-on never "${EXTRA[@]}" "$ARTICLE" >/dev/null
    t1=${EPOCHREALTIME/[.,]/}
    lat+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e3 }')")
  else
    t0=$(date +%s%N)
    "$BIN" check --fail-on never "${EXTRA[@]}" "$ARTICLE" >/dev/null
    t1=$(date +%s%N)
    lat+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e6 }')")
  fi
done
ARTICLE_MS=$(printf '%s\n' "${lat[@]}" | median)
ARTICLE_KB=$(awk -v b="$(wc -c <"$ARTICLE")" 'BEGIN { printf "%.1f", b / 1000 }')

# one long line just under the size limit, in release (the CLI test runs in debug mode and
# only checks that a 50 MB line is refused)
LONG=$WORK/long-line.txt
tr '\n' ' ' <"$CORPUS/f00000.txt" >"$WORK/oneline.txt"
: >"$LONG"
while [ "$(stat -c %s "$LONG")" -lt 15000000 ]; do cat "$WORK/oneline.txt" >>"$LONG"; done
LONG_MB=$(awk -v b="$(wc -c <"$LONG")" 'BEGIN { printf "%.1f", b / 1e6 }')
run "one long line" "$BIN" check --format jsonl --fail-on never "${EXTRA[@]}" "$LONG"
LONG_SECS=$SECS LONG_PEAK=$PEAK_MB

# ---------------------------------------------------------------- table
mbps() { awk -v mb="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.1f", mb / s; else print "-" }'; }
J1_MBPS=$(mbps "$CORPUS_MB" "$J1_SECS")
J2_MBPS=$(mbps "$CORPUS_MB" "$J2_SECS")
echo
echo "mtcheck $(git describe --always --dirty 2>/dev/null || echo '?'), $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "corpus: $FILES files, $CORPUS_MB MB (${#INPUTS[@]} input files cut, nothing repeated); median of $RUNS runs${MTCHECK_ARGS:+; mtcheck $MTCHECK_ARGS}"
echo
printf '| %-34s | %7s | %6s | %7s | %7s | %12s | %14s | %7s |\n' tool threads MB seconds "MB/s" "MB/s/thread" "vs mtcheck -j1" "peak MB"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..36})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..8})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..16})" "$(printf -- '-%.0s' {1..9})"
for r in "${ROWS[@]}"; do
  IFS='|' read -r name th mb s peak <<<"$r"
  rate=$(mbps "$mb" "$s")
  per=$(awk -v r="$rate" -v t="$th" 'BEGIN { printf "%.1f", r / t }')
  ratio=$(awk -v r="$rate" -v b="$J1_MBPS" 'BEGIN { if (b > 0) printf "%.2f×", r / b; else print "-" }')
  printf '| %-34s | %7s | %6s | %7s | %7s | %12s | %14s | %7s |\n' "$name" "$th" "$mb" "$s" "$rate" "$per" "$ratio" "$peak"
done
echo
echo "start-up + one ${ARTICLE_KB} KB article: ${ARTICLE_MS} ms (median of 20 runs)"
echo "one ${LONG_MB} MB line (just under the 16 MiB file limit): ${LONG_SECS} s, peak ${LONG_PEAK} MB"
echo
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { ok = (dir == ">=") ? (v >= t) : (v <= t); print ok ? "met" : "NOT met" }'; }
SPEEDUP=$(awk -v a="$J2_MBPS" -v b="$J1_MBPS" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print 0 }')
PEAK=$(awk -v a="$J1_PEAK" -v b="$J2_PEAK" 'BEGIN { print (a + 0 > b + 0) ? a : b }')
echo "targets:"
echo "  >= 40 MB/s with one thread:         $J1_MBPS MB/s        $(verdict "$J1_MBPS" 40 '>=')"
echo "  >= 1.8x with two threads:          ${SPEEDUP}x           $(verdict "$SPEEDUP" 1.8 '>=')"
if [ -n "$TIME" ]; then
  echo "  peak memory <= 64 MB:              $PEAK MB          $(verdict "$PEAK" 64 '<=')"
fi
echo "  5 KB article <= 10 ms (start-up):  $ARTICLE_MS ms          $(verdict "$ARTICLE_MS" 10 "<=")"
