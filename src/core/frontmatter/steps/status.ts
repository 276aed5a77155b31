// Gives every note the queue's `status`, mapped from Omnivore's `state` when there is one.

import type { StatusValues } from "../../options";
import { quoteForMessage } from "../../report";
import type { FrontmatterStep, StepContext } from "../step";

const STATE_KEY = "state";

/** Omnivore's `state` values and the queue status each one means. */
export const STATE_TO_STATUS: Record<string, keyof StatusValues> = {
	INBOX: "unread",
	READING: "reading",
	COMPLETED: "read",
	ARCHIVED: "archived",
};

export const statusStep: FrontmatterStep = {
	id: "status",
	description:
		"The reading status (`unread`, `reading`, `read`, `archived`) comes from Omnivore's `state`, which it " +
		"replaces in place; a note with neither gets `unread`. An existing status is never overwritten.",
	examples: [
		{ title: "Omnivore's state becomes the status", before: "state: READING\nid: 1\n", after: "status: reading\nid: 1\n" },
		{ title: "A note without either is unread", before: "id: 1\n", after: "id: 1\nstatus: unread\n" },
		{ title: "An existing status wins", before: "status: read\nstate: INBOX\n", after: "status: read\nstate: INBOX\n" },
		{
			title: "A state that says the same as the status is dropped",
			before: "status: archived\nstate: ARCHIVED\n",
			after: "status: archived\n",
		},
	],
	apply(context: StepContext): void {
		const { frontmatter, options } = context;
		const key = context.keys.status;
		const state = frontmatter.has(STATE_KEY) ? context.text(STATE_KEY) : undefined;
		const mapped = state === undefined ? undefined : STATE_TO_STATUS[state.toUpperCase()];
		if (state !== undefined && mapped === undefined) {
			context.report.problem({
				code: "unknown-state",
				key: STATE_KEY,
				message: `state ${quoteForMessage(state)} is not one of Omnivore's states (INBOX, READING, COMPLETED, ARCHIVED); it was left as written.`,
			});
		}
		const status = mapped === undefined ? undefined : options.statusValues[mapped];
		if (!context.isMissing(key)) {
			if (status !== undefined && context.text(key) === status) context.remove(STATE_KEY, `the same as ${key}`);
			return;
		}
		if (status !== undefined) {
			if (frontmatter.has(key)) {
				context.set(key, status, `from Omnivore's state ${state}`);
				context.remove(STATE_KEY, `replaced by ${key}`);
			} else {
				context.rename(STATE_KEY, key, "the queue's status replaces Omnivore's state");
				context.set(key, status, `from Omnivore's state ${state}`);
			}
			return;
		}
		if (state === undefined && options.recover.status) {
			context.fill(key, options.statusValues.unread, "for a note Omnivore had not marked");
		}
	},
};
