// A real HTTP server on 127.0.0.1 for the image tests: images, errors, slow and flaky paths,
// redirects, wrong content types, large files and an archive. Nothing here reaches the internet.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The IEND chunk a whole PNG ends with. */
export const PNG_END = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** A small "PNG": the signature and some bytes of its own, so each name gives different content. */
export function png(seed: string): Buffer {
	return Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from(`IHDR${seed}`), Buffer.from(PNG_END)]);
}

export const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n';

export interface ImageServer {
	base: string;
	/** Requests per path (query included). */
	hits: Map<string, number>;
	userAgents: Set<string>;
	/** The most requests that were in flight at once. */
	maxInFlight: number;
	close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `hits`: how many times this path was asked for before. */
async function answer(request: IncomingMessage, response: ServerResponse, hits: number): Promise<void> {
	const path = request.url ?? "/";
	const send = (status: number, body: Buffer | string, type = "image/png") => {
		response.writeHead(status, { "content-type": type });
		response.end(body);
	};
	const [, kind, ...rest] = path.split("/");
	const name = rest.join("/");
	switch (kind) {
		case "img":
			return send(200, png(name), "image/png");
		case "same":
			return send(200, png("the same bytes"));
		case "jpg":
			// A .jpg URL that serves PNG, with a JPEG content type on top.
			return send(200, png(name), "image/jpeg");
		case "svg":
			return send(200, SVG, "image/svg+xml");
		case "html":
			return send(200, "<!doctype html><html><body>Not found</body></html>", "image/png");
		case "gone":
			return send(404, "not found", "text/plain");
		case "removed":
			return send(410, "gone", "text/plain");
		case "forbidden":
			return send(403, "forbidden", "text/plain");
		case "error":
			return send(500, "error", "text/plain");
		case "flaky":
			// Fails twice, then works.
			return hits < 2 ? send(503, "busy", "text/plain") : send(200, png(name));
		case "busy":
			// Asks for an hour's pause.
			response.writeHead(429, { "content-type": "text/plain", "retry-after": "3600" });
			return void response.end("too many requests");
		case "slow":
			await sleep(2000);
			return send(200, png(name));
		case "redirect":
			response.writeHead(302, { location: `/img/${name}` });
			return void response.end();
		case "to-proxy":
			// A redirect to Omnivore's dead proxy: the client must not follow it.
			response.writeHead(302, { location: `https://proxy-prod.omnivore-image-cache.app/0x0,sPtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA_2O7/https://a.test/${name}` });
			return void response.end();
		case "to-file":
			// A redirect out of the web: the client must refuse it, once.
			response.writeHead(302, { location: "file:///etc/passwd" });
			return void response.end();
		case "chunked": {
			// No Content-Length: the size is only known while reading, and the reader must stop in time.
			response.writeHead(200, { "content-type": "image/png" });
			response.write(png(name));
			for (let i = 0; i < 6; i++) response.write(Buffer.alloc(512 * 1024));
			return void response.end();
		}
		case "large":
			return send(200, Buffer.concat([png(name), Buffer.alloc(3 * 1024 * 1024)]));
		case "archive": {
			// `/archive/<original URL as is>`: has a copy of the gone and removed images only.
			const original = decodeURIComponent(name);
			return /\/(gone|removed|forbidden)\//.test(original) ? send(200, png(`archived ${original}`)) : send(404, "no capture", "text/plain");
		}
		default:
			return send(404, "unknown", "text/plain");
	}
}

export async function startImageServer(): Promise<ImageServer> {
	let inFlight = 0;
	const state: ImageServer = { base: "", hits: new Map(), userAgents: new Set(), maxInFlight: 0, close: async () => undefined };
	const server: Server = createServer((request, response) => {
		inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, inFlight);
		state.userAgents.add(String(request.headers["user-agent"]));
		const path = request.url ?? "/";
		const hits = state.hits.get(path) ?? 0;
		state.hits.set(path, hits + 1);
		response.on("close", () => inFlight--);
		void answer(request, response, hits);
	});
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	state.close = () =>
		new Promise((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		});
	return state;
}
