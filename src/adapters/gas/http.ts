// HttpPort over UrlFetchApp. muteHttpExceptions keeps every status a value we branch on; without it
// a 4xx/5xx would throw with a truncated body (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)).

import type { HttpPort, HttpRequest, HttpResponse } from '../../ports/http';
import { HttpTransportError } from '../../ports/http';

/**
 * With muteHttpExceptions every HTTP status is a response, so what fetch throws is either Apps
 * Script refusing the call before sending it, or a request that never got an answer (timeout, DNS,
 * connection lost). Apps Script words its messages in the user's language ("… or equivalent based
 * on your script's locale", labnol.org/code/20016-maximum-execution-time-limit), so no text can
 * name a timeout. The refusals no retry fixes are recognised in the English wording only
 * (quotas page: "Service invoked too many times…"; URL length; missing permission; allowlist;
 * the execution's own time limit): in another language they count as transport failures, are
 * retried a few times and end the run with their own text, which is safe.
 */
const REFUSAL = /^(?:Exception: )?(?:Service invoked too many times|Limit Exceeded|You do not have permission|Request to \S+ failed because the URL has not been whitelisted|Exceeded maximum execution time|Invalid argument)/i;

/**
 * The transport error, naming the URL's origin only: the platform's text quotes the whole URL, whose
 * path and query (order references, page tokens) mean nothing to people reading the Sync Log.
 */
function transportError(message: string, url: string): HttpTransportError {
  const originOf = (u: string) => /^https?:\/\/[^/?#\s]+/i.exec(u)?.[0] ?? u;
  if (/https?:\/\//i.test(message)) return new HttpTransportError(message.replace(/https?:\/\/[^\s"'<>)]+/gi, originOf));
  return new HttpTransportError(`${message} (${originOf(url)})`);
}

export function gasHttp(): HttpPort {
  return {
    fetch(req: HttpRequest): HttpResponse {
      const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
        method: req.method,
        muteHttpExceptions: true,
        // Credentials ride in headers and form bodies; a redirect would carry them to its target
        // (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object):
        // followRedirects defaults to true). Only a caller that sends none may opt in.
        followRedirects: req.followRedirects === true,
        headers: req.headers ?? {},
      };
      if (req.payload !== undefined) {
        params.payload = req.payload;
        params.contentType = req.contentType ?? 'application/x-www-form-urlencoded';
      }
      let res: GoogleAppsScript.URL_Fetch.HTTPResponse;
      try {
        res = UrlFetchApp.fetch(req.url, params);
      } catch (e) {
        const message = e instanceof Object && 'message' in e ? String((e as Error).message) : String(e);
        if (REFUSAL.test(message)) throw e;
        throw transportError(message, req.url);
      }
      const headers: Record<string, string> = {};
      const all = res.getAllHeaders() as Record<string, string | string[]>;
      for (const name of Object.keys(all)) {
        const v = all[name];
        headers[name.toLowerCase()] = Array.isArray(v) ? String(v[v.length - 1]) : String(v);
      }
      return {
        status: res.getResponseCode(),
        headers,
        text: res.getContentText('UTF-8'),
        bytes: () => res.getContent().map((b) => b & 0xff),
      };
    },
  };
}
