// Which created files a note still names: undo keeps those, and only those, of the files a run made.
import { LinkedFiles } from "../../../src/core/journal/linkedFiles";

const CHART = "Omnivore/attachments/Rust chart (2023).png";
const SHOT = "Omnivore/attachments/it's a (test).png";
const CAFE = "Omnivore/attachments/caf\u00e9 chart.png";
const LOGO = "Omnivore/attachments/logo.svg";
const PDF = "Omnivore/Rust in 2023.pdf";
const NO_EXTENSION = "Omnivore/attachments/download";
const files = new LinkedFiles([CHART, LOGO, PDF, NO_EXTENSION, SHOT, CAFE]);
const named = (text: string) => [...files.namedIn(text)].sort();

describe("files a note names", () => {
	it.each([
		["a wiki embed", "![[Rust chart (2023).png]]", [CHART]],
		["a wiki embed with a size", "![[Rust chart (2023).png|300]]", [CHART]],
		["a Markdown image, percent-encoded as a path", "![chart](Omnivore/attachments/Rust%20chart%20(2023).png)", [CHART]],
		["an HTML image", '<img src="attachments/logo.svg" alt="">', [LOGO]],
		["another case", "![[RUST IN 2023.PDF]]", [PDF]],
		["a name without extension", "![](Omnivore/attachments/download)", [NO_EXTENSION]],
		["a file: address, which may be the vault's", "![](file:///home/me/vault/Omnivore/attachments/logo.svg)", [LOGO]],
		["several in one note", "![[logo.svg]]\n\nSee [[Rust in 2023.pdf]] and ![[Rust chart (2023).png]].", [CHART, LOGO, PDF]],
		["a link as the images run writes it", "![](Omnivore/attachments/it's%20a%20%28test%29.png)", [SHOT]],
		["a link with a letter outside ASCII, as the images run writes it", "![](Omnivore/attachments/café%20chart.png)", [CAFE]],
		["the other Unicode form", "![[cafe\u0301 chart.png]]", [CAFE]],
		["a letter outside ASCII percent-encoded, as some editors write it", "![](Omnivore/attachments/caf%C3%A9%20chart.png)", [CAFE]],
		["a text that is only the name", "logo.svg", [LOGO]],
		["a text that is only a name without extension", "download", [NO_EXTENSION]],
		["a link after a % that is no UTF-8", "![](caf%E9.png) ![[logo.svg]]", [LOGO]],
		["HTML with an entity", '<img src="attachments/it&#39;s a (test).png">', [SHOT]],
		["Markdown escapes", "![](it's%20a%20\\(test\\).png)", [SHOT]],
		["any letter percent-encoded", "![](Omnivore/attachments/l%6Fgo.svg)", [LOGO]],
		["a canvas, its slashes escaped as JSON may", '{"nodes":[{"type":"file","file":"Omnivore\\/attachments\\/logo.svg"}]}', [LOGO]],
	])("names a file in %s", (_shape, text, expected) => {
		expect(named(text)).toEqual(expected.sort());
	});

	it.each([
		["the image's original address, as a note put back holds it", "![](https://example.com/img/logo.svg)"],
		["a proxied address", "![](https://proxy-prod.omnivore-image-cache.app/0x0,s1/https://example.com/Rust%20chart%20(2023).png)"],
		["an original without extension", "![](https://example.com/files/download)"],
		["an HTML-escaped proxied address, as some notes hold them", "![](https:&#x2F;&#x2F;proxy-prod.omnivore-image-cache.app&#x2F;0x0,s1&#x2F;https:&#x2F;&#x2F;example.com&#x2F;logo.svg)"],
		["a percent-encoded original inside a proxied address", "![](https://proxy-prod.omnivore-image-cache.app/0x0,s1/https%3A%2F%2Fexample.com%2Flogo.svg)"],
		["another name that ends with the file's", "![[cover-logo.svg]] ![[my_logo.svg]]"],
		["a file of another extension", "![[logo.svgz]] ![[Rust in 2023.pdfx]]"],
		["nothing", "# Notes on Rust\n\nNo files here.\n"],
	])("does not name a file in %s", (_shape, text) => {
		expect(named(text)).toEqual([]);
	});

	it("errs on keeping: a name as the alt text of the original's image names it", () => {
		expect(named("![logo.svg](https://example.com/logo.svg)")).toEqual([LOGO]);
	});

	it("names a file written after an address on the same line", () => {
		expect(named("From https://example.com/logo.svg, saved as ![[logo.svg]]")).toEqual([LOGO]);
	});
});
