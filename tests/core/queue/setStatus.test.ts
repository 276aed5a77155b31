import { setNoteStatus } from "../../../src/core";
import { DEFAULT_OPTIONS } from "../../../src/core/options";

describe("setNoteStatus", () => {
	it("changes only the status, keeping comments and everything else", () => {
		const note = "---\n# mine\ntitle: Rust: next   # quoted later\nstatus: unread # queue\ntags: [a]\n---\nbody\n";
		expect(setNoteStatus("---\ntitle: x # c\nstatus: unread # queue\ntags: [a]\n---\nbody\n", "read", DEFAULT_OPTIONS)).toBe(
			"---\ntitle: x # c\nstatus: read # queue\ntags: [a]\n---\nbody\n",
		);
		// A block that is not valid YAML is not touched by a status change.
		expect(setNoteStatus(note, "read", DEFAULT_OPTIONS)).toBeNull();
	});

	it("adds the status at the end when there is none, and creates frontmatter when needed", () => {
		expect(setNoteStatus("---\nid: 1\n---\nbody", "reading", DEFAULT_OPTIONS)).toBe("---\nid: 1\nstatus: reading\n---\nbody");
		expect(setNoteStatus("\uFEFF#Omnivore\r\n", "archived", DEFAULT_OPTIONS)).toBe("\uFEFF---\r\nstatus: archived\r\n---\r\n#Omnivore\r\n");
	});

	it("keeps CRLF and uses the configured names", () => {
		const options = { keys: { ...DEFAULT_OPTIONS.keys, status: "queue" }, statusValues: { ...DEFAULT_OPTIONS.statusValues, read: "done" } };
		expect(setNoteStatus("---\r\nid: 1\r\n---\r\n", "read", options)).toBe("---\r\nid: 1\r\nqueue: done\r\n---\r\n");
	});

	it("changes the status under the key as written, in another case too", () => {
		expect(setNoteStatus("---\nTitle: Rust in 2023\nStatus: unread\n---\n# Rust\n", "read", DEFAULT_OPTIONS)).toBe("---\nTitle: Rust in 2023\nStatus: read\n---\n# Rust\n");
		expect(setNoteStatus("---\nStatus: read\n---\n", "read", DEFAULT_OPTIONS)).toBe("---\nStatus: read\n---\n");
	});

	it("refuses a block that only reads once repaired, or that is a list", () => {
		expect(setNoteStatus("---\ntitle: Rust\ntags: [a, b\nstatus: unread\n---\nbody\n", "read", DEFAULT_OPTIONS)).toBeNull();
		expect(setNoteStatus("---\n- id: 1\n- id: 2\n---\nbody\n", "read", DEFAULT_OPTIONS)).toBeNull();
	});

	it("refuses a note whose frontmatter block never closes", () => {
		expect(setNoteStatus("---\ntitle: x\n#Omnivore\n", "read", DEFAULT_OPTIONS)).toBeNull();
	});

	it("returns the note itself when the status is already set", () => {
		const note = "---\nstatus: read\n---\n";
		expect(setNoteStatus(note, "read", DEFAULT_OPTIONS)).toBe(note);
	});
});
