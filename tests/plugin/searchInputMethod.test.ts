/** @jest-environment jsdom */
// The search box leaves an input method's keys alone: in Chromium they come while `isComposing`;
// WebKit (Obsidian on iPhone and iPad, Safari) ends the composition just before the keydown of the
// Enter that commits it, which then has isComposing false (WebKit bug 165004).
import "../__mocks__/obsidian";
import { QueueHeader } from "../../src/plugin/queue/queueHeader";
import { QueueViewState } from "../../src/plugin/queue/viewState";

function searchBox() {
	const toList = jest.fn(() => true);
	const header = new QueueHeader(document.body, new QueueViewState({ statuses: ["unread"], sort: "saved-newest" }), {
		changed: () => undefined,
		toggleFilters: () => undefined,
		savedFilters: () => [],
		saveCurrent: () => undefined,
		toList,
	});
	const press = (key: string, isComposing = false) => {
		const event = new KeyboardEvent("keydown", { key, isComposing, bubbles: true, cancelable: true });
		header.searchEl.dispatchEvent(event);
		return event;
	};
	return { search: header.searchEl, toList, press };
}

test("an Enter that commits a composition in Chromium (isComposing) stays in the search box", () => {
	const { search, toList, press } = searchBox();
	search.dispatchEvent(new CompositionEvent("compositionstart"));
	expect(press("Enter", true).defaultPrevented).toBe(false);
	expect(press("ArrowDown", true).defaultPrevented).toBe(false);
	expect(toList).not.toHaveBeenCalled();
});

test("an Enter that commits a composition in WebKit (the composition ended just before) stays in the search box", async () => {
	const { search, toList, press } = searchBox();
	search.dispatchEvent(new CompositionEvent("compositionstart"));
	search.dispatchEvent(new CompositionEvent("compositionend"));
	expect(press("Enter").defaultPrevented).toBe(false);
	expect(toList).not.toHaveBeenCalled();
	// The next Enter, typed after the word was committed, moves into the list as always.
	await new Promise((resolve) => setTimeout(resolve, 0));
	expect(press("Enter").defaultPrevented).toBe(true);
	expect(toList).toHaveBeenCalledTimes(1);
});

test("an Enter typed after a composition ended, with no key between, moves into the list", async () => {
	const { search, toList, press } = searchBox();
	search.dispatchEvent(new CompositionEvent("compositionstart"));
	// The word was committed by a tap on the candidate bar, which sends no key.
	search.dispatchEvent(new CompositionEvent("compositionend"));
	await new Promise((resolve) => setTimeout(resolve, 150));
	expect(press("Enter").defaultPrevented).toBe(true);
	expect(toList).toHaveBeenCalledTimes(1);
});
