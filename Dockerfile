# One image for every part of the layer; each container picks its entry point with `command`.
# TypeScript runs from source through tsx, as in development: there is no build step to drift.
FROM node:20-bookworm-slim
ENV APOLLO_TELEMETRY_DISABLED=true \
    NODE_ENV=production \
    npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
# The explorer's bundle is built here, as root, so a BFF run as `node` with <P>EXPLORER=on serves it from the cache.
RUN npm ci --no-audit --no-fund && npm run build:explorer && npm cache clean --force
COPY supergraph ./supergraph
COPY tsconfig.json ./
USER node
