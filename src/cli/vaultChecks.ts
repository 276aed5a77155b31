// What every command checks of the vault it is given before it runs, and the lock of a writing run.

import { readdir, stat } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { parse, resolve } from "node:path";
import { UsageError } from "./args";
import { CannotRun } from "./cannotRun";
import type { CommandName } from "./usage";
import { describeFsError } from "./vaultFiles";
import { acquireVaultLock, LockHeldError } from "./vaultLock";

/** A file system's root (`/`, `C:\`) is no vault: a run there would walk `/proc` and every user's files. */
export function refuseRoot(path: string, command?: CommandName): void {
	let absolute = resolve(path);
	try {
		// A link to `/` (or `/proc/self/root`) leads there too.
		absolute = realpathSync(absolute);
	} catch {
		// Not there yet (an import makes it): its path is all there is.
	}
	if (parse(absolute).root === absolute) throw new UsageError(`"${path}" is the root of the file system, not a vault; give the path of a vault folder.`, command);
}

export async function checkVault(path: string): Promise<void> {
	refuseRoot(path);
	let info;
	try {
		info = await stat(path);
	} catch (error) {
		throw new UsageError(`Cannot open vault folder "${path}": ${describeFsError(error)}.`);
	}
	if (!info.isDirectory()) throw new UsageError(`"${path}" is not a folder; give the path of a vault folder.`);
	try {
		await readdir(path);
	} catch (error) {
		throw new CannotRun(`Cannot read vault folder "${path}": ${describeFsError(error)}.`);
	}
}

/** The vault's lock, or why it cannot be had, as one line. */
export function lockVault(vault: string, command: string): ReturnType<typeof acquireVaultLock> {
	try {
		return acquireVaultLock(vault, command);
	} catch (error) {
		if (error instanceof LockHeldError) throw new CannotRun(error.message);
		throw new CannotRun(`Cannot use the vault's .omnivore-queue folder: ${describeFsError(error)}.`);
	}
}

/** One writing run per vault at a time. */
export async function withLock<T>(vault: string, command: string, run: () => Promise<T>): Promise<T> {
	const lock = lockVault(vault, command);
	try {
		return await run();
	} finally {
		lock.release();
	}
}
