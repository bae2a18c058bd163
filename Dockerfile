# syntax=docker/dockerfile:1
# PanelBot as a container: `docker build -t panelbot .`, then see compose.yaml for PostgreSQL and two instances.

# 1. Microsoft Web Chat for the playground, pinned by package-lock.json (with it in place the .NET build skips npm).
FROM node:22-bookworm-slim AS webchat
WORKDIR /src/src/PanelBot
COPY src/PanelBot/package.json src/PanelBot/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --legacy-peer-deps

# 2. Restore (cached while no project file changes), build and publish.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PanelBot/PanelBot.csproj src/PanelBot/
COPY src/PanelBot.BotFramework/PanelBot.BotFramework.csproj src/PanelBot.BotFramework/
COPY src/PanelBot.Calendar/PanelBot.Calendar.csproj src/PanelBot.Calendar/
COPY src/PanelBot.Domain/PanelBot.Domain.csproj src/PanelBot.Domain/
COPY src/PanelBot.Mail/PanelBot.Mail.csproj src/PanelBot.Mail/
RUN dotnet restore src/PanelBot/PanelBot.csproj
COPY src/ src/
COPY --from=webchat /src/src/PanelBot/node_modules/botframework-webchat/dist/webchat.js src/PanelBot/node_modules/botframework-webchat/dist/webchat.js
RUN dotnet publish src/PanelBot/PanelBot.csproj -c Release -o /app --no-restore -p:UseAppHost=false

# 3. The ASP.NET Core runtime only, run as the image's non-root "app" user ($APP_UID).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
RUN mkdir /data && chown "$APP_UID" /data
# `Urls`, not ASPNETCORE_URLS: the shipped appsettings.json sets Urls, and only a plain environment variable wins
# over it. SQLite and the mail pickup folder go to the /data volume (PostgreSQL: set Storage__Provider and
# ConnectionStrings__PanelBot, as compose.yaml does).
ENV Urls=http://+:8080 \
    ConnectionStrings__PanelBot="Data Source=/data/panelbot.db" \
    Mail__PickupDirectory=/data/mail
# The smallest gen0 budget: 64 MiB (the runtime's GCgen0size; it reads it only from the environment). The runtime
# sizes gen0 from the CPU's cache, and on a virtual machine that reports no caches (`lscpu` lists none on the
# Firecracker VM this project is measured on) gen0 stayed at 2-6 MiB: under a burst of RSVPs on one CPU the app
# then collected 17 times a second, nearly always generation 1, as the requests in flight outlived each gen0
# (README, Benchmarks).
ENV DOTNET_GCgen0size=0x4000000
VOLUME /data
EXPOSE 8080
USER $APP_UID
# The runtime image has no curl or wget; the app itself asks /health (`dotnet PanelBot.dll healthcheck`).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "/app/PanelBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "/app/PanelBot.dll"]
