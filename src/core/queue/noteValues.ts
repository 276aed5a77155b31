// A note's frontmatter values as the queue reads them: under the canonical key, an alias or another
// case, the way tidy merges them, so notes that were never tidied show the same.

import type { FrontmatterEditor } from "../frontmatter/yamlEditor";
import { aliasHolds, daysBeforeSave, isBlank } from "../omnivore/aliasValue";
import { filledStateKey, findKey, findSchemaKey, isPlaceholder } from "../omnivore/keys";
import { datedStatus, readFlag } from "../omnivore/status";
import type { SchemaKeys, StatusValues, TidyOptions } from "../options";
import { unwrapProxyUrl, type ProxyMatcher } from "../proxyUrls";

/** Reads values under the canonical key or an alias, any case (from an empty block when the note has none). */
export class NoteValues {
	private readonly present: string[];

	constructor(
		private readonly editor: FrontmatterEditor,
		private readonly options: TidyOptions,
		private readonly proxy: ProxyMatcher,
	) {
		this.present = editor.keys();
	}

	text(name: string): string | undefined {
		const key = findKey(this.present, name);
		// Stryker disable next-line ConditionalExpression: a key that is not there has no value either
		return key === undefined ? undefined : this.editor.getText(key);
	}

	raw(name: string): unknown {
		const key = findKey(this.present, name);
		// Stryker disable next-line ConditionalExpression: see above
		return key === undefined ? undefined : this.editor.get(key);
	}

	readFlag(configured: StatusValues): ReturnType<typeof readFlag> {
		return readFlag(this.present, (name) => this.editor.get(name), configured);
	}

	datedStatus(): ReturnType<typeof datedStatus> {
		return datedStatus(this.present, (name) => this.editor.get(name), this.options.keys, this.options);
	}

	/** Omnivore's `state` as tidy finds it (`filledStateKey`). */
	state(): unknown {
		const key = filledStateKey(this.present, (name) => isBlank(this.editor.get(name)));
		return key === undefined ? undefined : this.editor.get(key);
	}

	/**
	 * The key of a schema value as tidy finds it: the configured name as written when `holds` says it
	 * holds one (tidy keeps whatever it holds), else another spelling or alias with a value of the kind
	 * that `aliasToo` accepts.
	 */
	private keyOf(key: keyof SchemaKeys, holds: (name: string) => boolean, aliasToo: (name: string) => boolean = () => true): string | undefined {
		const canonical = this.options.keys[key];
		return findSchemaKey(this.present, key, this.options.keys, (name) => (name === canonical ? holds(name) : aliasHolds(key, this.editor.get(name), this.options) && aliasToo(name)));
	}

	/** The status: the configured key unless empty, whatever it holds, else another spelling holding a word. */
	status(): unknown {
		const found = this.keyOf("status", (name) => !isBlank(this.editor.get(name)));
		// Stryker disable next-line ConditionalExpression: see above
		return found === undefined ? undefined : this.editor.get(found);
	}

	schema(key: keyof SchemaKeys): string | undefined {
		return this.textOf(this.keyOf(key, (name) => this.filled(key, name)));
	}

	/** The save date as tidy keeps it: not a bare `date` earlier than the save the Omnivore link records. */
	saveDate(saved: () => Date | null): string | undefined {
		const found = this.keyOf(
			"dateSaved",
			(name) => this.filled("dateSaved", name),
			(name) => daysBeforeSave(name, this.editor.get(name), saved, this.options) === null,
		);
		return this.textOf(found);
	}

	private filled(key: keyof SchemaKeys, name: string): boolean {
		return this.editor.getText(name) !== undefined && !isPlaceholder(key, this.editor.get(name));
	}

	private textOf(found: string | undefined): string | undefined {
		// Stryker disable next-line ConditionalExpression: see above
		const text = found === undefined ? undefined : this.editor.getText(found);
		// A proxied image address in a value is shown as tidy writes it (the images step).
		const unwrapped = text === undefined ? null : unwrapProxyUrl(text, this.proxy);
		return unwrapped?.ok ? unwrapped.url : text;
	}

	/** A schema value written as a list of names, joined. */
	names(key: keyof SchemaKeys): string | undefined {
		const found = this.keyOf(key, (name) => namesIn(this.editor.get(name)) !== undefined);
		return found === undefined ? undefined : namesIn(this.editor.get(found));
	}
}

/** A list of names (`author: [Ann, Bob]`, as Linter or Metadata Menu write it), joined; else undefined. */
function namesIn(value: unknown): string | undefined {
	if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === "string" && item.trim() !== "")) return undefined;
	// Omnivore's `unknown` is no name, in a list as alone.
	const names = (value as string[]).filter((name) => !isPlaceholder("author", name)).map((name) => name.trim());
	return names.length > 0 ? names.join(", ") : undefined;
}
