// sprintf-like formatting for Utilities.formatString and Logger.log(format, ...values)
// (https://developers.google.com/apps-script/reference/utilities/utilities#formatString(String,Object...):
// "Performs sprintf-like string formatting using '%'-style format strings", e.g. '%11.6f').

const SPEC = /%(?:(\d+)\$)?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g;

function exponential(n: number, precision: number, upper: boolean): string {
  // C prints at least two exponent digits (1.500000e+00); JS prints one.
  const s = n.toExponential(precision).replace(/e([+-])(\d)$/, 'e$10$2');
  return upper ? s.toUpperCase() : s;
}

export function sprintf(template: string, args: readonly unknown[]): string {
  let next = 0;
  return String(template).replace(SPEC, (whole, pos: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const index = pos !== undefined ? Number(pos) - 1 : next++;
    // A specifier without a value stays as written.
    if (index >= args.length) return whole;
    const arg = args[index];
    const precision = prec === undefined ? undefined : Number(prec);
    let body: string;
    let numeric = true;
    switch (conv) {
      case 's': body = String(arg); if (precision !== undefined) body = body.slice(0, precision); numeric = false; break;
      case 'c': body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0); numeric = false; break;
      case 'd': case 'i': body = String(Math.trunc(Number(arg))); break;
      case 'f': body = Number(arg).toFixed(precision ?? 6); break;
      case 'e': case 'E': body = exponential(Number(arg), precision ?? 6, conv === 'E'); break;
      case 'x': case 'X': case 'o': {
        const n = Math.trunc(Number(arg));
        const unsigned = n < 0 ? n >>> 0 : n;
        body = unsigned.toString(conv === 'o' ? 8 : 16);
        if (conv === 'X') body = body.toUpperCase();
        break;
      }
      default: body = String(arg);
    }
    if (numeric && !body.startsWith('-') && body !== 'NaN') {
      if (flags.includes('+')) body = '+' + body;
      else if (flags.includes(' ')) body = ' ' + body;
    }
    const w = width === undefined ? 0 : Number(width);
    if (body.length >= w) return body;
    if (flags.includes('-')) return body + ' '.repeat(w - body.length);
    if (numeric && flags.includes('0') && /^[+\- ]?\d/.test(body)) {
      const sign = /^[+\- ]/.test(body) ? body[0]! : '';
      const digits = sign ? body.slice(1) : body;
      return sign + '0'.repeat(w - body.length) + digits;
    }
    return ' '.repeat(w - body.length) + body;
  });
}
