// Text to match literally inside a regular expression built at run time (configured hosts, a tag name).

export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
