// When a string can be written as a plain YAML scalar and read back as the same string.

// Words YAML 1.1 reads as booleans or null, and its numbers (`1_000`, `12:30` in base 60, `0b101`):
// Obsidian and other tools may read them so, so they are written quoted.
export const YAML11_SPECIAL = /^(?:y|yes|n|no|true|false|on|off|null|~|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?))$/i;

// What YAML's core schema reads as something other than a string and YAML11_SPECIAL does not
// already hold (its numbers, null and booleans cover the core schema's).
const CORE_ONLY_SPECIAL = /^(?:0o[0-7]+|[-+]?\.inf|\.nan)$/i;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`]/;
// Control characters are found with \p{Cc} (yaml escapes them in quotes), and so are the line separators.
const UNSAFE_INSIDE = /: |\s#|:$|^\s|\s$|[\p{Cc}\u2028\u2029\ufeff]/u;

/**
 * Whether a string reads back as itself when written plain. A fast, conservative check for the
 * common values (dates, URLs, titles); anything it refuses goes through yaml's stringifier.
 */
export function isPlainSafe(value: string): boolean {
	return value !== "" && !INDICATOR_START.test(value) && !UNSAFE_INSIDE.test(value) && !CORE_ONLY_SPECIAL.test(value) && !YAML11_SPECIAL.test(value);
}

