// No worker threads in the tests' Obsidian: the plugin builds queue items on the main thread. The pool
// itself is tested with workers made in the test (tests/plugin/itemWorkers.test.ts).
const source = "";
export default source;
