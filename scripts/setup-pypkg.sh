#!/usr/bin/env bash
# Builds the Python package (python/: PyO3 + maturin) into the venv target/pyvenv with
# pytest and pandas, for its tests. Idempotent: the wheel is rebuilt only when the
# sources it is built from changed (a hash of them is kept beside the venv); the Cargo
# build keeps its state in target/python, so a rebuild is incremental.
#   scripts/setup-pypkg.sh          # from anywhere
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv=target/pyvenv
stamp=$venv/.zaman-build

if ! command -v python3 >/dev/null 2>&1 || ! python3 -c "import venv, ensurepip" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
  else
    echo "setup-pypkg: python3 with the venv module is needed (Debian: apt-get install python3-venv)" >&2
    exit 1
  fi
fi

tools='maturin>=1.7,<2 pytest>=7,<10 pandas>=1.5,<4'
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.zaman-tools" 2>/dev/null)" != "$tools" ]; then
  rm -rf "$venv"
  mkdir -p target
  python3 -m venv "$venv"
  # shellcheck disable=SC2086
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $tools
  echo "$tools" > "$venv/.zaman-tools"
fi

# what the wheel is built from: the package, the core crate's sources and data
hash=$( { find python/Cargo.toml python/Cargo.lock python/pyproject.toml python/src python/pysrc \
           Cargo.toml src data/lexicon data/gazetteer -type f ! -name '*.pyc' -print0 2>/dev/null || true; } \
       | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ] && "$venv/bin/python" -c "import zaman" 2>/dev/null; then
  echo "setup-pypkg: $venv ready (zaman $("$venv/bin/python" -c 'import zaman; print(zaman.__version__)'), up to date)"
  exit 0
fi

rm -rf target/wheels
CARGO_TARGET_DIR=$PWD/target/python "$venv/bin/maturin" build --release --quiet \
  -m python/Cargo.toml -i "$venv/bin/python" -o target/wheels
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/zaman-*.whl
echo "$hash" > "$stamp"
echo "setup-pypkg: $venv ready (zaman $("$venv/bin/python" -c 'import zaman; print(zaman.__version__)'), built $(ls target/wheels))"
