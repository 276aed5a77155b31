// The image downloader's HTTP port over Obsidian's requestUrl, which works on mobile and is not held
// to CORS. It follows redirects itself and cannot stream, so the size is checked once the body is in.

import { requestUrl } from "obsidian";
import { HttpFailure, type HttpClient } from "../../core";

export const obsidianHttpClient: HttpClient = {
	async get({ url, timeoutMs, maxBytes, userAgent }) {
		let timer: number | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = window.setTimeout(() => reject(new HttpFailure("timeout", "no answer in time")), timeoutMs);
		});
		try {
			const response = await Promise.race([requestUrl({ url, method: "GET", headers: { "User-Agent": userAgent }, throw: false }), timeout]);
			if (response.status < 200 || response.status >= 300) return { status: response.status, retryAfter: headerOf(response.headers, "retry-after") };
			const body = new Uint8Array(response.arrayBuffer);
			return body.byteLength > maxBytes ? { status: response.status, tooLarge: true } : { status: response.status, body };
		} catch (error) {
			if (error instanceof HttpFailure) throw error;
			throw new HttpFailure("network", error instanceof Error ? error.message : String(error));
		} finally {
			window.clearTimeout(timer);
		}
	},
};

/** A header by name, whatever case the platform gives names in. */
function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
	const found = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === name);
	return found === undefined ? undefined : headers?.[found];
}
