// An esbuild plugin: `import source from "omnivore-queue-item-worker"` is the queue's worker script
// (src/plugin/queue/workers/itemWorkerScript.ts) bundled on its own, as text, so the plugin stays one main.js
// and starts its workers from it (decision 0028).
import esbuild from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const entry = fileURLToPath(new URL("../src/plugin/queue/workers/itemWorkerScript.ts", import.meta.url));

export function itemWorkerSource({ minify = false } = {}) {
	return {
		name: "item-worker-source",
		setup(build) {
			build.onResolve({ filter: /^omnivore-queue-item-worker$/ }, () => ({ path: entry, namespace: "item-worker-source" }));
			build.onLoad({ filter: /.*/, namespace: "item-worker-source" }, async () => {
				const result = await esbuild.build({ entryPoints: [entry], bundle: true, format: "iife", platform: "browser", target: "es2018", minify, write: false, metafile: true, logLevel: "warning" });
				return { contents: `export default ${JSON.stringify(result.outputFiles[0].text)};`, loader: "js", watchFiles: Object.keys(result.metafile.inputs).map((input) => resolve(input)) };
			});
		},
	};
}
