#!/usr/bin/env bash
# Load benchmark of "search serve": starts the server on an index (or on
# the built-in articles), drives it over loopback with wrk (installed with
# apt-get when missing), and prints a Markdown table of requests a second,
# median and 99th-percentile latency and errors, at 1, 8 and 64
# connections, for:
#   fixed     one query again and again      GET /api/search?q=QUERY
#   rotating  the queries of a file in turn  GET /api/search?q=…
#   page      the HTML page of one query     GET /?q=QUERY
#
# Usage, from the repository's root:
#   bench/http.sh [--index DIR] [--duration 30s] [--connections "1 8 64"]
#                 [--query QUERY] [--queries FILE] [-- SERVE OPTIONS...]
#
# --queries defaults to ../shared/peers/queries199.txt (199 queries drawn
# from SaudiNewsNet titles); options after -- go to "search serve" (for
# example --timeout 1s --max-searches 4). Run it on a quiet machine: the
# client and the server share its CPUs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

index="" duration="30s" conns="1 8 64" query="وزير الخارجية"
queries="$root/../shared/peers/queries199.txt"
serve_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --index) index=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --query) query=$2; shift 2 ;;
    --queries) queries=$2; shift 2 ;;
    --) shift; serve_opts=("$@"); break ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "http.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$queries" ]; then
  echo "http.sh: no queries file at $queries: give one with --queries FILE (one query a line)" >&2
  exit 2
fi

if ! command -v wrk >/dev/null; then
  echo "installing wrk with apt-get …" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y wrk >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y wrk >/dev/null; }
fi

work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/search" ./cmd/search
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
args=(serve --addr "127.0.0.1:$port")
[ -n "$index" ] && args+=(--index "$index")
"$work/search" "${args[@]}" "${serve_opts[@]}" >"$work/serve.out" 2>"$work/serve.log" &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -fs "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.out" "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "$base/healthz" >/dev/null || { echo "http.sh: the server did not answer within 60 s" >&2; exit 1; }
articles=$(curl -fs "$base/healthz" | sed 's/.*"articles":\([0-9]*\).*/\1/')

cpus=$(nproc)
echo "# search serve on ${index:-the built-in articles} ($articles articles), $(head -1 "$work/serve.out" | sed 's/.* at //'); ${serve_opts[*]:-default settings}"
echo "# $(uname -srm), $cpus CPUs, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //'); wrk ${duration} per row, client timeout 5 s"
echo
echo "| load | connections | req/s | p50 ms | p99 ms | requests | 200 | 503 | 504 | other status | socket errors |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for load in fixed rotating page; do
  for c in $conns; do
    t=$(( c < cpus ? c : cpus ))
    env=(FAHRAS_QUERY="$query" FAHRAS_PREFIX="/api/search?q=" FAHRAS_QUERIES="")
    case $load in
      rotating) env=(FAHRAS_QUERY="$query" FAHRAS_PREFIX="/api/search?q=" FAHRAS_QUERIES="$queries") ;;
      page) env=(FAHRAS_QUERY="$query" FAHRAS_PREFIX="/?q=" FAHRAS_QUERIES="") ;;
    esac
    line=$(env "${env[@]}" wrk -t"$t" -c"$c" -d"$duration" --timeout 5s -s bench/http.lua "$base" | grep '^RESULT' || true)
    if [ -z "$line" ]; then
      echo "| $load | $c | wrk failed | | | | | | | | |"
      continue
    fi
    IFS=$'\t' read -r _ rps p50 p99 total ok busy timeout other socket <<<"$line"
    echo "| $load | $c | $rps | $p50 | $p99 | $total | $ok | $busy | $timeout | $other | $socket |"
  done
done
echo
rss=$(grep VmHWM "/proc/$server/status" 2>/dev/null | awk '{printf "%.0f MB", $2/1024}')
echo "Server peak memory (VmHWM): ${rss:-unknown}."
