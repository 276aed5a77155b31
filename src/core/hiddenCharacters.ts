// Characters a file name must not hold because they cannot be seen: direction marks and overrides
// show a name in another order than it has (an override before `gnp.exe` shows it as `exe.png`),
// and a zero-width space or a byte order mark makes a second `photo.png` that looks like the first.

/** As a character class's content, for the patterns that clean names. */
export const HIDDEN_IN_NAMES = "\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff";
