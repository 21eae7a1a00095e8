# One image for every deployable of the layer (the five services, the web BFF, the mobile BFF);
# each container picks its entry point with `command` (docker-compose.yml, deploy/kubernetes/).
# The TypeScript is compiled (npm run build: each package's src/ to its dist/) and runs as
# JavaScript, as `npm start` runs it: tsx, which runs it in development, costs time on every
# request (README, Performance). Build with `docker build -t bff-federation .`.

# 1. build: every dependency, to prebuild the explorer's bundle (esbuild, graphiql) and compile
#    the workspace; its dist/ folders are gathered in /compiled.
FROM node:20-bookworm-slim AS build
ENV APOLLO_TELEMETRY_DISABLED=true npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY patches ./patches
COPY packages ./packages
RUN npm ci --no-audit --no-fund && npm run build:explorer && npm run build \
    && mkdir /compiled && find packages -path '*/node_modules' -prune -o -type d -name dist -print | xargs -I{} cp -r --parents {} /compiled/

# 2. production dependencies only: no vitest, typescript, playwright or test-only workspaces' extras.
FROM node:20-bookworm-slim AS deps
ENV npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
COPY packages ./packages
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. runtime: the compiled workspace, production node_modules, the prebuilt explorer bundle; runs as `node`.
FROM node:20-bookworm-slim AS runtime
ENV APOLLO_TELEMETRY_DISABLED=true \
    NODE_ENV=production \
    HOST=0.0.0.0 \
    npm_config_update_notifier=false
WORKDIR /app
COPY --from=deps --chown=root:root /app /app
# The bundle's cache key is its sources and package versions, the same here as in the build stage,
# so a BFF with <P>EXPLORER=on serves it without running esbuild (and /app stays read-only to `node`).
COPY --from=build /app/node_modules/.cache/bff-explorer /app/node_modules/.cache/bff-explorer
COPY --from=build --chown=root:root /compiled/packages /app/packages
COPY supergraph ./supergraph
COPY tsconfig.json ./
USER node
# No CMD default would fit seven deployables: `command` names one, e.g.
# ["node", "--conditions=bff-compiled", "packages/web-bff/dist/main.js"].
CMD ["node", "-e", "console.error('choose a deployable: node --conditions=bff-compiled packages/<name>/dist/main.js'); process.exit(64)"]
