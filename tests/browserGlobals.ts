// The plugin's tests run in jsdom, which has no TextEncoder; Obsidian (Electron on the desktop, the
// system's web view on mobile) has it, and the journal's hash encodes each note's text with it.
import { TextDecoder, TextEncoder } from "node:util";

if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
