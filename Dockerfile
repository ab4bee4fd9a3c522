# syntax=docker/dockerfile:1
# Showrunner's image: the production bundle (.next/standalone, started with `node server.js`) on Node 20,
# run as the unprivileged `node` user, with its data (the embedded database, generated secrets, the demo
# world) in the volume /data. Emulator mode works as is; set the Sendbird variables for a real application.

# Dependencies, from the lockfile only, so a source change does not reinstall them.
FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The build: Next's output, completed into the bundle by scripts/build.ts.
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

# What runs: the bundle and nothing else (no dev dependency, no sources, no settings files).
FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    DATA_DIR=/data \
    LOG_FORMAT=json
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
COPY --from=build --chown=node:node /src/.next/standalone ./
USER node
VOLUME ["/data"]
EXPOSE 3000
# Liveness: the process and its database answer (never Sendbird, so its outage restarts nothing).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
