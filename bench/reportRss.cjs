// Preloaded into a measured child process: prints its peak resident memory when it exits.
process.on("exit", () => process.stdout.write(`\nmaxRSS=${process.resourceUsage().maxRSS}\n`));
