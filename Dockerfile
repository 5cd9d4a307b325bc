# One image for the three subgraphs and the gateway; docker-compose.yml picks the service with its
# command (`node apps/<service>/dist/main.js`). Multi-stage: the toolchain, the dev dependencies and
# the TypeScript sources stay in the build stages; the runtime stage holds production dependencies,
# the compiled dist/ folders and the few files the services read at start, and runs as `node`.
#
#   docker build -t redtape:local .            # or: docker compose build
#   docker run --rm --env-file <settings> redtape:local node apps/regions/dist/main.js

ARG NODE_VERSION=20.20.2

# --- toolchain: the full Debian image has python3, make and g++ for better-sqlite3's native build ---
FROM node:${NODE_VERSION}-bookworm AS toolchain
# The npm that wrote package-lock.json: it honours the allowScripts policy in package.json (npm 10,
# which the Node 20 image ships, ignores it and runs every install script).
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" && npm --version
WORKDIR /app

# --- manifests: only what `npm ci` reads, so the dependency layers stay cached while sources change ---
FROM toolchain AS manifests
COPY . /src
RUN mkdir /manifests \
  && cd /src \
  && cp --parents package.json package-lock.json .npmrc libs/*/package.json libs/*/*/package.json apps/*/package.json /manifests/

# --- build: every dependency, then tsc -b into each project's dist/ ---
FROM toolchain AS build
COPY --from=manifests /manifests/ ./
RUN npm ci
COPY . .
RUN npm run build \
  && mkdir /out \
  && cp -r --parents package.json libs/*/package.json libs/*/*/package.json apps/*/package.json libs/*/dist libs/*/*/dist apps/*/dist \
    apps/*/schema.graphql apps/regions/reference-data /out/ \
  && find /out -name '*.tsbuildinfo' -delete

# --- production dependencies, compiled on the same Debian release as the runtime image ---
FROM toolchain AS production-dependencies
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev

# --- runtime ---
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  REDTAPE_DATA_DIR=/app/data
WORKDIR /app
# The manifests and node_modules, with npm's workspace links (node_modules/@redtape/* -> ../../libs/*,
# ../../apps/*) and any workspace-local node_modules.
COPY --from=production-dependencies /app/ ./
# package.json files, dist/ folders, the gateway's checked-in subgraph SDL (apps/*/schema.graphql)
# and the regions' reference data (apps/regions/reference-data/kg-admin-units.json).
COPY --from=build /out/ ./
# Only the embedded SQLite default writes here; with KurrentDB and PostgreSQL nothing is written.
RUN mkdir data && chown node:node data
USER node
EXPOSE 4000 4001 4002 4003
CMD ["node", "apps/gateway/dist/main.js"]
