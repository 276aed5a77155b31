// domino's own declaration names the module "domino"; this is the same API under its package name.
declare module "@mixmark-io/domino" {
	export function createDocument(html?: string, force?: boolean): Document;
}
