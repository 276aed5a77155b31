// What a date without a zone is read in: kept caches of what the engine read are valid only in the same.

// January and July of years the notes span: standard time and summer time, and rules that changed.
const SAMPLES = [2019, 2022, 2024, 2026].flatMap((year) => [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)]);

/**
 * The time zone as the clock reads it: its name, and its offsets from UTC through the years notes
 * were saved. A name alone is not enough: a POSIX `TZ` (`JST-9`, `UTC+7`) or a path has none, and
 * a laptop that changed zones has another.
 */
export function timeZoneKey(): string {
	const name = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
	return `${name} ${SAMPLES.map((at) => new Date(at).getTimezoneOffset()).join(",")}`;
}
