import { countChanges, describeCounts, groupProblems, NoteTidier, plural } from "../../src/core";

const tidier = new NoteTidier();

describe("counting a run", () => {
	it("counts properties, a repaired frontmatter as one, and image URLs, the same for every command", () => {
		const note = "---\ntitle: Rust: What Comes Next\nstate: ARCHIVED\n---\n#Omnivore\n![](https://proxy-prod.omnivore-image-cache.app/0x0,sAbc/https://a.example/x.png)\n";
		const { report } = tidier.tidy(note);
		const repaired = report.changes.filter((c) => c.kind === "frontmatter-repaired").length;
		const keys = report.changes.filter((c) => c.kind.startsWith("key-")).length;
		expect(repaired).toBe(1);
		expect(countChanges(report.changes)).toEqual({ properties: keys + 1, imageUrls: 1 });
		expect(describeCounts(countChanges(report.changes))).toBe(`${keys + 1} properties and 1 image URL`);
		expect(describeCounts({ properties: 1, imageUrls: 0 })).toBe("1 property");
	});

	it("says one or many", () => {
		expect([plural(0, "note"), plural(1, "note"), plural(2, "property", "properties")]).toEqual(["0 notes", "1 note", "2 properties"]);
	});

	it("groups problems by kind, in order of first appearance", () => {
		const groups = groupProblems([
			{ path: "a.md", problems: [{ code: "ambiguous-date", message: "x" }, { code: "unreadable-file", message: "y" }] },
			{ path: "b.md", problems: [{ code: "ambiguous-date", message: "z" }] },
		]);
		expect([...groups.keys()]).toEqual(["ambiguous-date", "unreadable-file"]);
		expect(groups.get("ambiguous-date")?.map((p) => p.path)).toEqual(["a.md", "b.md"]);
	});
});
