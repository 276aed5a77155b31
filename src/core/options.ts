// The settings the engine runs with: canonical property names, tag, proxy hosts and date handling.

/** Canonical property names of the normalized schema. Each is a setting so users can keep their own names. */
export interface SchemaKeys {
	title: string;
	author: string;
	tags: string;
	dateSaved: string;
	datePublished: string;
	dateRead: string;
	dateArchived: string;
	originalUrl: string;
	omnivoreUrl: string;
	siteName: string;
	image: string;
	status: string;
}

export interface StatusValues {
	unread: string;
	reading: string;
	read: string;
	archived: string;
}

/** Which values the engine may add when a note lacks them. */
export interface RecoverFields {
	title: boolean;
	dateSaved: boolean;
	originalUrl: boolean;
	omnivoreUrl: boolean;
	siteName: boolean;
	status: boolean;
}

/** How to read `03/04/2024`: day first, month first, or not at all (report it as ambiguous). */
export type DayMonthOrder = "auto" | "day-first" | "month-first";

/** How Omnivore notes are found: by the tag alone, or also by the marks Omnivore's plugin left. */
export type MatchMode = "tag" | "fingerprint";

export interface TidyOptions {
	/**
	 * Tag that marks an Omnivore note, without `#`, any case. A one-segment name matches any segment
	 * of a nested tag (`Type/Omnivore`); a nested name (`Sources/Omnivore`) is matched exactly.
	 */
	tagName: string;
	match: MatchMode;
	/** Hosts of a self-hosted Omnivore (`omnivore.example.com`), whose `/me/` links mark a note like omnivore.app's. */
	omnivoreHosts: string[];
	keys: SchemaKeys;
	statusValues: StatusValues;
	/** Extra date properties to normalize besides the four canonical ones. */
	extraDateKeys: string[];
	/** Format for values that carry a time, in Obsidian's (Moment) syntax: `YYYY-MM-DDTHH:mm:ss`. */
	dateTimeFormat: string;
	/** Format for values that are a date only, in Moment syntax: `YYYY-MM-DD`. */
	dateFormat: string;
	dayMonthOrder: DayMonthOrder;
	/** Self-hosted proxy bases (`http://localhost:7070`), in addition to Omnivore's own. */
	extraProxyBases: string[];
	recover: RecoverFields;
}

/** Omnivore's own image proxies. */
export const OMNIVORE_PROXY_BASES: readonly string[] = [
	"https://proxy-prod.omnivore-image-cache.app",
	"https://proxy-demo.omnivore-image-cache.app",
	"https://proxy-dev.omnivore-image-cache.app",
	"https://proxy.omnivore-image-cache.app",
];

export const DEFAULT_OPTIONS: TidyOptions = {
	tagName: "Omnivore",
	match: "fingerprint",
	omnivoreHosts: [],
	keys: {
		title: "title",
		author: "author",
		tags: "tags",
		dateSaved: "date_saved",
		datePublished: "date_published",
		dateRead: "date_read",
		dateArchived: "date_archived",
		originalUrl: "original_url",
		omnivoreUrl: "omnivore_url",
		siteName: "site_name",
		image: "image",
		status: "status",
	},
	statusValues: {
		unread: "unread",
		reading: "reading",
		read: "read",
		archived: "archived",
	},
	extraDateKeys: [],
	dateTimeFormat: "YYYY-MM-DDTHH:mm:ss",
	dateFormat: "YYYY-MM-DD",
	dayMonthOrder: "auto",
	extraProxyBases: [],
	recover: {
		title: true,
		dateSaved: true,
		originalUrl: true,
		omnivoreUrl: true,
		siteName: true,
		status: true,
	},
};

/** Fill in defaults for anything a caller (or an older settings file) left out. */
export function resolveOptions(partial: Partial<TidyOptions> = {}): TidyOptions {
	return {
		...DEFAULT_OPTIONS,
		...partial,
		keys: { ...DEFAULT_OPTIONS.keys, ...partial.keys },
		statusValues: { ...DEFAULT_OPTIONS.statusValues, ...partial.statusValues },
		recover: { ...DEFAULT_OPTIONS.recover, ...partial.recover },
		extraDateKeys: [...(partial.extraDateKeys ?? DEFAULT_OPTIONS.extraDateKeys)],
		extraProxyBases: [...(partial.extraProxyBases ?? DEFAULT_OPTIONS.extraProxyBases)],
		// A settings file edited by hand may hold anything: only strings are hosts.
		omnivoreHosts: Array.isArray(partial.omnivoreHosts) ? partial.omnivoreHosts.filter((host): host is string => typeof host === "string") : [],
		match: partial.match === "tag" ? "tag" : "fingerprint",
	};
}
