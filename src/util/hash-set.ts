// A set of strings kept as 64-bit hashes, each with a small number attached (where it was first seen): a million
// village names cost 16 MB here, against ~100 MB as a Set of strings. Two different strings share a hash with
// odds of about n² / 2⁶⁵ — for a million, one in thirty million.

/** Two independent 32-bit FNV-1a hashes of a string's UTF-16 units. */
export function hash64(s: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return [a >>> 0, b >>> 0 || 1];
}

export class HashSet64 {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private tag: Float64Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let n = 1;
    while (n < capacity * 2) n <<= 1;
    this.hi = new Uint32Array(n);
    this.lo = new Uint32Array(n);
    this.tag = new Float64Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Adds `key`; returns the tag it was first added with, or undefined if it is new. */
  add(key: string, tag: number): number | undefined {
    const [h, l] = hash64(key);
    const found = this.find(h, l);
    if (found >= 0) return this.tag[found];
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    this.place(h, l, tag);
    this.count++;
    return undefined;
  }

  has(key: string): boolean {
    const [h, l] = hash64(key);
    return this.find(h, l) >= 0;
  }

  private find(h: number, l: number): number {
    const mask = this.hi.length - 1;
    for (let i = (h ^ Math.imul(l, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      if (this.lo[i] === 0) return -1;
      if (this.lo[i] === l && this.hi[i] === h) return i;
    }
  }

  private place(h: number, l: number, tag: number): void {
    const mask = this.hi.length - 1;
    let i = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
    while (this.lo[i] !== 0) i = (i + 1) & mask;
    this.hi[i] = h;
    this.lo[i] = l;
    this.tag[i] = tag;
  }

  private grow(): void {
    const { hi, lo, tag } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.tag = new Float64Array(hi.length * 2);
    for (let i = 0; i < hi.length; i++) if (lo[i] !== 0) this.place(hi[i]!, lo[i]!, tag[i]!);
  }
}
