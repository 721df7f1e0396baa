# Sourced by the other scripts: the tools the project installs come first.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must use the pinned tools on PATH, never download them.
export TRUNK_OFFLINE=true
cd "$ROOT"
