#!/usr/bin/env bash
# Runs the whole suite (`npm test`) with the process clock set to other days, to prove that no test depends on
# the day it runs: a Sunday, the last working day before the 2026 Spring Festival (a make-up Saturday), the last day
# of 2026, and the first Monday of 2027 (a year without bundled holiday data). Needs Debian's faketime
# (apt-get install -y faketime). The clock starts at 09:30 Shanghai time on each day and runs on from there
# (monotonic time is left alone so timers keep working). Chromium cannot run under libfaketime; the browser tests
# give its pages the faked time through Playwright's clock (test/e2e/support.ts).
#   bash test/tools/any-day.sh                      # the four days
#   bash test/tools/any-day.sh 2026-10-08           # any others
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime"; exit 2; }
days=("$@")
[ ${#days[@]} -gt 0 ] || days=(2026-12-06 2026-02-14 2026-12-31 2027-01-04)
mkdir -p test/artifacts
status=0
for day in "${days[@]}"; do
  log="test/artifacts/any-day-${day}.log"
  echo "▶ npm test on ${day} 09:30 Asia/Shanghai (log: ${log})"
  # 01:30 UTC is 09:30 in Shanghai; '@' starts the clock there and lets it run.
  FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@${day} 01:30:00" npm test >"${log}" 2>&1
  rc=$?
  echo "  ${day}: exit ${rc}, $(grep -E '^tests: ' "${log}" | tail -n1)"
  [ $rc -eq 0 ] || status=1
done
exit $status
