/** @jest-environment jsdom */
// The virtual list's active row across new items: it stays on its item; one that left the list
// leaves the row on the next article still listed, wherever the new items put it.
import "../__mocks__/obsidian";
import { VirtualList } from "../../src/plugin/queue/virtualList";

function list(items: string[]) {
	const parent = document.body.createDiv();
	const virtual = new VirtualList<string>(parent, { rowHeight: 50, overscan: 2, key: (item) => item, idPrefix: "test", label: "Items", renderRow: (item, _i, el) => el.setText(item) });
	virtual.setItems(items);
	const active = () => parent.querySelector(".is-selected")?.textContent ?? null;
	return { virtual, active };
}

describe("the active row of a virtual list", () => {
	it("stays on its item when items arrive above it or the order changes", () => {
		const { virtual, active } = list(["a", "b", "c", "d"]);
		virtual.setActive(1);
		virtual.setItems(["new", "a", "b", "c", "d"]);
		expect([virtual.activeIndex, active()]).toEqual([2, "b"]);
		virtual.setItems(["d", "c", "b", "a", "new"]);
		expect([virtual.activeIndex, active()]).toEqual([2, "b"]);
	});

	it("goes to the next item still listed when its own left, though others arrived above", () => {
		const { virtual, active } = list(["a", "b", "c", "d"]);
		virtual.setActive(1);
		// b archived out of the list while a sync brought x and y above it: c is next, not y.
		virtual.setItems(["x", "y", "a", "c", "d"]);
		expect([virtual.activeIndex, active()]).toEqual([3, "c"]);
		// The last one left: the row before takes its place.
		virtual.setActive(4);
		virtual.setItems(["x", "y", "a", "c"]);
		expect([virtual.activeIndex, active()]).toEqual([3, "c"]);
		virtual.setItems([]);
		expect(virtual.activeIndex).toBe(-1);
	});
});
