#!/usr/bin/env bash
# Browser test of the HTML report: renders a report of the MT fixtures in headless Chromium
# and checks that the page renders, that highlights are present, that the filter set in the
# address (#severity=…, #rule=…) hides the right findings, that the page's own self-test
# (#selftest: click on a highlight shows its message, ticking boxes filters) passes, and that
# text from the articles is escaped (an injected <script> does not run).
#
# Installs Debian's `chromium` when it is missing and apt-get is usable (as root). Where
# Chromium cannot be installed the test says SKIPPED and exits 0, unless
# MTCHECK_REQUIRE_BROWSER=1 (set by .ci/run), where it fails.
#
# Usage: tests/browser/run.sh   (from anywhere; builds the debug binary if needed)
# Leaves the report and a screenshot in target/browser-test/.
set -euo pipefail
cd "$(dirname "$0")/../.."

skip() {
  echo "browser test SKIPPED: $1" >&2
  if [ "${MTCHECK_REQUIRE_BROWSER:-0}" = "1" ]; then
    echo "browser test FAILED: MTCHECK_REQUIRE_BROWSER=1 and no browser" >&2
    exit 1
  fi
  exit 0
}

find_browser() {
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then
      command -v "$b"
      return 0
    fi
  done
  return 1
}

BROWSER=$(find_browser || true)
if [ -z "$BROWSER" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium (apt-get) …" >&2
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq chromium; } >/tmp/mtcheck-apt.log 2>&1; then
      tail -n 20 /tmp/mtcheck-apt.log >&2 || true
      skip "apt-get install chromium failed"
    fi
    BROWSER=$(find_browser || true)
    [ -n "$BROWSER" ] || skip "chromium is not on PATH even after apt-get install chromium"
  fi
fi
[ -n "$BROWSER" ] || skip "no chromium, and it cannot be installed here (needs root and apt-get)"
echo "browser: $("$BROWSER" --version 2>/dev/null || echo "$BROWSER")"

cargo build --quiet
BIN="${CARGO_TARGET_DIR:-target}/debug/mtcheck"
OUT="${CARGO_TARGET_DIR:-target}/browser-test"
rm -rf "$OUT"
mkdir -p "$OUT/articles"
cp data/samples/ai-chips.de.txt tests/fixtures/mt/*.de.* "$OUT/articles/"
# text that must be shown, not run
printf '%s\n' 'Der ehemalige Github-CEO <script>document.documentElement.setAttribute("data-pwned","1")</script> kam &amp; ging.' \
  >"$OUT/articles/injection.de.txt"

status=0
"$BIN" check --format html -o "$OUT/report.html" "$OUT/articles" || status=$?
[ "$status" = 1 ] || { echo "expected exit code 1 (gate failed), got $status" >&2; exit 1; }
"$BIN" check --format jsonl --fail-on never "$OUT/articles" >"$OUT/findings.jsonl"
total=$(grep -c . "$OUT/findings.jsonl")
major=$(grep -c '"severity":"major"' "$OUT/findings.jsonl" || true)
minor=$(grep -c '"severity":"minor"' "$OUT/findings.jsonl" || true)
idioms=$(grep -c '"rule":"literal-idiom"' "$OUT/findings.jsonl" || true)
echo "report: $total findings ($major major, $minor minor, $idioms literal-idiom)"

URL="file://$(cd "$OUT" && pwd)/report.html"
render() { # render URL-suffix file
  local profile
  profile=$(mktemp -d)
  timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --virtual-time-budget=2000 --dump-dom "$URL$1" >"$2" 2>>"$OUT/chromium.log"
  rm -rf "$profile"
}

fails=0
check() { # check description command...
  local what=$1
  shift
  if "$@"; then
    echo "ok   $what"
  else
    echo "FAIL $what" >&2
    fails=$((fails + 1))
  fi
}
count() { grep -o -- "$1" "$2" | wc -l; }
status_of() { grep -o 'id="status"[^>]*>[^<]*' "$1" | sed 's/.*>//'; }

render "" "$OUT/all.html"
check "the page renders and its script ran" grep -q 'data-ready="yes"' "$OUT/all.html"
check "every finding is listed" test "$(count '<li class="finding"' "$OUT/all.html")" -eq "$total"
check "highlights are present" test "$(count '<mark class="f ' "$OUT/all.html")" -gt 0
check "every finding has its place in the text" test "$(count '<span id="m[0-9]*"></span>' "$OUT/all.html")" -eq "$total"
check "no highlight is filtered out by default" test "$(count 'class="f off"' "$OUT/all.html")" -eq 0
check "the status counts every finding" test "$(status_of "$OUT/all.html")" = "Showing $total of $total findings"
check "an injected script did not run" bash -c "! grep -q 'data-pwned=\"1\"' '$OUT/all.html'"
check "injected markup is shown as text" grep -q '&lt;script&gt;document.documentElement' "$OUT/all.html"

render "#severity=major&selftest" "$OUT/major.html"
check "the self-test passes (click shows the message, boxes filter)" grep -q 'data-result="pass"' "$OUT/major.html"
grep -o 'id="selftest"[^<]*' "$OUT/major.html" | sed 's/.*>/     /' || true
check "#severity=major shows only major findings" test "$(status_of "$OUT/major.html")" = "Showing $major of $total findings"
check "minor highlights are switched off" test "$(count '<mark class="f minor"' "$OUT/major.html")" -eq 0
check "major highlights stay" test "$(count '<mark class="f major"' "$OUT/major.html")" -gt 0
check "filtered highlights are marked off" test "$(count 'class="f off"' "$OUT/major.html")" -gt 0
check "the minor box is unticked" bash -c "grep -o '<input[^>]*value=\"minor\"[^>]*>' '$OUT/major.html' | grep -vq checked"

render "#rule=literal-idiom" "$OUT/rule.html"
check "#rule=literal-idiom shows only that rule" test "$(status_of "$OUT/rule.html")" = "Showing $idioms of $total findings"

render "#open=f0" "$OUT/open.html"
check "#open=f0 opens the detail of the first finding" bash -c "grep -o '<div id=\"detail\"[^>]*>' '$OUT/open.html' | grep -vq hidden"

profile=$(mktemp -d)
timeout 120 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
  --hide-scrollbars --window-size=1300,1600 --screenshot="$OUT/report.png" "$URL" \
  >>"$OUT/chromium.log" 2>&1 || true
rm -rf "$profile"
check "a screenshot was taken" test "$(stat -c %s "$OUT/report.png" 2>/dev/null || echo 0)" -gt 20000

if [ "$fails" -gt 0 ]; then
  echo "browser test FAILED: $fails checks (pages in $OUT)" >&2
  exit 1
fi
echo "browser test passed (report and screenshot in $OUT)"
