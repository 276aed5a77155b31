// Simple line icons for the browser page and the screenshots, drawn for these tests in the spirit of
// the icon set Obsidian uses (24×24, 2px round strokes). Only the pictures need them.

type Shape = ["path", string] | ["circle", number, number, number] | ["rect", number, number, number, number];

const ICONS: Record<string, Shape[]> = {
	circle: [["circle", 12, 12, 8]],
	"circle-check": [["circle", 12, 12, 9], ["path", "M8 12l3 3 5-6"]],
	"circle-help": [["circle", 12, 12, 9], ["path", "M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6M12 17h.01"]],
	archive: [["rect", 3, 4, 18, 5], ["path", "M5 9v11h14V9M10 13h4"]],
	glasses: [["circle", 6.5, 15, 3.5], ["circle", 17.5, 15, 3.5], ["path", "M10 15h4M3 15l2.5-8M21 15l-2.5-8"]],
	"external-link": [["path", "M14 4h6v6M20 4l-9 9M18 14v6H4V6h6"]],
	"arrow-up-narrow-wide": [["path", "M3 8l4-4 4 4M7 4v16M12 8h4M12 13h6M12 18h8"]],
	filter: [["path", "M3 5h18l-7 8v6l-4 2v-8z"]],
	bookmark: [["path", "M6 3h12v18l-6-4-6 4z"]],
	"bookmark-plus": [["path", "M6 3h12v18l-6-4-6 4zM12 7v6M9 10h6"]],
	x: [["path", "M6 6l12 12M18 6L6 18"]],
	check: [["path", "M5 12l5 5 9-10"]],
	"more-horizontal": [["circle", 5, 12, 1], ["circle", 12, 12, 1], ["circle", 19, 12, 1]],
	layers: [["path", "M12 3l9 5-9 5-9-5zM3 13l9 5 9-5"]],
	user: [["circle", 12, 8, 4], ["path", "M4 21c0-4 4-6 8-6s8 2 8 6"]],
	globe: [["circle", 12, 12, 9], ["path", "M3 12h18M12 3c3.5 3 3.5 15 0 18M12 3c-3.5 3-3.5 15 0 18"]],
	calendar: [["rect", 3, 5, 18, 16], ["path", "M3 10h18M8 3v4M16 3v4"]],
	clock: [["circle", 12, 12, 9], ["path", "M12 7v5l3 2"]],
	"image-off": [["rect", 3, 3, 18, 18], ["path", "M3 3l18 18M8 21l5-5"]],
	tags: [["path", "M3 12V4h8l10 10-8 8zM7.5 7.5h.01"]],
	"arrow-up": [["path", "M12 19V5M6 11l6-6 6 6"]],
	"arrow-down": [["path", "M12 5v14M6 13l6 6 6-6"]],
	search: [["circle", 11, 11, 7], ["path", "M20 20l-4-4"]],
	link: [["path", "M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1"]],
	"folder-open": [["path", "M3 19V5h6l2 2h8v3M3 19l3-9h16l-3 9z"]],
	"book-open": [["path", "M2 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H2zM22 4h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z"]],
};

const SVG = "http://www.w3.org/2000/svg";

/** An icon as an SVG element, or null for a name without a drawing. */
export function iconSvg(name: string): SVGSVGElement | null {
	const shapes = ICONS[name];
	if (!shapes) return null;
	const svg = document.createElementNS(SVG, "svg");
	for (const [attribute, value] of Object.entries({ viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round", class: `svg-icon lucide-${name}` })) {
		svg.setAttribute(attribute, value);
	}
	for (const shape of shapes) {
		const el = document.createElementNS(SVG, shape[0]);
		if (shape[0] === "path") el.setAttribute("d", shape[1]);
		else if (shape[0] === "circle") [["cx", shape[1]], ["cy", shape[2]], ["r", shape[3]]].forEach(([k, v]) => el.setAttribute(String(k), String(v)));
		else [["x", shape[1]], ["y", shape[2]], ["width", shape[3]], ["height", shape[4]], ["rx", 1.5]].forEach(([k, v]) => el.setAttribute(String(k), String(v)));
		svg.appendChild(el);
	}
	return svg;
}
