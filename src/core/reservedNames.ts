// File names Windows refuses whatever their extension (`CON.md`, `nul.png`): a vault synced there would break.

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/** The name, with `suffix` added when Windows would refuse it. */
export function avoidReservedName(name: string, suffix: string): string {
	return RESERVED.test(name) ? `${name}${suffix}` : name;
}
