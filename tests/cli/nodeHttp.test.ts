// What the image downloader says when a server misbehaves below HTTP: a reason in words for the
// report, never Node's raw message. Servers on 127.0.0.1 only.
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { nodeHttpClient } from "../../src/cli/nodeHttp";
import { HttpFailure } from "../../src/core";

const client = nodeHttpClient(() => false);
const request = (url: string) => client.get({ url, timeoutMs: 5000, maxBytes: 1024 * 1024, userAgent: "test" });

async function serve(onConnection: (socket: Socket) => void): Promise<{ server: Server; url: string }> {
	const server = createServer(onConnection);
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/image.png` };
}

async function failure(url: string): Promise<HttpFailure> {
	try {
		await request(url);
	} catch (error) {
		if (error instanceof HttpFailure) return error;
		throw error;
	}
	throw new Error("the request did not fail");
}

it.each([
	["answers with bytes that are not HTTP", (socket: Socket) => socket.end("SSH-2.0-OpenSSH_9.6\r\n\r\n"), "the server's answer is not valid HTTP"],
	["breaks the connection without an answer", (socket: Socket) => socket.resetAndDestroy(), "the connection was broken"],
	["closes the connection without an answer", (socket: Socket) => socket.end(), "the connection was broken"],
])("says so in words when the server %s", async (_what, onConnection, reason) => {
	const { server, url } = await serve((socket) => socket.once("data", () => onConnection(socket)));
	try {
		const failed = await failure(url);
		expect([failed.kind, failed.message]).toEqual(["network", reason]);
	} finally {
		server.close();
	}
});

it("says the server refused the connection when nothing listens", async () => {
	const { server, url } = await serve(() => undefined);
	await new Promise((resolve) => server.close(resolve));
	expect((await failure(url)).message).toBe("the server refused the connection");
});

it("ends a body fetch never finishes (a damaged gzip stream on a closed connection) at the time limit", async () => {
	// Node's fetch leaves the read pending once its decompression fails: the run waited for ever, and
	// the process exited 0 with nothing said when nothing else was left to wait for.
	const { server, url } = await serve((socket) =>
		socket.once("data", () => {
			socket.write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n");
			socket.end(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from("garbagegarbage")]));
		}),
	);
	try {
		const outcomes = await Promise.all(
			Array.from({ length: 6 }, () =>
				client.get({ url, timeoutMs: 400, maxBytes: 1024 * 1024, userAgent: "test" }).then(
					() => "read",
					(error: unknown) => (error instanceof HttpFailure ? error.kind : String(error)),
				),
			),
		);
		// Each ends: as a broken answer, or at the time limit.
		for (const outcome of outcomes) expect(["network", "timeout"]).toContain(outcome);
	} finally {
		server.close();
	}
});

it("refuses a redirect to an address that is not valid at once, in words", async () => {
	const { server, url } = await serve((socket) => socket.once("data", () => socket.end("HTTP/1.1 302 Found\r\nLocation: http://[not an address\r\nContent-Length: 0\r\n\r\n")));
	try {
		const failed = await failure(url);
		expect([failed.kind, failed.message]).toEqual(["refused", "it redirects to an address that is not valid"]);
	} finally {
		server.close();
	}
});
