// Entry point of the CLI bundle: wires `main` to the process.

import { main } from "./main";

void main(process.argv.slice(2), {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text),
}).then((code) => {
	process.exitCode = code;
});
