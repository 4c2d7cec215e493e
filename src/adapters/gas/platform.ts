// Clock, codec and log ports over Date, Utilities and console. Apps Script's bytes are signed Java
// bytes (-128..127); the ports speak 0..255, so conversion happens here and nowhere else.

import type { ClockPort } from '../../ports/clock';
import type { CodecPort } from '../../ports/codec';
import type { LogPort } from '../../ports/log';

const toSigned = (bytes: number[]): number[] => bytes.map((b) => (b > 127 ? b - 256 : b));
const toUnsigned = (bytes: number[]): number[] => bytes.map((b) => b & 0xff);

export function gasClock(): ClockPort {
  return { now: () => Date.now(), sleep: (ms) => Utilities.sleep(Math.max(0, Math.min(300000, Math.round(ms)))) };
}

export function gasCodec(): CodecPort {
  return {
    gunzip: (bytes) => toUnsigned(Utilities.ungzip(Utilities.newBlob(toSigned(bytes), 'application/x-gzip')).getBytes()),
    gzip: (bytes) => toUnsigned(Utilities.gzip(Utilities.newBlob(toSigned(bytes))).getBytes()),
    utf8Decode: (bytes) => Utilities.newBlob(toSigned(bytes)).getDataAsString('UTF-8'),
    utf8Encode: (text) => toUnsigned(Utilities.newBlob(text).getBytes()),
    base64Encode: (text) => Utilities.base64Encode(text, Utilities.Charset.UTF_8),
    base64Decode: (text) => toUnsigned(Utilities.base64Decode(text)),
  };
}

export function gasLog(): LogPort {
  return {
    info: (m) => console.info(m),
    warn: (m) => console.warn(m),
    error: (m) => console.error(m),
  };
}
