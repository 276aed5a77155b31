// What makes a run end with exit 1: notes it could not read, write, or (found by a hostile trial, which
// saw every note fail and the run exit 0) tidy because the engine failed on them.
import { isFailure } from "../../src/cli/tidyNote";
import type { ProblemCode } from "../../src/core";

it.each<[ProblemCode, boolean]>([
	["unreadable-file", true],
	["unwritable-file", true],
	["engine-failed", true],
	["invalid-frontmatter", false],
	["images-in-code", false],
])("takes %s for a failure: %p", (code, failed) => {
	expect(isFailure({ code, message: "" })).toBe(failed);
});
