// The unit of work a worker thread does: each note's item as the main thread builds it, an error kept
// to its own note, and the proxy matcher of the options each request carries.
import { buildQueueItemFromValues, indexNotes, indexRequestHandler, NoteTidier, type QueueItem } from "../../../src/core";

const LINKED = "# A Linked Article\n\n[Read on Omnivore](https://omnivore.app/me/a-linked-article-18f2a3b4c5d)\n[Read Original](https://example.com/a)\n\nWords.\n";
const SELF_PROXY = "https://img.example.net/proxy";
const PROXIED = `---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\n---\n#Omnivore\n\n![](${SELF_PROXY}/0x0,sAbC/data:text/html,hi)\n`;

describe("indexNotes", () => {
	const tidier = new NoteTidier();

	it("gives each note's item as buildQueueItemFromValues does, in order, null for a note of one's own", () => {
		const notes = [
			{ path: "Clippings/linked.md", text: LINKED },
			{ path: "Notes/own.md", text: "Just my notes.\n" },
			{ path: "Omnivore/a.md", text: "---\nid: 0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d\ntitle: A\n---\n#Omnivore\n", frontmatter: { id: "0b7e5c1a-4d2f-4a8e-9c3b-5e6f7a8b9c0d", title: "A" } },
		];
		const indexed = indexNotes(notes, tidier.options, tidier.proxy);
		expect(indexed).toEqual(notes.map((note) => ({ item: buildQueueItemFromValues(note.path, note.text, note.frontmatter, tidier.options, tidier.proxy) })));
		expect(indexed.map((entry) => ("item" in entry && entry.item ? entry.item.title : null))).toEqual(["A Linked Article", null, "A"]);
	});

	it("keeps an error to its note, as its message", () => {
		// Values no YAML parse gives: a getter that throws stands for a bug of the engine on one note.
		const hostile = Object.defineProperty({}, "title", { enumerable: true, get: () => { throw new Error("cannot read the title"); } }) as Record<string, unknown>;
		const indexed = indexNotes(
			[
				{ path: "Omnivore/bad.md", text: "---\ntitle: x\n---\n#Omnivore\n[Read Original](https://example.com/b)\n", frontmatter: hostile },
				{ path: "Clippings/linked.md", text: LINKED },
			],
			tidier.options,
			tidier.proxy,
		);
		expect(indexed[0]).toEqual({ error: "cannot read the title" });
		expect("item" in indexed[1] && indexed[1].item?.title).toBe("A Linked Article");
	});
});

describe("indexRequestHandler", () => {
	it("answers with the request's id and reads images through the proxies of the request's options", () => {
		const answer = indexRequestHandler();
		const note = { path: "Omnivore/p.md", text: PROXIED };
		const plain = new NoteTidier().options;
		const withProxy = new NoteTidier({ extraProxyBases: [SELF_PROXY] }).options;
		const problems = (id: number, options: typeof plain) => {
			const response = answer({ id, options, notes: [note] });
			expect(response.id).toBe(id);
			const [entry] = response.notes;
			return "item" in entry ? (entry.item as QueueItem).hasImageProblems : null;
		};
		// A data: page behind the configured proxy is left as it is: a problem, once the proxy is known.
		expect(problems(1, plain)).toBe(false);
		expect(problems(2, withProxy)).toBe(true);
		expect(problems(3, plain)).toBe(false);
	});
});
