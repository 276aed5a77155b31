// What the CLI prints on a terminal holds text from notes (titles, file names, values quoted in
// messages). A control character in it could recolour the terminal, move the cursor or set its
// title (`\x1b]0;…\x07`), and a bidi override could show a name backwards: on a terminal, each is
// printed as U+FFFD instead. Tabs, line breaks and the carriage return the progress bar redraws with
// stay. Output to a pipe or a file is left byte for byte.

// Control characters (C0, DEL, C1) but tab, line feed and carriage return; the bidi embeddings,
// overrides and isolates (U+202A to U+202E, U+2066 to U+2069).
const CONTROL = /[^\P{Cc}\t\n\r]|[\u202a-\u202e\u2066-\u2069]/gu;

export function forTerminal(text: string): string {
	return text.replace(CONTROL, "\uFFFD");
}
