#!/usr/bin/env bash
# Makes docs/report.png, the README's picture of the HTML report, from one of OUR samples
# with the browser harness of the tests (run scripts/setup-browser.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."
sample=data/samples/cairo-talks-2023-11-05.txt
cargo build --release --quiet
mkdir -p target/report-picture
./target/release/zaman extract "$sample" --dct 2023-11-05 --format html -o target/report-picture/report.html
# the selected event: the phone call, so the picture shows a highlight across the views
event=$(./target/release/zaman extract "$sample" --dct 2023-11-05 --compact |
  node -e 'const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
           const e = d.events.find((e) => e.kind === "call" && e.order !== null);
           process.stdout.write(e ? e.id : "")')
job=$(printf '{"kind":"html","file":"%s","select":"%s","screenshot":"%s","width":1280,"height":900}' \
  "$PWD/target/report-picture/report.html" "$event" "$PWD/docs/report.png")
(cd tests/browser && node check.mjs "$job") >/dev/null
echo "docs/report.png (event $event selected)"
