// An in-memory stand-in for the `obsidian` module (the npm package has types only). It follows the
// documented behaviour the plugin relies on: `create` for every file while the vault loads, then
// layout ready; `changed` once a file is indexed and after every modification; `modify` after
// `process`; `rename` and `delete`. Test helpers live on the fake classes, prefixed with `test`.
import { parse as parseYaml } from "yaml";
import { splitNote } from "../../src/core/note";
import { findCodeRanges, isInside } from "../../src/core/markdown/codeRanges";
import { utf8Length } from "../../src/core/utf8";

// ---------------------------------------------------------------------------------------------
// DOM helpers Obsidian adds to elements (only where a DOM exists: jsdom tests).

interface DomElementInfo {
	cls?: string | string[];
	text?: string;
	attr?: Record<string, string | number | boolean | null>;
	href?: string;
	type?: string;
	value?: string;
	placeholder?: string;
	title?: string;
}

function applyInfo(el: HTMLElement, info?: DomElementInfo | string): void {
	if (info === undefined) return;
	if (typeof info === "string") {
		el.className = info;
		return;
	}
	if (info.cls) el.className = Array.isArray(info.cls) ? info.cls.join(" ") : info.cls;
	if (info.text !== undefined) el.textContent = info.text;
	if (info.href !== undefined) el.setAttribute("href", info.href);
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.title !== undefined) el.setAttribute("title", info.title);
	if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
	for (const [name, value] of Object.entries(info.attr ?? {})) {
		if (value === null || value === false) el.removeAttribute(name);
		else el.setAttribute(name, String(value));
	}
}

function createElIn(parent: Node | null, tag: string, info?: DomElementInfo | string, callback?: (el: HTMLElement) => void): HTMLElement {
	const el = document.createElement(tag);
	applyInfo(el, info);
	parent?.appendChild(el);
	callback?.(el);
	return el;
}

if (typeof HTMLElement !== "undefined") {
	const helpers = {
		createEl(this: Node, tag: string, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return createElIn(this, tag, info, cb);
		},
		createDiv(this: Node, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return createElIn(this, "div", info, cb);
		},
		createSpan(this: Node, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
			return createElIn(this, "span", info, cb);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
	};
	Object.assign(Node.prototype, helpers);
	Object.assign(HTMLElement.prototype, {
		setText(this: HTMLElement, text: string) {
			this.textContent = text;
		},
		getText(this: HTMLElement) {
			return this.textContent ?? "";
		},
		addClass(this: HTMLElement, ...classes: string[]) {
			this.classList.add(...classes);
		},
		removeClass(this: HTMLElement, ...classes: string[]) {
			this.classList.remove(...classes);
		},
		toggleClass(this: HTMLElement, cls: string, value: boolean) {
			this.classList.toggle(cls, value);
		},
		hasClass(this: HTMLElement, cls: string) {
			return this.classList.contains(cls);
		},
		setAttr(this: HTMLElement, name: string, value: string | number | boolean | null) {
			if (value === null || value === false) this.removeAttribute(name);
			else this.setAttribute(name, String(value));
		},
		setCssProps(this: HTMLElement, props: Record<string, string>) {
			for (const [name, value] of Object.entries(props)) this.style.setProperty(name, value);
		},
		show(this: HTMLElement) {
			this.style.display = "";
		},
		hide(this: HTMLElement) {
			this.style.display = "none";
		},
	});
	const g = globalThis as any;
	g.createEl = (tag: string, info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(null, tag, info, cb);
	g.createDiv = (info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(null, "div", info, cb);
	g.createSpan = (info?: DomElementInfo | string, cb?: (el: HTMLElement) => void) => createElIn(null, "span", info, cb);
	g.createFragment = (cb?: (el: DocumentFragment) => void) => {
		const fragment = document.createDocumentFragment();
		cb?.(fragment);
		return fragment;
	};
	g.activeDocument = document;
	g.activeWindow = window;
}

// ---------------------------------------------------------------------------------------------
// Small functions.


/** A text's size on disk, as Obsidian's `stat.size` gives it: bytes of UTF-8. */
function utf8Bytes(text: string): number {
	if (typeof Buffer !== "undefined") return Buffer.byteLength(text, "utf8");
	let bytes = 0;
	for (const char of text) bytes += utf8Length(char);
	return bytes;
}

export function normalizePath(path: string): string {
	const cleaned = path
		.replace(/\\/g, "/")
		.replace(/\/+/g, "/")
		.replace(/^\/+|\/+$/g, "")
		.normalize("NFC");
	return cleaned === "" ? "/" : cleaned;
}

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): Debouncer<T, V>;
	cancel(): Debouncer<T, V>;
	run(): V | void;
}

export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const run = (): V | void => {
		timer = null;
		if (!lastArgs) return;
		const args = lastArgs;
		lastArgs = null;
		return cb(...args);
	};
	const debounced = ((...args: T) => {
		lastArgs = args;
		if (timer && resetTimer) {
			clearTimeout(timer);
			timer = null;
		}
		if (!timer) timer = setTimeout(run, timeout);
		return debounced;
	}) as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		lastArgs = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer) clearTimeout(timer);
		return run();
	};
	return debounced;
}

export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.setAttribute("data-icon", iconId);
	// The browser page draws icons, for its screenshots; jsdom tests only need the name.
	const draw = (globalThis as { testDrawIcon?: (name: string) => SVGSVGElement | null }).testDrawIcon;
	const svg = draw?.(iconId);
	if (svg) {
		parent.querySelector("svg")?.remove();
		parent.prepend(svg);
	}
}

export function setTooltip(el: HTMLElement, tooltip: string, _options?: unknown): void {
	el.setAttribute("aria-label", tooltip);
}

/** Like Obsidian's: the text with each matched range in a `search-result-file-matched-text` span. */
export function renderMatches(el: HTMLElement | DocumentFragment, text: string, matches: Array<[number, number]> | null, offset = 0): void {
	let at = 0;
	for (const [start, end] of matches ?? []) {
		const from = start + offset;
		const to = end + offset;
		if (from < at || from >= text.length) continue;
		if (from > at) el.appendChild(document.createTextNode(text.slice(at, from)));
		el.appendChild(createElIn(null, "span", { cls: "search-result-file-matched-text", text: text.slice(from, to) }));
		at = to;
	}
	if (at < text.length) el.appendChild(document.createTextNode(text.slice(at)));
}

/** Frontmatter tags with `#`, from `tags`/`tag` (list, or string split on commas and spaces). */
export function parseFrontMatterTags(frontmatter: any): string[] | null {
	if (!frontmatter || typeof frontmatter !== "object") return null;
	const tags: string[] = [];
	for (const [key, value] of Object.entries(frontmatter)) {
		if (!/^tags?$/i.test(key)) continue;
		const values = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
		for (const v of values) {
			if (v === null || v === undefined || String(v).trim() === "") continue;
			const tag = String(v).trim();
			tags.push(tag.startsWith("#") ? tag : `#${tag}`);
		}
	}
	return tags.length > 0 ? tags : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
	return tags.length > 0 ? tags : null;
}

export function getFrontMatterInfo(content: string) {
	const parts = splitNote(content);
	if (!parts.frontmatter) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const from = parts.bom.length + parts.frontmatter.open.length;
	const to = from + parts.frontmatter.yaml.length;
	return { exists: true, frontmatter: parts.frontmatter.yaml, from, to, contentStart: to + parts.frontmatter.close.length };
}

export function prepareFuzzySearch(query: string): (text: string) => { score: number; matches: Array<[number, number]> } | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		const t = text.toLowerCase();
		let from = 0;
		const matches: Array<[number, number]> = [];
		for (const ch of q) {
			const at = t.indexOf(ch, from);
			if (at === -1) return null;
			matches.push([at, at + 1]);
			from = at + 1;
		}
		return { score: -from, matches };
	};
}

export interface RequestUrlParam {
	url: string;
	method?: string;
	headers?: Record<string, string>;
	throw?: boolean;
}

export interface RequestUrlResponse {
	status: number;
	headers: Record<string, string>;
	arrayBuffer: ArrayBuffer;
	text: string;
}

/**
 * Test helper: what `requestUrl` answers with (a test wires it to its local HTTP server). Without one,
 * `requestUrl` fails, so a test that makes no request proves the plugin made none.
 */
export const testNetwork: { handler: ((request: RequestUrlParam) => Promise<RequestUrlResponse>) | null } = { handler: null };

/** Like Obsidian's: redirects followed, and a status of 400 or more throws unless `throw: false`. */
export async function requestUrl(request: RequestUrlParam | string): Promise<RequestUrlResponse> {
	const param = typeof request === "string" ? { url: request } : request;
	if (!testNetwork.handler) throw new Error("requestUrl is not available in tests: the plugin makes no network requests");
	const response = await testNetwork.handler(param);
	if (response.status >= 400 && param.throw !== false) throw new Error(`Request failed, status ${response.status}`);
	return response;
}

export const Keymap = {
	/** Like Obsidian's: "tab" for Ctrl/Cmd, "split" with Alt, "window" with Shift too; false without. */
	isModEvent(event?: MouseEvent | KeyboardEvent | null): false | "tab" | "split" | "window" {
		if (!event || !(event.ctrlKey || event.metaKey)) return false;
		if (event.altKey) return event.shiftKey ? "window" : "split";
		return "tab";
	},
};

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false };

// ---------------------------------------------------------------------------------------------
// Events and components.

export interface EventRef {
	events: Events;
	name: string;
	callback: (...data: any[]) => any;
	ctx?: any;
}

export class Events {
	private handlers = new Map<string, EventRef[]>();

	on(name: string, callback: (...data: any[]) => any, ctx?: any): EventRef {
		const ref: EventRef = { events: this, name, callback, ctx };
		this.handlers.set(name, [...(this.handlers.get(name) ?? []), ref]);
		return ref;
	}

	off(name: string, callback: (...data: any[]) => any): void {
		this.handlers.set(
			name,
			(this.handlers.get(name) ?? []).filter((ref) => ref.callback !== callback),
		);
	}

	offref(ref: EventRef): void {
		this.handlers.set(
			ref.name,
			(this.handlers.get(ref.name) ?? []).filter((r) => r !== ref),
		);
	}

	trigger(name: string, ...data: any[]): void {
		for (const ref of [...(this.handlers.get(name) ?? [])]) ref.callback.apply(ref.ctx, data);
	}

	tryTrigger(ref: EventRef, args: any[]): void {
		try {
			ref.callback.apply(ref.ctx, args);
		} catch (error) {
			console.error(error);
		}
	}

	/** Test helper: how many handlers listen to an event. */
	testListenerCount(name: string): number {
		return (this.handlers.get(name) ?? []).length;
	}
}

export class Component {
	private loaded = false;
	/** Test helper: settles when `onload` (which may be async, as Obsidian allows) has finished. */
	testLoaded: Promise<void> = Promise.resolve();
	private cleanups: Array<() => void> = [];
	private children: Component[] = [];

	load(): void {
		if (this.loaded) return;
		this.loaded = true;
		this.testLoaded = Promise.resolve(this.onload());
		for (const child of this.children) child.load();
	}

	onload(): void | Promise<void> {}

	unload(): void {
		if (!this.loaded) return;
		this.loaded = false;
		for (const child of this.children.splice(0)) child.unload();
		for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		this.children.push(component);
		if (this.loaded) component.load();
		return component;
	}

	removeChild<T extends Component>(component: T): T {
		this.children = this.children.filter((c) => c !== component);
		component.unload();
		return component;
	}

	register(cb: () => any): void {
		this.cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.cleanups.push(() => ref.events.offref(ref));
	}

	registerDomEvent(el: EventTarget, type: string, callback: (evt: any) => any, options?: boolean | AddEventListenerOptions): void {
		el.addEventListener(type, callback, options);
		this.cleanups.push(() => el.removeEventListener(type, callback, options));
	}

	registerInterval(id: number): number {
		this.cleanups.push(() => clearInterval(id));
		return id;
	}
}

// ---------------------------------------------------------------------------------------------
// Files and the vault.

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export interface FileStats {
	ctime: number;
	mtime: number;
	size: number;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

function setPath(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path.split("/").pop() ?? path;
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

/** Config-folder storage (`vault.adapter`), kept apart from the notes. */
export class FakeDataAdapter {
	files = new Map<string, { data: string; mtime: number }>();
	folders = new Set<string>();
	private clock = 0;

	getName(): string {
		return "fake";
	}

	async exists(path: string): Promise<boolean> {
		return this.files.has(path) || this.folders.has(path);
	}

	async stat(path: string) {
		const file = this.files.get(path);
		if (file) return { type: "file" as const, ctime: file.mtime, mtime: file.mtime, size: utf8Bytes(file.data) };
		return this.folders.has(path) ? { type: "folder" as const, ctime: 0, mtime: 0, size: 0 } : null;
	}

	async list(path: string) {
		// Like the desktop adapter (fs.readdir), listing a folder that does not exist fails.
		if (!this.folders.has(path)) throw new Error(`ENOENT: no such file or directory, scandir '${path}'`);
		const prefix = `${path}/`;
		const direct = (p: string) => p.startsWith(prefix) && !p.slice(prefix.length).includes("/");
		return { files: [...this.files.keys()].filter(direct), folders: [...this.folders].filter(direct) };
	}

	async read(path: string): Promise<string> {
		const file = this.files.get(path);
		if (!file) throw new Error(`ENOENT: no such file, open '${path}'`);
		return file.data;
	}

	async write(path: string, data: string): Promise<void> {
		this.ensureParent(path);
		this.files.set(path, { data, mtime: ++this.clock });
	}

	async append(path: string, data: string): Promise<void> {
		this.ensureParent(path);
		const file = this.files.get(path);
		this.files.set(path, { data: (file?.data ?? "") + data, mtime: ++this.clock });
	}

	async mkdir(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
	}

	async remove(path: string): Promise<void> {
		if (!this.files.delete(path)) throw new Error(`ENOENT: no such file, unlink '${path}'`);
	}

	private ensureParent(path: string): void {
		const parent = path.split("/").slice(0, -1).join("/");
		if (parent && !this.folders.has(parent)) throw new Error(`ENOENT: no such directory '${parent}'`);
	}
}

export class Vault extends Events {
	configDir = ".obsidian";
	adapter = new FakeDataAdapter();
	private readonly root: TFolder;
	private readonly contents = new Map<string, string>();
	private readonly index = new Map<string, TAbstractFile>();
	private mtime = 1_700_000_000_000;
	/** Test helper: called before each write; throw from it to simulate a failing disk. */
	testBeforeWrite: ((file: TFile, data: string) => void) | null = null;
	/** Test helper: every write, in order. */
	testWrites: Array<{ path: string; data: string }> = [];

	constructor() {
		super();
		this.root = new TFolder();
		this.root.vault = this;
		this.root.path = "/";
		this.index.set("/", this.root);
	}

	getName(): string {
		return "test vault";
	}

	getRoot(): TFolder {
		return this.root;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.index.get(normalizePath(path)) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		const file = this.getAbstractFileByPath(path);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const folder = this.getAbstractFileByPath(path);
		return folder instanceof TFolder ? folder : null;
	}

	getFiles(): TFile[] {
		return [...this.index.values()].filter((f): f is TFile => f instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.index.values()];
	}

	private folderFor(path: string): TFolder {
		const parentPath = path.split("/").slice(0, -1).join("/");
		if (parentPath === "") return this.root;
		const existing = this.index.get(parentPath);
		if (existing instanceof TFolder) return existing;
		const folder = new TFolder();
		folder.vault = this;
		setPath(folder, parentPath);
		folder.parent = this.folderFor(parentPath);
		folder.parent.children.push(folder);
		this.index.set(parentPath, folder);
		return folder;
	}

	private addFile(path: string, data: string): TFile {
		const file = new TFile();
		file.vault = this;
		setPath(file, path);
		file.parent = this.folderFor(path);
		file.parent.children.push(file);
		file.stat = { ctime: ++this.mtime, mtime: this.mtime, size: utf8Bytes(data) };
		this.contents.set(path, data);
		this.index.set(path, file);
		return file;
	}

	async create(path: string, data: string): Promise<TFile> {
		const normalized = normalizePath(path);
		if (this.index.has(normalized)) throw new Error("File already exists.");
		const file = this.addFile(normalized, data);
		this.trigger("create", file);
		return file;
	}

	/** Binary files (attachments), by path. */
	private readonly binaries = new Map<string, ArrayBuffer>();

	async createBinary(path: string, data: ArrayBuffer): Promise<TFile> {
		const normalized = normalizePath(path);
		if (this.index.has(normalized)) throw new Error("File already exists.");
		const file = this.addFile(normalized, "");
		file.stat = { ...file.stat, size: data.byteLength };
		this.binaries.set(normalized, data.slice(0));
		this.trigger("create", file);
		return file;
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		const data = this.binaries.get(file.path);
		if (data === undefined) throw new Error(`File ${file.path} does not exist`);
		return data;
	}

	async createFolder(path: string): Promise<TFolder> {
		const normalized = normalizePath(path);
		if (this.index.has(normalized)) throw new Error("Folder already exists.");
		return this.folderFor(`${normalized}/x`);
	}

	async read(file: TFile): Promise<string> {
		const data = this.contents.get(file.path);
		if (data === undefined) throw new Error(`File ${file.path} does not exist`);
		return data;
	}

	async cachedRead(file: TFile): Promise<string> {
		return this.read(file);
	}

	private write(file: TFile, data: string): void {
		this.testBeforeWrite?.(file, data);
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: ++this.mtime, size: utf8Bytes(data) };
		this.testWrites.push({ path: file.path, data });
		this.trigger("modify", file);
	}

	async modify(file: TFile, data: string): Promise<void> {
		if (!this.contents.has(file.path)) throw new Error(`File ${file.path} does not exist`);
		this.write(file, data);
	}

	/** Read, change and save in one step; like Obsidian, the save triggers `modify`. */
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const current = await this.read(file);
		const next = fn(current);
		this.write(file, next);
		return next;
	}

	async append(file: TFile, data: string): Promise<void> {
		this.write(file, (await this.read(file)) + data);
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		const oldPath = file.path;
		const normalized = normalizePath(newPath);
		if (file instanceof TFile) {
			const data = this.contents.get(oldPath) ?? "";
			this.contents.delete(oldPath);
			this.contents.set(normalized, data);
		}
		this.index.delete(oldPath);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		setPath(file, normalized);
		file.parent = this.folderFor(normalized);
		file.parent.children.push(file);
		this.index.set(normalized, file);
		this.trigger("rename", file, oldPath);
	}

	async delete(file: TAbstractFile): Promise<void> {
		this.contents.delete(file.path);
		this.binaries.delete(file.path);
		this.index.delete(file.path);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.trigger("delete", file);
	}

	async trash(file: TAbstractFile): Promise<void> {
		await this.delete(file);
	}

	/** Test helper: the vault as Obsidian finds it on start-up, announcing every file with `create`. */
	testLoad(files: Record<string, string>): TFile[] {
		return Object.entries(files).map(([path, data]) => {
			const file = this.addFile(normalizePath(path), data);
			this.trigger("create", file);
			return file;
		});
	}

	/** Test helper: the text of a note. */
	testText(path: string): string | undefined {
		return this.contents.get(normalizePath(path));
	}
}

// ---------------------------------------------------------------------------------------------
// The metadata cache: indexes a file a moment after it is created or modified.

export interface Pos {
	start: { line: number; col: number; offset: number };
	end: { line: number; col: number; offset: number };
}

export interface TagCache {
	tag: string;
	position: Pos;
}

export interface CachedMetadata {
	frontmatter?: Record<string, any>;
	frontmatterPosition?: Pos;
	tags?: TagCache[];
	/** Internal links in the body: `[text](note.md)` and `[[wikilinks]]`, outside code; never web addresses. */
	links?: Array<{ link: string; original: string; displayText?: string; position: Pos }>;
	headings?: Array<{ heading: string; level: number; position: Pos }>;
}

function position(text: string, start: number, end: number): Pos {
	const at = (offset: number) => {
		const before = text.slice(0, offset);
		const line = before.split("\n").length - 1;
		return { line, col: offset - (before.lastIndexOf("\n") + 1), offset };
	};
	return { start: at(start), end: at(end) };
}

/** What Obsidian's indexer reports for a note: frontmatter (when it parses), body tags, headings. */
export function computeMetadata(text: string): CachedMetadata {
	const cache: CachedMetadata = {};
	const parts = splitNote(text);
	const bodyStart = text.length - parts.body.length;
	if (parts.frontmatter) {
		cache.frontmatterPosition = position(text, parts.bom.length, bodyStart);
		try {
			const value: unknown = parseYaml(parts.frontmatter.yaml);
			if (value && typeof value === "object" && !Array.isArray(value)) cache.frontmatter = value as Record<string, any>;
		} catch {
			// Obsidian keeps the position of a block it cannot parse, without values.
		}
	}
	const code = findCodeRanges(parts.body);
	const tags: TagCache[] = [];
	const pattern = /(^|\s)(#[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(parts.body)) !== null) {
		const start = match.index + match[1].length;
		if (isInside(code, start)) continue;
		tags.push({ tag: match[2], position: position(text, bodyStart + start, bodyStart + start + match[2].length) });
	}
	if (tags.length > 0) cache.tags = tags;
	const links: NonNullable<CachedMetadata["links"]> = [];
	for (const link of parts.body.matchAll(/(?<!!)\[([^\]\n]*)\]\(<?([^)\s>]+)>?\)|\[\[([^\]|\n]+)(?:\|([^\]\n]*))?\]\]/g)) {
		const start = link.index ?? 0;
		if (isInside(code, start)) continue;
		// Obsidian's `links` are internal links only: `[text](https://...)` is not in the cache.
		if (link[2] !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(link[2])) continue;
		links.push({
			link: link[2] ?? link[3],
			original: link[0],
			displayText: link[1] ?? link[4] ?? link[3],
			position: position(text, bodyStart + start, bodyStart + start + link[0].length),
		});
	}
	if (links.length > 0) cache.links = links;
	const headings = [...parts.body.matchAll(/^(#{1,6})[ \t]+(.+)$/gm)].map((m) => ({
		heading: m[2].trim(),
		level: m[1].length,
		position: position(text, bodyStart + (m.index ?? 0), bodyStart + (m.index ?? 0) + m[0].length),
	}));
	if (headings.length > 0) cache.headings = headings;
	return cache;
}

export class MetadataCache extends Events {
	private readonly caches = new Map<string, CachedMetadata>();
	private readonly queue = new Set<TFile>();
	private flushing = false;

	constructor(private readonly vault: Vault) {
		super();
		vault.on("create", (file: TAbstractFile) => file instanceof TFile && this.schedule(file));
		vault.on("modify", (file: TAbstractFile) => file instanceof TFile && this.schedule(file));
		vault.on("rename", (file: TAbstractFile, oldPath: string) => {
			const cache = this.caches.get(oldPath);
			this.caches.delete(oldPath);
			if (cache) this.caches.set(file.path, cache);
		});
		vault.on("delete", (file: TAbstractFile) => {
			const cache = this.caches.get(file.path);
			this.caches.delete(file.path);
			if (file instanceof TFile) this.trigger("deleted", file, cache ?? null);
		});
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}

	private schedule(file: TFile): void {
		this.queue.add(file);
		if (!this.flushing) {
			this.flushing = true;
			setTimeout(() => void this.flush(), 0);
		}
	}

	private async flush(): Promise<void> {
		while (this.queue.size > 0) {
			const [file] = this.queue;
			this.queue.delete(file);
			if (!this.vault.getFileByPath(file.path)) continue;
			const data = await this.vault.read(file);
			const cache = computeMetadata(data);
			this.caches.set(file.path, cache);
			this.trigger("changed", file, data, cache);
		}
		this.flushing = false;
		this.trigger("resolved");
	}
}

// ---------------------------------------------------------------------------------------------
// Editor, views, leaves and the workspace.

export interface EditorPosition {
	line: number;
	ch: number;
}

export interface EditorChange {
	from: EditorPosition;
	to?: EditorPosition;
	text: string;
}

export abstract class Editor {}

/** As CodeMirror holds a document: its lines joined with LF, whatever ended them in the file (CRLF, CR). */
function asLines(text: string): string {
	return text.replace(/\r\n?/g, "\n");
}

/** A text editor with a cursor and an undo history, enough to tell a careful edit from a blunt one. */
export class FakeEditor extends Editor {
	private text: string;
	private cursor = 0;
	/** Texts before each change, newest last: one entry per undoable step. */
	history: string[] = [];
	onChange: ((text: string) => void) | null = null;

	constructor(text: string) {
		super();
		this.text = asLines(text);
	}

	getValue(): string {
		return this.text;
	}

	setValue(content: string): void {
		this.history.push(this.text);
		this.text = content;
		this.cursor = 0;
		this.onChange?.(this.text);
	}

	getLine(line: number): string {
		return this.text.split("\n")[line] ?? "";
	}

	lineCount(): number {
		return this.text.split("\n").length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	posToOffset(pos: EditorPosition): number {
		const lines = this.text.split("\n");
		let offset = 0;
		for (let i = 0; i < pos.line && i < lines.length; i++) offset += lines[i].length + 1;
		return Math.min(offset + pos.ch, this.text.length);
	}

	offsetToPos(offset: number): EditorPosition {
		const before = this.text.slice(0, offset);
		const line = before.split("\n").length - 1;
		return { line, ch: offset - (before.lastIndexOf("\n") + 1) };
	}

	getCursor(): EditorPosition {
		return this.offsetToPos(this.cursor);
	}

	setCursor(pos: EditorPosition | number, ch?: number): void {
		this.cursor = typeof pos === "number" ? this.posToOffset({ line: pos, ch: ch ?? 0 }) : this.posToOffset(pos);
	}

	hasFocus(): boolean {
		return true;
	}

	focus(): void {}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition): void {
		this.transaction({ changes: [{ from, to, text: replacement }] });
	}

	/** All changes refer to positions in the text before the transaction, as in CodeMirror. */
	transaction(tx: { changes?: EditorChange[] }): void {
		const changes = (tx.changes ?? [])
			.map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), text: c.text }))
			.sort((a, b) => b.from - a.from);
		if (changes.length === 0) return;
		this.history.push(this.text);
		for (const change of changes) {
			this.text = this.text.slice(0, change.from) + change.text + this.text.slice(change.to);
			if (this.cursor >= change.to) this.cursor += change.text.length - (change.to - change.from);
			else if (this.cursor > change.from) this.cursor = change.from + change.text.length;
		}
		this.onChange?.(this.text);
	}

	/**
	 * The file changed on disk while open (a plugin's `vault.process`, a sync): like Obsidian, the
	 * editor loads the new text as a whole, so the cursor goes back to the start. Not a save.
	 */
	loadFromFile(content: string): void {
		this.text = asLines(content);
		this.cursor = 0;
	}

	undo(): void {
		const previous = this.history.pop();
		if (previous !== undefined) {
			this.text = previous;
			this.onChange?.(this.text);
		}
	}
}

export class WorkspaceLeaf extends Events {
	view: View;

	constructor(readonly app: App) {
		super();
		this.view = new EmptyView(this);
	}

	async openFile(file: TFile, state?: { mode?: "source" | "preview" }): Promise<void> {
		this.app.workspace.testOpened.push(file.path);
		await this.testShow(file, state?.mode);
	}

	/** Test helper: show a note in this leaf as the user opened it (not counted in `testOpened`). */
	async testShow(file: TFile, mode: "source" | "preview" = "source"): Promise<void> {
		const view = new MarkdownView(this);
		view.file = file;
		view.mode = mode;
		view.editor = new FakeEditor(await this.app.vault.read(file));
		// Like Obsidian, an edit is saved to the file, and a change to the file is shown in the editor.
		view.editor.onChange = (text) => void this.app.vault.modify(file, text);
		this.app.vault.on("modify", (changed: TAbstractFile) => {
			const current = this.app.vault.testText(file.path);
			if (changed === file && this.view === view && current !== undefined && current !== view.editor.getValue()) view.editor.loadFromFile(current);
		});
		this.view = view;
	}

	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		const creator = this.app.workspace.testViewCreators.get(state.type);
		if (!creator) throw new Error(`No view registered for ${state.type}`);
		// Like Obsidian, a leaf that already shows a view of that type keeps it.
		if (this.view.getViewType() === state.type) return;
		this.view = creator(this);
		await this.view.onOpen();
	}

	getViewState() {
		return { type: this.view.getViewType() };
	}

	detach(): void {
		void this.view.onClose();
		this.app.workspace.testRemoveLeaf(this);
	}
}

export abstract class View extends Component {
	app: App;
	containerEl: HTMLElement;
	file: TFile | null = null;

	constructor(readonly leaf: WorkspaceLeaf) {
		super();
		this.app = leaf.app;
		this.containerEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}

	abstract getViewType(): string;

	getDisplayText(): string {
		return "";
	}

	getIcon(): string {
		return "document";
	}

	async onOpen(): Promise<void> {}

	async onClose(): Promise<void> {}

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}
}

export interface ViewStateResult {
	history: boolean;
}

class EmptyView extends View {
	getViewType(): string {
		return "empty";
	}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = typeof document !== "undefined" ? this.containerEl.createDiv({ cls: "view-content" }) : ({} as HTMLElement);
	}
}

export class MarkdownView extends View {
	editor!: FakeEditor;
	mode: "source" | "preview" = "source";

	getViewType(): string {
		return "markdown";
	}

	getMode(): "source" | "preview" {
		return this.mode;
	}
}

export class Workspace extends Events {
	layoutReady = false;
	private readyCallbacks: Array<() => any> = [];
	leaves: WorkspaceLeaf[] = [];
	activeLeaf: WorkspaceLeaf | null = null;
	testViewCreators = new Map<string, (leaf: WorkspaceLeaf) => View>();
	/** Test helper: paths opened (`openFile`, `openLinkText`), in order, and where the last leaf was asked for. */
	testOpened: string[] = [];
	testLastNewLeaf: boolean | string | undefined = undefined;

	constructor(private readonly app: App) {
		super();
	}

	onLayoutReady(callback: () => any): void {
		if (this.layoutReady) callback();
		else this.readyCallbacks.push(callback);
	}

	/** Test helper: the end of start-up. */
	testSetLayoutReady(): void {
		this.layoutReady = true;
		for (const callback of this.readyCallbacks.splice(0)) callback();
		this.trigger("layout-ready");
	}

	getActiveFile(): TFile | null {
		return this.activeLeaf?.view.file ?? null;
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: any[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => any): void {
		for (const leaf of [...this.leaves]) callback(leaf);
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((leaf) => leaf.view.getViewType() === type);
	}

	getLeaf(newLeaf?: boolean | string): WorkspaceLeaf {
		this.testLastNewLeaf = newLeaf;
		return this.testNewLeaf();
	}

	/** Test helper: a new leaf, made the active one. */
	testNewLeaf(): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		this.leaves.push(leaf);
		this.activeLeaf = leaf;
		return leaf;
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app);
		this.leaves.push(leaf);
		return leaf;
	}

	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		this.activeLeaf = leaf;
	}

	setActiveLeaf(leaf: WorkspaceLeaf): void {
		this.activeLeaf = leaf;
	}

	/**
	 * Like Obsidian: a link text, not a path. What follows `#` is a heading (or `#^` a block), and a
	 * link that leads nowhere creates its note, as clicking an unresolved link does.
	 */
	async openLinkText(linktext: string, _sourcePath: string, newLeaf?: boolean | string): Promise<void> {
		const linkpath = linktext.split("#")[0];
		const found = this.app.vault.getFileByPath(linkpath) ?? this.app.vault.getFileByPath(`${linkpath}.md`);
		const file = found ?? (await this.app.vault.create(linkpath.endsWith(".md") ? linkpath : `${linkpath}.md`, ""));
		await this.getLeaf(newLeaf).openFile(file);
	}

	/** Test helper: open a note in an editor, as the user would. */
	async testOpenInEditor(path: string, mode: "source" | "preview" = "source"): Promise<MarkdownView> {
		const file = this.app.vault.getFileByPath(path);
		if (!file) throw new Error(`No file ${path}`);
		const leaf = this.testNewLeaf();
		await leaf.testShow(file, mode);
		return leaf.view as MarkdownView;
	}

	testRemoveLeaf(leaf: WorkspaceLeaf): void {
		this.leaves = this.leaves.filter((l) => l !== leaf);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
	}
}

export class FileManager {
	constructor(private readonly app: App) {}

	async trashFile(file: TAbstractFile): Promise<void> {
		await this.app.vault.delete(file);
	}

	/** Like Obsidian's default link format (shortest wikilinks); other files than notes keep their extension and are embeds. */
	generateMarkdownLink(file: TFile, _sourcePath: string): string {
		return file.extension === "md" ? `[[${file.basename}]]` : `![[${file.name}]]`;
	}

	/**
	 * Like Obsidian's, after the "Default location for new attachments" setting (`testAttachmentFolder`):
	 * "/" the vault's root, "./" the note's folder, "./x" a subfolder of it, else that folder; the first
	 * free name of `name.ext`, `name 1.ext`, ...
	 */
	async getAvailablePathForAttachment(filename: string, sourcePath: string): Promise<string> {
		const setting = this.testAttachmentFolder;
		const noteFolder = sourcePath.split("/").slice(0, -1).join("/");
		const folder = setting === "/" ? "" : setting.startsWith("./") ? [noteFolder, setting.slice(2)].filter((p) => p !== "").join("/") : setting;
		const dot = filename.lastIndexOf(".");
		const [stem, extension] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ""];
		for (let n = 0; ; n++) {
			const path = normalizePath(`${folder === "" ? "" : `${folder}/`}${n === 0 ? stem : `${stem} ${n}`}${extension}`);
			if (!this.app.vault.getAbstractFileByPath(path)) return path;
		}
	}

	/** Test helper: the vault's attachment folder setting. */
	testAttachmentFolder = "/";

	async processFrontMatter(): Promise<void> {
		throw new Error("processFrontMatter re-serializes the whole block; the plugin must not use it");
	}
}

export class App {
	vault: Vault;
	metadataCache: MetadataCache;
	workspace: Workspace;
	fileManager: FileManager;

	constructor() {
		this.vault = new Vault();
		this.metadataCache = new MetadataCache(this.vault);
		this.workspace = new Workspace(this);
		this.fileManager = new FileManager(this);
	}
}

// ---------------------------------------------------------------------------------------------
// Plugin, notices, modals, settings.

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	dir?: string;
	isDesktopOnly?: boolean;
}

export interface Command {
	id: string;
	name: string;
	callback?: () => any;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, view: MarkdownView) => any;
	hotkeys?: unknown[];
}

// ---------------------------------------------------------------------------------------------
// Bases (1.10+): a layout gets a controller and its container; the test sets `data` and calls
// onDataUpdated, as Obsidian does when the query's results change.

export class QueryController extends Component {}

export interface BasesEntry {
	file: TFile;
}

export interface BasesViewRegistration {
	name: string;
	icon: string;
	factory: (controller: QueryController, containerEl: HTMLElement) => BasesView;
}

export abstract class BasesView extends Component {
	abstract type: string;
	app: App;
	data: { data: BasesEntry[] } = { data: [] };

	protected constructor(controller: QueryController) {
		super();
		this.app = (controller as QueryController & { app: App }).app;
	}

	abstract onDataUpdated(): void;
}

export abstract class Plugin extends Component {
	/** Test helper: commands by id. */
	testCommands = new Map<string, Command>();
	testSettingTabs: PluginSettingTab[] = [];

	constructor(
		public app: App,
		public manifest: PluginManifest,
	) {
		super();
	}

	addCommand(command: Command): Command {
		this.testCommands.set(command.id, command);
		return command;
	}

	addSettingTab(tab: PluginSettingTab): void {
		this.testSettingTabs.push(tab);
	}

	/** Test helper: Bases layouts registered, by id. */
	testBasesViews = new Map<string, BasesViewRegistration>();

	/** Like Obsidian 1.10+ with Bases enabled; tests of older versions delete it from the prototype. */
	registerBasesView(viewId: string, registration: BasesViewRegistration): boolean {
		this.testBasesViews.set(viewId, registration);
		return true;
	}

	registerView(type: string, creator: (leaf: WorkspaceLeaf) => View): void {
		this.app.workspace.testViewCreators.set(type, creator);
		this.register(() => this.app.workspace.testViewCreators.delete(type));
	}

	addRibbonIcon(_icon: string, title: string, callback: (evt: MouseEvent) => any): HTMLElement {
		const el = document.createElement("div");
		el.setAttribute("aria-label", title);
		el.addEventListener("click", callback);
		return el;
	}

	private get dataPath(): string {
		return `${this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`}/data.json`;
	}

	async loadData(): Promise<any> {
		const adapter = this.app.vault.adapter;
		return (await adapter.exists(this.dataPath)) ? JSON.parse(await adapter.read(this.dataPath)) : null;
	}

	async saveData(data: any): Promise<void> {
		const folder = this.dataPath.split("/").slice(0, -1).join("/");
		await this.app.vault.adapter.mkdir(folder);
		await this.app.vault.adapter.write(this.dataPath, JSON.stringify(data));
	}
}

export class Notice {
	/** Test helper: every notice shown, oldest first. */
	static shown: Notice[] = [];
	noticeEl: HTMLElement;
	containerEl: HTMLElement;
	messageEl: HTMLElement;
	hidden = false;
	duration: number | undefined;

	constructor(message: string | DocumentFragment, duration?: number) {
		this.messageEl = document.createElement("div");
		this.noticeEl = this.messageEl;
		this.containerEl = this.messageEl;
		this.duration = duration;
		this.setMessage(message);
		Notice.shown.push(this);
	}

	setMessage(message: string | DocumentFragment): this {
		this.messageEl.empty();
		if (typeof message === "string") this.messageEl.setText(message);
		else this.messageEl.appendChild(message);
		return this;
	}

	get message(): string {
		return this.messageEl.textContent ?? "";
	}

	hide(): void {
		this.hidden = true;
	}
}

export class Modal {
	/** Test helper: modals currently open. */
	static open: Modal[] = [];
	app: App;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;

	constructor(app: App) {
		this.app = app;
		this.containerEl = createDiv({ cls: "modal-container" });
		this.modalEl = this.containerEl.createDiv({ cls: "modal" });
		this.titleEl = this.modalEl.createDiv({ cls: "modal-title" });
		this.contentEl = this.modalEl.createDiv({ cls: "modal-content" });
	}

	open(): void {
		Modal.open.push(this);
		this.onOpen();
	}

	close(): void {
		Modal.open = Modal.open.filter((m) => m !== this);
		this.onClose();
	}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	onOpen(): void {}

	onClose(): void {}
}

/** Obsidian's fuzzy picker: the test chooses with `testChoose`, as a click on a suggestion would. */
export abstract class FuzzySuggestModal<T> extends Modal {
	/** Test helper: the last picker opened. */
	static last: FuzzySuggestModal<unknown> | null = null;
	placeholder = "";
	emptyStateText = "";

	setPlaceholder(placeholder: string): void {
		this.placeholder = placeholder;
	}

	override open(): void {
		FuzzySuggestModal.last = this;
		super.open();
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;

	/** Test helper: the texts offered. */
	testTexts(): string[] {
		return this.getItems().map((item) => this.getItemText(item));
	}

	/** Test helper: pick the item shown with this text; like Obsidian, the modal closes first. */
	testChoose(text: string): void {
		const item = this.getItems().find((i) => this.getItemText(i) === text);
		if (item === undefined) throw new Error(`No suggestion ${text}`);
		this.close();
		this.onChooseItem(item, new MouseEvent("click"));
	}
}

abstract class BaseComponent {
	disabled = false;
	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

abstract class ValueComponent<T> extends BaseComponent {
	protected changeHandler: ((value: T) => any) | null = null;
	abstract getValue(): T;
	abstract setValue(value: T): this;
	onChange(callback: (value: T) => any): this {
		this.changeHandler = callback;
		return this;
	}
	/** Test helper: the user changes the value. */
	testInput(value: T): any {
		this.setValue(value);
		return this.changeHandler?.(value);
	}
}

/** Like Obsidian's: the text and text-area components share everything but their element. */
export abstract class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	constructor(public inputEl: T) {
		super();
	}
	getValue(): string {
		return this.inputEl.value;
	}
	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}
	setPlaceholder(placeholder: string): this {
		this.inputEl.placeholder = placeholder;
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea"));
	}
}

export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	private value = false;
	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv({ cls: "checkbox-container" });
	}
	getValue(): boolean {
		return this.value;
	}
	setValue(value: boolean): this {
		this.value = value;
		this.toggleEl.toggleClass("is-enabled", value);
		return this;
	}
}

export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select");
	}
	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}
	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}
	getValue(): string {
		return this.selectEl.value;
	}
	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;
	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}
	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}
	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}
	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}
	setTooltip(tooltip: string): this {
		this.buttonEl.setAttribute("aria-label", tooltip);
		return this;
	}
	setIcon(iconId: string): this {
		this.buttonEl.setAttribute("data-icon", iconId);
		return this;
	}
	onClick(callback: (evt: MouseEvent) => any): this {
		this.buttonEl.addEventListener("click", callback);
		return this;
	}
}

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	/** Test helper: the controls added, in order. */
	components: Array<BaseComponent> = [];

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv({ cls: "setting-item" });
		this.infoEl = this.settingEl.createDiv({ cls: "setting-item-info" });
		this.nameEl = this.infoEl.createDiv({ cls: "setting-item-name" });
		this.descEl = this.infoEl.createDiv({ cls: "setting-item-description" });
		this.controlEl = this.settingEl.createDiv({ cls: "setting-item-control" });
		(containerEl as any).testSettings ??= [];
		(containerEl as any).testSettings.push(this);
	}

	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string): this {
		this.descEl.setText(desc);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	private add<T extends BaseComponent>(component: T, cb: (component: T) => any): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addText(cb: (component: TextComponent) => any): this {
		return this.add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => any): this {
		return this.add(new TextAreaComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => any): this {
		return this.add(new ToggleComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => any): this {
		return this.add(new DropdownComponent(this.controlEl), cb);
	}

	addButton(cb: (component: ButtonComponent) => any): this {
		return this.add(new ButtonComponent(this.controlEl), cb);
	}
}

export abstract class PluginSettingTab {
	containerEl: HTMLElement;

	constructor(
		public app: App,
		public plugin: Plugin,
	) {
		this.containerEl = document.createElement("div");
	}

	abstract display(): void;

	hide(): void {
		this.containerEl.empty();
	}
}

export class Menu {
	/** Test helper: the last menu shown. */
	static last: Menu | null = null;
	items: Array<{ title: string; icon?: string; checked?: boolean; section?: string; callback?: () => any }> = [];
	private el: HTMLElement | null = null;

	addItem(cb: (item: MenuItem) => any): this {
		const item = new MenuItem();
		cb(item);
		this.items.push(item.testValue);
		return this;
	}

	addSeparator(): this {
		return this;
	}

	showAtMouseEvent(evt: MouseEvent): this {
		return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
	}

	showAtPosition(pos: { x: number; y: number }): this {
		Menu.last = this;
		this.draw(pos);
		return this;
	}

	/** In the browser page (which draws icons), the menu is drawn too, for screenshots and clicks. */
	private draw(pos: { x: number; y: number }): void {
		const drawIcon = (globalThis as { testDrawIcon?: unknown }).testDrawIcon;
		if (!drawIcon || typeof document === "undefined") return;
		document.querySelectorAll(".menu").forEach((menu) => menu.remove());
		const menu = document.body.createDiv({ cls: "menu" });
		menu.setCssProps({ left: `${Math.max(0, Math.min(pos.x, window.innerWidth - 210))}px`, top: `${pos.y}px` });
		for (const item of this.items) {
			const row = menu.createDiv({ cls: item.checked ? "menu-item mod-checked" : "menu-item" });
			const icon = row.createDiv({ cls: "menu-item-icon" });
			if (item.checked || item.icon) setIcon(icon, item.checked ? "check" : (item.icon ?? ""));
			row.createDiv({ cls: "menu-item-title", text: item.title });
			row.addEventListener("click", () => {
				this.hide();
				item.callback?.();
			});
		}
		this.el = menu;
	}

	hide(): this {
		this.el?.remove();
		this.el = null;
		return this;
	}
}

export class MenuItem {
	testValue: { title: string; icon?: string; checked?: boolean; section?: string; callback?: () => any } = { title: "" };
	setTitle(title: string): this {
		this.testValue.title = title;
		return this;
	}
	setIcon(icon: string): this {
		this.testValue.icon = icon;
		return this;
	}
	setChecked(checked: boolean | null): this {
		this.testValue.checked = checked ?? undefined;
		return this;
	}
	setSection(section: string): this {
		this.testValue.section = section;
		return this;
	}
	onClick(callback: () => any): this {
		this.testValue.callback = callback;
		return this;
	}
}

export type DataAdapter = FakeDataAdapter;
export type IconName = string;
