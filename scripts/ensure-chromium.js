// The end-to-end tests drive Debian's Chromium (browsers cannot be downloaded
// here). Installs it from apt when running as root on Debian; otherwise says how.
import { execSync } from "node:child_process";
import fs from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    console.log("Installing Chromium from apt for the end-to-end tests…");
    execSync("apt-get update -qq && apt-get install -y -qq chromium", {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  } else {
    console.error(`The end-to-end tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
