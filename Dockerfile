# syntax=docker/dockerfile:1
# zhicheng-docs: the HTTP service. Runs the TypeScript sources through tsx (a
# runtime dependency), exactly as `npm start` does, so there is no build step.

ARG NODE_VERSION=20

# ---- dependencies: production only (tsx and the Noto SC fonts are production dependencies)
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
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
COPY --chown=root:root package.json package-lock.json tsconfig.json ./
COPY --chown=root:root src ./src
# fonts.json (roles → files); the Noto TTFs themselves are in node_modules/@expo-google-fonts.
COPY --chown=root:root fonts ./fonts
COPY --chown=root:root templates ./templates

# The code is owned by root and read-only to the service; it runs as the unprivileged `node` user.
USER node

EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# Same as `npm start` (tsx src/server.ts) without npm in between, so signals reach node directly.
CMD ["node", "--import", "tsx", "src/server.ts"]
