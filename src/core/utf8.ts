// Lengths in UTF-8, as file systems count a name's bytes (no TextEncoder: the plugin's tests run where there is none).

/** Bytes of one character in UTF-8. */
export function utf8Length(char: string): number {
	const code = char.codePointAt(0) ?? 0;
	return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** The first whole characters of `text` that fit in `maxBytes` of UTF-8, and how many bytes they take. */
export function fitUtf8(text: string | string[], maxBytes: number): { text: string; bytes: number; whole: boolean } {
	let fitted = "";
	let bytes = 0;
	for (const char of text) {
		const more = utf8Length(char);
		if (bytes + more > maxBytes) return { text: fitted, bytes, whole: false };
		bytes += more;
		fitted += char;
	}
	return { text: fitted, bytes, whole: true };
}

/** Whether `text` takes more than `maxBytes` in UTF-8, counted without building anything. */
export function longerInUtf8(text: string, maxBytes: number): boolean {
	// Stryker disable next-line ConditionalExpression: a fast path; the count below gives the same answer.
	if (text.length * 3 <= maxBytes) return false;
	let bytes = 0;
	for (let i = 0; i < text.length && bytes <= maxBytes; i++) {
		const unit = text.charCodeAt(i);
		const next = text.charCodeAt(i + 1);
		if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
			// A pair is one character of 4 bytes.
			bytes += 4;
			i++;
		} else {
			// A surrogate alone is written as U+FFFD, 3 bytes.
			bytes += unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
		}
	}
	return bytes > maxBytes;
}
