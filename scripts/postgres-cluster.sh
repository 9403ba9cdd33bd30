#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, never a real server's.
#   scripts/postgres-cluster.sh start DIR   initdb into DIR, start it on a free loopback port; prints the connection string
#   scripts/postgres-cluster.sh stop DIR    stop it and delete DIR
# PostgreSQL refuses to run as root: as root the cluster runs as the postgres user (Debian's package creates it).
set -euo pipefail

command=${1:?usage: postgres-cluster.sh start|stop DIR}
dir=${2:?usage: postgres-cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then
    echo "PostgreSQL's server is not installed (apt-get install postgresql)" >&2
    exit 1
fi

as_owner() {
    # From /: the postgres user may not enter the caller's folder.
    if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free loopback port found" >&2
    exit 1
}

case "$command" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    for _ in 1 2 3; do
        port=$(free_port)
        # Durability off: the cluster lives for one test run. Enough connections for the concurrency tests and two app servers.
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
            start >/dev/null; then
            echo "$port" >"$dir/port"
            echo "Host=127.0.0.1;Port=$port;Username=postgres"
            exit 0
        fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: postgres-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
