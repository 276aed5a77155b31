// Gives every note the queue's `status`, read from the words people, templates and Omnivore wrote.

import { filledStateKey, STATE_KEY } from "../../omnivore/keys";
import { datedStatus, readFlag, readStatus, taggedStatus } from "../../omnivore/status";
import { bareTag, frontmatterTags } from "../../omnivore/tags";
import { showValue as show, type FrontmatterStep, type StepContext } from "../step";

export const statusStep: FrontmatterStep = {
	id: "status",
	description:
		"The reading status (`unread`, `reading`, `read`, `archived`) comes from a `status` or Omnivore's `state` " +
		"(which it replaces in place) whose meaning is clear (`readed`, `done`, `to read`, `INBOX`, `true`...); a note " +
		"with neither takes the state a template tagged (`#Omnivore/completed`), else `unread` (`archived` when Omnivore kept the date it was archived). A value whose meaning is unclear is left as written and reported.",
	examples: [
		{ title: "Omnivore's state becomes the status", before: "state: READING\nid: 1\n", after: "status: reading\nid: 1\n" },
		{ title: "A note without either is unread", before: "id: 1\n", after: "id: 1\nstatus: unread\n" },
		{ title: "An existing status wins", before: "status: read\nstate: INBOX\n", after: "status: read\nstate: INBOX\n" },
		{ title: "A status word with a clear meaning is written the queue's way", before: "status: Readed\n", after: "status: read\n" },
		{ title: "A boolean state", before: "state: false\n", after: "status: unread\n" },
		{ title: "A read flag of one's own is kept, and says the status", before: "id: 1\nReaded: true\n", after: "id: 1\nReaded: true\nstatus: read\n" },
		{ title: "...only when it is a yes or no", before: "id: 1\nread: twice\n", after: "id: 1\nread: twice\nstatus: unread\n" },
		{
			title: "Omnivore's state as a tag under the Omnivore tag (in the body too)",
			before: "id: 1\ntags:\n  - Omnivore/completed\n",
			after: "id: 1\ntags:\n  - Omnivore/completed\nstatus: read\n",
		},
		{
			title: "A label under the tag is no state",
			before: "id: 1\ntags:\n  - Omnivore/later\n",
			after: "id: 1\ntags:\n  - Omnivore/later\nstatus: unread\n",
		},
		{
			title: "A note Omnivore kept the archiving date of, without a state, is archived",
			before: "id: 1\ndate_archived: 2024-10-22T08:16:25\n",
			after: "id: 1\ndate_archived: 2024-10-22T08:16:25\nstatus: archived\n",
		},
		{ title: "An unclear status is left (and reported)", before: "status: someday maybe\n", after: "status: someday maybe\n" },
		{
			title: "A state that says the same as the status is dropped",
			before: "status: archived\nstate: ARCHIVED\n",
			after: "status: archived\n",
		},
	],
	apply(context: StepContext): void {
		const { frontmatter, options } = context;
		const key = context.keys.status;
		const stateKey = key.toLowerCase() === STATE_KEY ? undefined : filledStateKey(frontmatter.keys(), (name) => context.isMissing(name));
		// The checks of stateKey below narrow its type: without a state key, nothing reads as filled or as a status.
		const stateValue = stateKey === undefined ? undefined : frontmatter.get(stateKey);
		const stateFilled = stateKey !== undefined && !context.isMissing(stateKey);
		const fromState = stateFilled ? readStatus(stateValue, options.statusValues) : undefined;
		// Every spelling of `state` that says what the status says goes (`state: true` beside `State: read`),
		// or the next run would find the next one.
		const dropStatesSaying = (status: string): void => {
			for (const name of frontmatter.keys()) {
				if (name === key || name.toLowerCase() !== STATE_KEY || context.isMissing(name)) continue;
				if (readStatus(frontmatter.get(name), options.statusValues) === status) context.remove(name, `the same as ${key}`);
			}
		};

		if (!context.isMissing(key)) {
			const current = frontmatter.get(key);
			const status = readStatus(current, options.statusValues);
			if (status === undefined) {
				context.report.problem({
					code: "unknown-status",
					key,
					message: `${key} ${show(current)} is not a reading status the queue knows (unread, reading, read, archived); it was left as written and the queue lists the note under "unknown status".`,
				});
				return;
			}
			const wanted = options.statusValues[status];
			if (String(current) !== wanted) context.set(key, wanted, `${show(current)} means ${wanted}`);
			if (stateKey !== undefined) dropStatesSaying(status);
			return;
		}
		if (stateFilled && stateKey !== undefined) {
			if (fromState === undefined) {
				context.report.problem({
					code: "unknown-state",
					key: stateKey,
					message: `${stateKey} ${show(stateValue)} is not a reading state the queue knows; it was left as written and the queue lists the note under "unknown status".`,
				});
				return;
			}
			const status = options.statusValues[fromState];
			if (frontmatter.has(key)) {
				context.set(key, status, `from ${stateKey} ${show(stateValue)}`);
				context.remove(stateKey, `replaced by ${key}`);
			} else {
				context.rename(stateKey, key, `the queue's status replaces ${stateKey}`);
				if (frontmatter.get(key) !== status) context.set(key, status, `from ${stateKey} ${show(stateValue)}`);
			}
			dropStatesSaying(fromState);
			return;
		}
		const flag = readFlag(frontmatter.keys(), (name) => frontmatter.get(name), options.statusValues);
		if (flag) {
			context.fill(key, flag.status, `from ${flag.key}: ${String(frontmatter.get(flag.key))}`);
			return;
		}
		// The tags as the queue reads them (queueItem.ts), so that both read the same status.
		const tags = [...frontmatterTags(frontmatter.expectedValues()), ...(context.body.tagsUnderOmnivore?.() ?? [])];
		const tagged = taggedStatus(tags, options.tagName);
		if (tagged === "conflicting") {
			context.report.problem({
				code: "unknown-state",
				key,
				message: `the note's tags under #${bareTag(options.tagName)} give different reading states; no ${key} was written and the queue lists the note under "unknown status".`,
			});
			return;
		}
		if (tagged !== undefined) {
			context.fill(key, options.statusValues[tagged.status], `from the tag #${tagged.tag}`);
			return;
		}
		const dated = datedStatus(frontmatter.keys(), (name) => frontmatter.get(name), context.keys, options);
		if (dated !== undefined) {
			context.fill(key, options.statusValues[dated.status], `from ${dated.key}: ${String(frontmatter.get(dated.key))}`);
			return;
		}
		if (options.recover.status) context.fill(key, options.statusValues.unread, "for a note Omnivore had not marked");
	},
};
