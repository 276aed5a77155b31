import { isWhitespace } from "../../../src/core/markdown/whitespace";

describe("isWhitespace", () => {
	it("agrees with `\\s` on every UTF-16 code", () => {
		const disagreements: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			if (isWhitespace(code) !== /\s/.test(String.fromCharCode(code))) disagreements.push(code.toString(16));
		}
		expect(disagreements).toEqual([]);
	});
});
