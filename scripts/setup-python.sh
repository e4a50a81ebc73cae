#!/usr/bin/env bash
# Creates the Python virtual environment the tests use (target/venv) with the
# readers that check zaman's exports: networkx (GraphML). The csv and xml modules
# come with Python. Idempotent: an existing venv with networkx is left as it is.
# Run it from anywhere: scripts/setup-python.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/venv

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import networkx" 2>/dev/null; then
  echo "setup-python: $venv ready ($("$venv/bin/python" -c 'import networkx; print("networkx", networkx.__version__)'))"
  exit 0
fi

# python3 with venv and pip: on Debian they are separate packages
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
  else
    echo "setup-python: python3 with the venv module is needed (Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi

rm -rf "$venv"
mkdir -p target
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "networkx>=3.2,<4"
echo "setup-python: $venv ready ($("$venv/bin/python" -c 'import networkx; print("networkx", networkx.__version__)'))"
