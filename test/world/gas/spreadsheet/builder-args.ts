// Argument checks for the value builders (conditional format rules, filter criteria, rich text, charts).
// They are not facades, so they throw the Apps Script "Exception" themselves, in the caller's realm,
// with Google's signature text ("The parameters (String) don't match the method signature for
// SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberLessThan."): Apps Script picks an overload by
// argument types and does not convert a string where a Number is declared (see errors.ts MSG.signature).

import { gasError, NODE_REALM, type Realm } from '../realm';
import { MSG, typeNames } from './errors';

export class Args {
  constructor(readonly realm: Realm = NODE_REALM, readonly className: string) {}

  fail(method: string, args: readonly unknown[]): never {
    throw gasError(this.realm, MSG.signature(typeNames(args), `SpreadsheetApp.${this.className}.${method}`));
  }

  error(message: string): never {
    throw gasError(this.realm, message);
  }

  /** Every argument a finite number (Java Number parameters), as many as declared. */
  numbers(method: string, args: readonly unknown[], count: number): number[] {
    if (args.length < count || args.slice(0, count).some((a) => typeof a !== 'number' || Number.isNaN(a))) this.fail(method, args);
    return args.slice(0, count) as number[];
  }

  /** A String parameter: any value but a missing one; null is passed through as Apps Script passes it. */
  text(method: string, args: readonly unknown[]): string {
    const a = args[0];
    if (args.length < 1 || a === undefined) this.fail(method, args);
    return String(a);
  }

  array(method: string, args: readonly unknown[]): unknown[] {
    const a = args[0];
    if (!Array.isArray(a)) this.fail(method, args);
    return Array.from(a as unknown[]);
  }

  bool(method: string, args: readonly unknown[]): boolean | null {
    const a = args[0];
    if (args.length < 1 || a === undefined) this.fail(method, args);
    if (a === null) return null;
    if (typeof a !== 'boolean') this.fail(method, args);
    return a as boolean;
  }
}
