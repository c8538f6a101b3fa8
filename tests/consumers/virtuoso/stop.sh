#!/usr/bin/env bash
# Stops the Virtuoso that start.sh started for KG_VIRTUOSO_DIR (default: kg-virtuoso in the temporary
# folder): a checkpoint and shutdown through isql, then the process by its recorded id if it lingers.
# With --clean the folder is deleted afterwards.
set -uo pipefail

dir="${KG_VIRTUOSO_DIR:-${TMPDIR:-/tmp}/kg-virtuoso}"
[ -d "$dir" ] || exit 0
pid=""
[ -f "$dir/virtuoso.pid" ] && pid="$(cat "$dir/virtuoso.pid")"
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
  isql_bin="$(command -v isql-vt || command -v isql-v || true)"
  sql_port="$(sed -n 's/^ServerPort *= *127\.0\.0\.1:\([0-9]*\)$/\1/p' "$dir/virtuoso.ini" | head -n 1)"
  if [ -n "$isql_bin" ] && [ -n "$sql_port" ]; then
    timeout 60 "$isql_bin" "127.0.0.1:$sql_port" dba dba exec="shutdown;" >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    sleep 2
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  echo "Virtuoso stopped ($dir)" >&2
fi
rm -f "$dir/virtuoso.pid" "$dir/env"
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$dir"
fi
exit 0
