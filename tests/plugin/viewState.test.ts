import { QueueViewState } from "../../src/plugin/queue/viewState";

describe("the queue view's state", () => {
	it("starts from the settings' defaults", () => {
		const state = new QueueViewState({ statuses: ["reading"], sort: "title" });
		expect(state.toJSON()).toEqual({ filter: expect.objectContaining({ statuses: ["reading"], search: "" }) as unknown, sort: "title" });
	});

	it("restores a saved state, keeping what is malformed as it was", () => {
		const state = new QueueViewState({ statuses: ["unread"], sort: "saved-newest" });
		state.restore({ filter: { statuses: ["read", "later"], search: "rust" }, sort: "no-such-sort" });
		expect(state.filter.statuses).toEqual(["read"]);
		expect(state.filter.search).toBe("rust");
		expect(state.sort).toBe("saved-newest");
		state.restore(null);
		state.restore("garbage");
		expect(state.filter.search).toBe("rust");
	});

	it("adds and removes a status, and clears filters but not the tabs", () => {
		const state = new QueueViewState({ statuses: ["unread"], sort: "saved-newest" });
		state.toggleStatus("read");
		expect(state.filter.statuses).toEqual(["unread", "read"]);
		state.toggleStatus("unread");
		expect(state.filter.statuses).toEqual(["read"]);
		state.setFilter({ search: "crdt", tags: ["papers"] });
		state.clearFilters();
		expect(state.filter).toMatchObject({ statuses: ["read"], search: "", tags: [] });
	});
});
