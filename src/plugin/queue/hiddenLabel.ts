// Names for screen readers that are not shown: Obsidian shows an element's aria-label as a tooltip,
// which on a whole list or tab strip would follow the pointer everywhere, so containers are named
// by a visually hidden element instead.

let nextId = 0;

/** Add a hidden text to `parent` and return its id, for aria-labelledby or aria-describedby. */
export function hiddenText(parent: HTMLElement, text: string): string {
	const id = `omnivore-queue-label-${nextId++}`;
	parent.createSpan({ cls: "omnivore-queue-sr-only", text, attr: { id } });
	return id;
}
