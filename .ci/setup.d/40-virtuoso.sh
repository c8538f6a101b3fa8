# A live SPARQL 1.1 store for the SparqlEndpoint tests (tests/KnowledgeGraph.Tests/IO/Sparql) and the
# kg push / kg sparql tests: Virtuoso open source from Debian, a private instance on loopback only
# with a scratch database folder (tests/consumers/virtuoso/start.sh, the same script a developer runs
# by hand). The package's own service must not start: it would take the default ports and a
# database under /var/lib; policy-rc.d refuses it during the install, and it is stopped and
# disabled afterwards in case it started anyway.
command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1 || ci_need_apt virtuoso-opensource
command -v curl >/dev/null 2>&1 || ci_need_apt curl

ci_virtuoso_policy=""
if ! command -v virtuoso-t >/dev/null 2>&1 && [ ! -e /usr/sbin/policy-rc.d ]; then
  # A policy-rc.d that refuses every start, for the duration of the install only.
  ci_virtuoso_sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then ci_virtuoso_sudo="sudo"; fi
  printf '#!/bin/sh\nexit 101\n' | $ci_virtuoso_sudo tee /usr/sbin/policy-rc.d >/dev/null
  $ci_virtuoso_sudo chmod +x /usr/sbin/policy-rc.d
  ci_virtuoso_policy=/usr/sbin/policy-rc.d
fi
# Installs without questions (the package asks for a dba password otherwise).
export DEBIAN_FRONTEND=noninteractive

ci_virtuoso_start() {
  local s=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then s="sudo"; fi
  if [ -n "$ci_virtuoso_policy" ]; then $s rm -f "$ci_virtuoso_policy"; fi
  # The packaged service, if it was started or enabled: stop and disable it.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    $s systemctl stop virtuoso-opensource-7 >/dev/null 2>&1 || true
    $s systemctl disable virtuoso-opensource-7 >/dev/null 2>&1 || true
  elif [ -x /etc/init.d/virtuoso-opensource-7 ]; then
    $s /etc/init.d/virtuoso-opensource-7 stop >/dev/null 2>&1 || true
    command -v update-rc.d >/dev/null 2>&1 && $s update-rc.d virtuoso-opensource-7 disable >/dev/null 2>&1 || true
  fi
  export KG_VIRTUOSO_DIR="${KG_VIRTUOSO_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/kg-virtuoso-ci.XXXXXX")}"
  local settings
  settings="$(tests/consumers/virtuoso/start.sh)"
  eval "$settings"
  echo "SPARQL store for the tests: $KG_SPARQL_URL"
  ci_on_exit "KG_VIRTUOSO_DIR='$KG_VIRTUOSO_DIR' tests/consumers/virtuoso/stop.sh --clean"
}
ci_after_apt_hooks+=(ci_virtuoso_start)
