// The worker script (itemWorkerScript.ts) as bundled text, made by the build (scripts/itemWorkerSource.mjs);
// empty where no worker can run (the tests).
declare module "omnivore-queue-item-worker" {
	const source: string;
	export default source;
}
