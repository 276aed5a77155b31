// The image downloader's HTTP port over Node's fetch: redirects followed by hand (so none leads to a
// refused host), one time limit for the whole exchange, and a body never read past the size limit.

import { HttpFailure, holdsCredentials, type HttpClient, type HttpRequest, type HttpResponse } from "../core";

const MAX_REDIRECTS = 10;

/** `refuse` names hosts never to contact (Omnivore's dead image proxy), even through a redirect. */
export function nodeHttpClient(refuse: (url: string) => boolean): HttpClient {
	return { get: (request) => get(request, refuse) };
}

async function get(request: HttpRequest, refuse: (url: string) => boolean): Promise<HttpResponse> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), request.timeoutMs);
	try {
		let url = request.url;
		for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
			if (refuse(url)) throw new HttpFailure("refused", "it leads to Omnivore's image proxy, which is gone");
			// A redirect may lead to one: fetch refuses it, and says so with the password in its message.
			if (holdsCredentials(url)) throw new HttpFailure("refused", "its address holds a user name or password, which are never sent");
			const response = await fetch(url, {
				redirect: "manual",
				signal: controller.signal,
				headers: { "user-agent": request.userAgent, accept: "image/avif,image/webp,image/*,*/*;q=0.8" },
			});
			const location = response.headers.get("location");
			if (response.status >= 300 && response.status < 400 && location) {
				await response.body?.cancel();
				const next = URL.canParse(location, url) ? new URL(location, url) : null;
				// Asked again, the server would give the same address: refused at once, not tried again.
				if (next === null) throw new HttpFailure("refused", "it redirects to an address that is not valid");
				// A web image never lives at another scheme (file:, data:, ftp:): refused at once, not tried again.
				if (next.protocol !== "http:" && next.protocol !== "https:") throw new HttpFailure("refused", `it redirects to a ${next.protocol} address, which is not fetched`);
				url = next.href;
				continue;
			}
			if (response.status < 200 || response.status >= 300) {
				await response.body?.cancel();
				return { status: response.status, retryAfter: response.headers.get("retry-after") ?? undefined };
			}
			return await readBody(response, request.maxBytes, controller.signal);
		}
		// A loop answers the same again: not tried again (the archive may still have a copy).
		throw new HttpFailure("refused", `it redirects more than ${MAX_REDIRECTS} times`);
	} catch (error) {
		if (error instanceof HttpFailure) throw error;
		if (controller.signal.aborted) throw new HttpFailure("timeout", "no answer in time");
		throw new HttpFailure("network", describeFetchError(error));
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The reader's next chunk, or a failure once the time limit aborts the exchange: a read fetch leaves
 * pending (its decompression failed, on a closed connection) would otherwise hold the run for ever.
 */
function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, signal: AbortSignal): Promise<ReadableStreamReadResult<Uint8Array>> {
	// The caller tells a time limit by the signal, whatever the reason.
	const timedOut = () => new HttpFailure("timeout", "no answer in time");
	if (signal.aborted) return Promise.reject(timedOut());
	return new Promise((resolve, reject) => {
		const stop = () => {
			reader.cancel().catch(() => undefined);
			reject(timedOut());
		};
		signal.addEventListener("abort", stop, { once: true });
		reader.read().then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
	});
}

async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<HttpResponse> {
	const declared = Number(response.headers.get("content-length") ?? NaN);
	if (declared > maxBytes) {
		await response.body?.cancel();
		return { status: response.status, tooLarge: true };
	}
	const chunks: Uint8Array[] = [];
	let size = 0;
	const reader = response.body?.getReader();
	for (let chunk = reader && (await nextChunk(reader, signal)); reader && chunk && !chunk.done; chunk = await nextChunk(reader, signal)) {
		size += chunk.value.length;
		if (size > maxBytes) {
			await reader.cancel().catch(() => undefined);
			return { status: response.status, tooLarge: true };
		}
		chunks.push(chunk.value);
	}
	return { status: response.status, body: Buffer.concat(chunks, size) };
}

/** fetch says "fetch failed"; the reason (refused, unknown host) is in its cause, or in the error itself while reading the body. */
function describeFetchError(error: unknown): string {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
	switch (cause?.code) {
		case "ECONNREFUSED":
			return "the server refused the connection";
		case "ENOTFOUND":
		case "EAI_AGAIN":
			return "the server's name is unknown";
		case "ECONNRESET":
		case "UND_ERR_SOCKET":
			return "the connection was broken";
		case "UND_ERR_RES_CONTENT_LENGTH_MISMATCH":
			return "the server sent another length than it announced";
		case "ETIMEDOUT":
		case "UND_ERR_CONNECT_TIMEOUT":
		case "UND_ERR_HEADERS_TIMEOUT":
		case "UND_ERR_BODY_TIMEOUT":
			return "the server did not answer in time";
		case "EHOSTUNREACH":
		case "ENETUNREACH":
		case "ENETDOWN":
			return "the server cannot be reached from this network";
		case "CERT_HAS_EXPIRED":
		case "DEPTH_ZERO_SELF_SIGNED_CERT":
		case "SELF_SIGNED_CERT_IN_CHAIN":
		case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
		case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
		case "ERR_TLS_CERT_ALTNAME_INVALID":
			return "the server's certificate is not valid (expired, self-signed or for another name)";
		case "EPROTO":
		case "ERR_SSL_WRONG_VERSION_NUMBER":
			return "the secure connection could not be set up";
		case "UND_ERR_HEADERS_OVERFLOW":
		case "HPE_INVALID_CONSTANT":
		case "HPE_INVALID_HEADER_TOKEN":
		case "HPE_INVALID_CHUNK_SIZE":
		case "UND_ERR_INVALID_ARG":
			return "the server's answer is not valid HTTP";
		case "Z_DATA_ERROR":
		case "Z_BUF_ERROR":
			return "the server sent a damaged compressed body";
		default:
			// Never a password, should a message quote an address.
			return (cause?.message ?? (error instanceof Error ? error.message : String(error))).replace(/\/\/[^/@\s]*@/g, "//");
	}
}
