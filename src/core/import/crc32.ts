// CRC-32 as zip files store it (the ISO-HDLC polynomial), over bytes that arrive in parts: an entry is
// checked against the checksum its archive holds, so damage that still inflates is never imported.

const TABLE = new Int32Array(256);
for (let n = 0; n < 256; n++) {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	TABLE[n] = c;
}

export class Crc32 {
	private state = -1;

	add(bytes: Uint8Array): void {
		let c = this.state;
		for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
		this.state = c;
	}

	/** The checksum of every byte added so far, as an unsigned 32-bit number. */
	get value(): number {
		return ~this.state >>> 0;
	}
}
