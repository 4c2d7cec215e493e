// Byte codecs the platform provides (Utilities in Apps Script). Bytes are 0..255 numbers here;
// the adapter converts Apps Script's signed Java bytes.

export interface CodecPort {
  gunzip(bytes: number[]): number[];
  gzip(bytes: number[]): number[];
  utf8Decode(bytes: number[]): string;
  utf8Encode(text: string): number[];
  base64Encode(text: string): string;
  /** Standard base64 (a file the sidebar uploaded) to bytes. */
  base64Decode(text: string): number[];
}
