#!/usr/bin/env bash
# Fetch the web page's browser libraries from npm (pinned in web/package-lock.json) and copy
# the files the page loads into src/rasd/web/vendor/ (gitignored), so `rasd serve` runs offline.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build/web
VENDOR=src/rasd/web/vendor

command -v npm >/dev/null || { echo "build_web: npm is missing; install Node.js (apt-get install -y npm)" >&2; exit 1; }

mkdir -p "$BUILD"
cp web/package.json web/package-lock.json "$BUILD"/
# --ignore-scripts: no install hooks run (swagger-ui-dist pulls an analytics hook we do not want).
(cd "$BUILD" && SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

NM="$BUILD/node_modules"
rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/markercluster" "$VENDOR/swagger-ui"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$VENDOR/leaflet/"
cp "$NM"/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp "$NM/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$NM/leaflet.markercluster/dist/MarkerCluster.css" \
   "$NM/leaflet.markercluster/dist/MarkerCluster.Default.css" "$VENDOR/markercluster/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$VENDOR/"
# Natural Earth 1:50m country shapes (public domain) as TopoJSON: the offline basemap.
cp "$NM/world-atlas/countries-50m.json" "$NM/world-atlas/countries-110m.json" "$VENDOR/"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui.css" "$VENDOR/swagger-ui/"
for pkg in leaflet leaflet.markercluster topojson-client world-atlas swagger-ui-dist; do
  [ -f "$NM/$pkg/LICENSE" ] && cp "$NM/$pkg/LICENSE" "$VENDOR/LICENSE.$pkg" || true
done
[ -f "$NM/world-atlas/LICENSE.md" ] && cp "$NM/world-atlas/LICENSE.md" "$VENDOR/LICENSE.world-atlas" || true
touch "$VENDOR/.built"
echo "build_web: browser libraries in $VENDOR"
