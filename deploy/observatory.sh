#!/usr/bin/env bash
# Serve signpost behind deploy/nginx.conf on loopback with a self-signed certificate,
# then scan it with the MDN HTTP Observatory. Needs nginx, openssl, node and npm.
#   bash deploy/observatory.sh          # prints the grade and score
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d /tmp/signpost-observatory.XXXXXX)
chmod 755 "$WORK"
APP_PORT=18000; HTTP_PORT=18080; HTTPS_PORT=18443
cleanup() {
    [ -f "$WORK/nginx.pid" ] && nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
    [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null

mkdir -p "$WORK/tmp"
sed -e "s#@SERVER_NAME@#127.0.0.1#g" -e "s#@CERT@#$WORK/cert.pem#" -e "s#@KEY@#$WORK/key.pem#" \
    -e "s#@STATIC@#$ROOT/signpost/static#" -e "s#@UPSTREAM@#127.0.0.1:$APP_PORT#" \
    -e "s#@HTTP_PORT@#127.0.0.1:$HTTP_PORT#" -e "s#@HTTPS_PORT@#127.0.0.1:$HTTPS_PORT#" \
    -e "s#@ACCESS_LOG@#$WORK/access.log#g" -e "s#@ERROR_LOG@#$WORK/error.log#g" \
    -e "s#@HEADERS@#$ROOT/deploy/security-headers.conf#g" deploy/nginx.conf > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/error.log emerg;
events {}
http {
    include /etc/nginx/mime.types;
    client_body_temp_path $WORK/tmp;
    proxy_temp_path $WORK/tmp;
    include $WORK/site.conf;
}
CONF

SIGNPOST_DATABASE_URL="sqlite:///$WORK/content.sqlite" SIGNPOST_PROXY_COUNT=1 \
    .venv/bin/signpost serve --port "$APP_PORT" --workers 1 > "$WORK/signpost.log" 2>&1 &
APP_PID=$!
nginx -p "$WORK" -c "$WORK/nginx.conf"
for _ in $(seq 100); do curl -skf "https://127.0.0.1:$HTTPS_PORT/en/" >/dev/null && break; sleep 0.1; done

if [ ! -d node_modules/@mdn/mdn-http-observatory ]; then
    npm install --no-save --no-audit --no-fund --silent --ignore-scripts @mdn/mdn-http-observatory
fi
echo '{}' > node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
NODE_EXTRA_CA_CERTS="$WORK/cert.pem" node node_modules/@mdn/mdn-http-observatory/src/scan.js \
    "127.0.0.1:$HTTPS_PORT" | tee "$WORK/scan.json" | node -e '
        let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
            const r = JSON.parse(s).scan;
            console.log(`grade ${r.grade} score ${r.score}`);
        });'
echo "access log (no client addresses):"; head -3 "$WORK/access.log"
