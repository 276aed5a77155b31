// File names Windows refuses whatever their extension (`CON.md`, `nul.png`, `COM1.tar.gz`: the part
// before the first dot counts), superscript digits too (`LPT¹`): a vault synced there would break.

const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?=\.|$)/i;

/** The name, with `suffix` put right after the reserved word when Windows would refuse it (`CON (note).tar`). */
export function avoidReservedName(name: string, suffix: string): string {
	const reserved = RESERVED.exec(name);
	return reserved ? `${reserved[0]}${suffix}${name.slice(reserved[0].length)}` : name;
}
