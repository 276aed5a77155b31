// The build of `yaml` the CLI bundles: the one the plugin runs (its package's browser build). The Node
// build reads the environment for every token it parses (LOG_TOKENS, a debugging switch of yaml's
// own), 2% of a tidy; both build the same parser from the same source, and neither prints a warning
// here (the engine asks yaml for errors only).
import { fileURLToPath } from "node:url";

export const YAML_BROWSER_BUILD = fileURLToPath(new URL("../node_modules/yaml/browser/index.js", import.meta.url));
