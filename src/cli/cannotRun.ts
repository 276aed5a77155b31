// Nothing can run on this vault (unreadable, locked, its own state unusable): said in one line, exit 2.

export class CannotRun extends Error {}
