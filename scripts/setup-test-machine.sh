#!/usr/bin/env bash
# Installs the system packages the test suite needs (Debian/Ubuntu): Chromium for
# the renderer tests, libsecret to build keytar, gnome-keyring + D-Bus for a real
# Secret Service, Xvfb for headed runs. Skips apt when everything is present.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libsecret-1-dev >/dev/null 2>&1 || need+=(libsecret-1-dev)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need+=(dbus-x11)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb xauth)
# Prometheus and promtool: the scrape test and the rule checks in docs/team run the real ones.
command -v prometheus >/dev/null 2>&1 || need+=(prometheus)
# amtool checks the Alertmanager example in docs/team.
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
