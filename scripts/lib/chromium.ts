// How this machine launches Chromium, shared by the Playwright config and the
// scripts that drive a browser themselves. Browsers cannot be downloaded here:
// Debian's package is the one there is.
export const CHROMIUM_EXECUTABLE = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
