// Property tests outside tests/fuzz/ run from one fixed seed too, so `npm test` gives the same verdict
// on every machine; FUZZ_SEED=<n> replays or explores another (the fuzz suites read it as well).
import fc from "fast-check";

fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 1313) });
