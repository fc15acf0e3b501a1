# Helpers for scripts that run the packaged app. Source it; needs curl.
APP_JAR=${APP_JAR:-target/quarkus-app/quarkus-run.jar}

ensure_built() {
  [ -f "$APP_JAR" ] || ./mvnw -B -q -ntp package -DskipTests
}

# The management interface (health, metrics) of an instance on PORT listens on PORT + 10000.
mgmt_port() { echo $(( $1 + 10000 )); }
mgmt_url() { echo "http://localhost:$(mgmt_port "$1")"; }

# start_app NAME PORT [ENV=VALUE...]: starts the app in the background with the given environment;
# its log goes to $WORK/NAME.log and its pid to $WORK/NAME.pid
start_app() {
  local name=$1 port=$2; shift 2
  env QUARKUS_MANAGEMENT_PORT="$(mgmt_port "$port")" "$@" QUARKUS_HTTP_PORT="$port" java ${APP_JAVA_OPTS:--Xmx512m} -jar "$APP_JAR" >"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
}

# a key for TRACKER_AUDIT_KEY or QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, made for this run only
random_key() { head -c 48 /dev/urandom | base64 | tr -d '\n'; }

wait_ready() { # wait_ready PORT NAME
  local port=$1 name=$2 i
  for i in $(seq 1 600); do
    curl -sf -o /dev/null "$(mgmt_url "$port")/q/health/ready" && return 0
    kill -0 "$(cat "$WORK/$name.pid")" 2>/dev/null || { echo "$name died:"; tail -20 "$WORK/$name.log"; return 1; }
    sleep 0.2
  done
  echo "$name not ready in 120 s"; return 1
}

embedded_port() { # the port of the embedded PostgreSQL started by instance NAME
  grep -o 'Embedded PostgreSQL on port [0-9]*' "$WORK/$1.log" | grep -o '[0-9]*$' | head -1
}

stop_app() {
  local pid; pid=$(cat "$WORK/$1.pid" 2>/dev/null) || return 0
  kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
}

# median and p90 of numbers on standard input, one per line
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
p90() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.9); if (i<1) i=1; print a[i]}'; }
