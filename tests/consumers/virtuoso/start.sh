#!/usr/bin/env bash
# Starts a private Virtuoso (Debian package virtuoso-opensource) for the SPARQL tests and for trying
# the README's commands: loopback only, its own scratch database folder, its own virtuoso.ini.
#
#   tests/consumers/virtuoso/start.sh          # prints KG_SPARQL_URL=..., KG_GRAPH_STORE_URL=... and the other settings
#   eval "$(tests/consumers/virtuoso/start.sh)" # the same, exported into this shell
#   tests/consumers/virtuoso/stop.sh           # stops it (and, with --clean, deletes the folder)
#
# The folder is KG_VIRTUOSO_DIR (default: kg-virtuoso in the temporary folder). It holds the database,
# virtuoso.ini, virtuoso.log, virtuoso.pid, load/ (the only folder the bulk loader may read, besides
# the working folder) and env (the settings printed below, one export a line). The HTTP port is
# KG_VIRTUOSO_HTTP_PORT, else the first free port from 18890; the SQL port likewise from 11111.
# Starting twice is harmless: a running instance of the same folder is reused.
# Progress goes to standard error; standard output carries only the export lines.
set -euo pipefail

dir="${KG_VIRTUOSO_DIR:-${TMPDIR:-/tmp}/kg-virtuoso}"
mkdir -p "$dir/db" "$dir/load"
dir="$(cd "$dir" && pwd)"

virtuoso_bin="$(command -v virtuoso-t || true)"
isql_bin="$(command -v isql-vt || command -v isql-v || true)"
if [ -z "$virtuoso_bin" ] || [ -z "$isql_bin" ]; then
  echo "virtuoso-t or isql-vt is missing; install it with: apt-get install -y virtuoso-opensource" >&2
  exit 1
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}
http_ok() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1?query=ASK%7B%7D" 2>/dev/null | grep -q '^200$'; }

if [ -f "$dir/env" ] && [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
  # shellcheck source=/dev/null
  . "$dir/env"
  if http_ok "$KG_SPARQL_URL"; then
    echo "Virtuoso already running for $dir at $KG_SPARQL_URL" >&2
    cat "$dir/env"
    exit 0
  fi
fi

http_port="${KG_VIRTUOSO_HTTP_PORT:-$(free_port 18890)}"
sql_port="${KG_VIRTUOSO_SQL_PORT:-$(free_port 11111)}"
share=/usr/share/virtuoso-opensource-7
vsp=/var/lib/virtuoso-opensource-7/vsp
[ -d "$vsp" ] || vsp="$dir"

cat > "$dir/virtuoso.ini" <<INI
; Written by tests/consumers/virtuoso/start.sh: a private, loopback-only instance.
[Database]
DatabaseFile       = $dir/db/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/db/virtuoso.lck
TransactionFile    = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/db/virtuoso-temp.db
TransactionFile    = $dir/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$sql_port
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., $dir/load, $share/vad
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
VADInstallDir            = $share/vad/
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxQueryMem              = 1G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4
NumberOfBuffers          = ${KG_VIRTUOSO_BUFFERS:-170000}
MaxDirtyBuffers          = ${KG_VIRTUOSO_DIRTY_BUFFERS:-130000}

[HTTPServer]
ServerPort                  = 127.0.0.1:$http_port
ServerRoot                  = $vsp
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[URIQA]
DynamicLocal = 0
DefaultHost  = 127.0.0.1:$http_port

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 600
MaxQueryExecutionTime      = 600
DefaultGraph               = urn:kg:default
INI

echo "Starting Virtuoso in $dir (HTTP 127.0.0.1:$http_port, SQL 127.0.0.1:$sql_port)" >&2
# The server replaces the background subshell (exec), so $! is its pid, and no descriptor of this
# script stays open in it: when a caller reads this script's output through a pipe ($(start.sh)),
# the pipe closes when the script ends instead of staying open for as long as the server runs.
(cd "$dir" && exec setsid "$virtuoso_bin" +foreground +configfile "$dir/virtuoso.ini" >>"$dir/virtuoso.out" 2>&1 </dev/null) >/dev/null 2>&1 </dev/null &
echo $! > "$dir/virtuoso.pid"
url="http://127.0.0.1:$http_port/sparql"
# A fresh database takes a while (it builds its tables and installs the SPARQL pages); poll the HTTP port.
for _ in $(seq 1 180); do
  if http_ok "$url"; then break; fi
  if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
    echo "Virtuoso exited while starting; the end of $dir/virtuoso.log:" >&2
    tail -n 20 "$dir/virtuoso.log" >&2 || true
    exit 1
  fi
  sleep 1
done
if ! http_ok "$url"; then
  echo "Virtuoso did not answer on $url within three minutes; see $dir/virtuoso.log" >&2
  exit 1
fi

# Anonymous SPARQL (the user "SPARQL", as "nobody") may update: INSERT DATA, CLEAR GRAPH and the
# Graph Store protocol endpoint /sparql-graph-crud. The instance listens on loopback only.
"$isql_bin" "127.0.0.1:$sql_port" dba dba >/dev/null <<'SQL'
GRANT SPARQL_UPDATE TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
SQL

cat > "$dir/env" <<ENV
export KG_SPARQL_URL=$url
export KG_GRAPH_STORE_URL=http://127.0.0.1:$http_port/sparql-graph-crud
export KG_VIRTUOSO_DIR=$dir
export KG_VIRTUOSO_ISQL=127.0.0.1:$sql_port
export KG_VIRTUOSO_LOAD_DIR=$dir/load
ENV
echo "Virtuoso is up at $url" >&2
cat "$dir/env"
