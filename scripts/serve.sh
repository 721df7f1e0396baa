#!/usr/bin/env bash
# Installs what is missing, then serves the standalone chart at http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash scripts/install.sh
exec trunk serve "$@"
