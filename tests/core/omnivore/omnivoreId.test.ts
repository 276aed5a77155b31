// An id Omnivore gave (a UUID, or in its first months a 20-character id) marks a saved article; an id
// of another shape is a note of one's own. Read from the values, or line by line from a block that
// does not parse.
import { hasOmnivoreId } from "../../../src/core/omnivore/omnivoreId";

const UUID = "3f1e2d4c-5b6a-4789-8abc-def012345678";
const EARLY = "mL51bIYBKc5BngQz5_PS";

describe("hasOmnivoreId from values", () => {
	it.each<[Record<string, unknown>, boolean]>([
		[{ id: UUID }, true],
		[{ ID: ` ${UUID} ` }, true],
		[{ Id: EARLY }, true],
		[{ id: UUID.toUpperCase() }, true],
		[{ id: `${UUID}x` }, false],
		[{ id: "202401011200" }, false],
		[{ id: 202401011200 }, false],
		[{ id: "{{id}}" }, false],
		[{ id: `${EARLY}x` }, false],
		[{ idx: UUID }, false],
		[{}, false],
	])("%p → %p", (values, expected) => {
		expect(hasOmnivoreId(values, null)).toBe(expected);
	});
});

describe("hasOmnivoreId from a block that does not parse", () => {
	const broken = (line: string) => `title: Rust: what comes next\n${line}\nauthor: @ann\n`;

	it.each<[string, boolean]>([
		[`id: ${UUID}`, true],
		[`id:${UUID}`, true],
		[`id:  ${UUID}`, true],
		[`id : ${UUID}`, true],
		[`id  : ${UUID}`, true],
		[`id: "${UUID}"`, true],
		[`id: '${EARLY}'`, true],
		[`id: ${UUID}  `, true],
		// Single-file mode writes each article as a list item.
		[`- id: ${UUID}`, true],
		[`-  id: ${UUID}`, true],
		[`-id: ${UUID}`, false],
		[`  id: ${UUID}`, false],
		[`xid: ${UUID}`, false],
		[`id: ${UUID} more`, false],
		[`id: ${UUID.replace(/[a-f]/g, "z")}`, false],
		[`id: ${EARLY.slice(1)}!`, false],
		["id: 202401011200", false],
	])("%p → %p", (line, expected) => {
		expect(hasOmnivoreId(null, broken(line))).toBe(expected);
	});

	it("is false with neither values nor a block", () => {
		expect(hasOmnivoreId(null, null)).toBe(false);
	});
});
