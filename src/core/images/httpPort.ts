// The one thing the image downloader needs from the outside world: a GET. The CLI implements it with
// Node's fetch, the plugin with Obsidian's requestUrl.

export interface HttpRequest {
	url: string;
	/** Give up after this long; the client then throws an `HttpFailure` of kind "timeout". */
	timeoutMs: number;
	/** A body larger than this is not read whole: the response says `tooLarge`. */
	maxBytes: number;
	userAgent: string;
}

export interface HttpResponse {
	/** The status of the last response, redirects followed. */
	status: number;
	/** The body, for a 2xx response that was not too large. */
	body?: Uint8Array;
	tooLarge?: boolean;
	/** The server's Retry-After, as sent (with a 429 or 503: how long it asks us to wait). */
	retryAfter?: string;
}

export interface HttpClient {
	get(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * The request could not be answered: timed out, or a network failure (refused, unknown host, broken
 * connection), both worth another try; or `refused` by us (it leads to a host never to contact).
 */
export class HttpFailure extends Error {
	constructor(
		readonly kind: "timeout" | "network" | "refused",
		message: string,
	) {
		super(message);
		this.name = "HttpFailure";
	}
}
