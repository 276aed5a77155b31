// Nothing can run on this vault (unreadable, locked, its own state unusable): said in one line, exit 2.

export class CannotRun extends Error {}

/** The run stopped partway for a reason outside the tool (its journal could not be written): one line, exit 1. */
export class RunStopped extends Error {}
