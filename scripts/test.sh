#!/usr/bin/env bash
# Runs every test of SalesAssistant. Installs what the tests need first, with apt-get when missing:
# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser), postgresql for the
# tests on PostgreSQL, nginx for the test through a reverse proxy.
# Every data test runs on SQLite and on PostgreSQL: this script starts a throwaway PostgreSQL cluster on a free
# loopback port (scripts/postgres-cluster.sh), hands its connection string to the tests in SALES_TEST_POSTGRES, and
# stops and deletes it when the script ends, however it ends.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Debian's ${missing[*]} for the tests..."
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -q || exit 1
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" || exit 1
fi

cluster=$(mktemp -d -t sales-test-postgres-XXXXXX)
log=$(mktemp)
stop_cluster() {
    bash scripts/postgres-cluster.sh stop "$cluster"
    rm -f "$log"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

SALES_TEST_POSTGRES=$(bash scripts/postgres-cluster.sh start "$cluster") || exit 1
export SALES_TEST_POSTGRES

dotnet test SalesAssistant.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "dotnet test exited with $status before any test failed (see the build output above)."
fi
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit "$status"
