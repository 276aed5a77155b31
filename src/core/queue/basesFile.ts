// The text of a Bases file (`.base`) that shows the queue in Obsidian's own database views.

import { stringify } from "yaml";
import type { TidyOptions } from "../options";

/** Unread, Reading and Archive (read and archived) views over the normalized properties. */
export function queueBaseFile(options: Pick<TidyOptions, "tagName" | "keys" | "statusValues" | "match">): string {
	const { keys, statusValues } = options;
	const tagged = `file.hasTag(${JSON.stringify(options.tagName)})`;
	// Untagged Omnivore notes carry their Omnivore address once tidied.
	const scope = options.match === "tag" ? { and: [tagged] } : { or: [tagged, `file.hasProperty(${JSON.stringify(keys.omnivoreUrl)})`] };
	const is = (value: string) => `${keys.status} == ${JSON.stringify(value)}`;
	const columns = ["file.name", keys.author, keys.siteName, keys.dateSaved, keys.status];
	const base = {
		filters: scope,
		properties: {
			[keys.siteName]: { displayName: "Site" },
			[keys.dateSaved]: { displayName: "Saved" },
		},
		views: [
			{
				type: "table",
				name: "Unread",
				filters: { and: [is(statusValues.unread)] },
				order: columns,
				sort: [{ property: keys.dateSaved, direction: "ASC" }],
			},
			{
				type: "table",
				name: "Reading",
				filters: { and: [is(statusValues.reading)] },
				order: columns,
				sort: [{ property: keys.dateSaved, direction: "DESC" }],
			},
			{
				type: "table",
				name: "Archive",
				filters: { or: [is(statusValues.read), is(statusValues.archived)] },
				order: columns,
				sort: [{ property: keys.dateSaved, direction: "DESC" }],
			},
		],
	};
	return stringify(base, { lineWidth: 0 });
}
