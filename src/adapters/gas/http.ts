// HttpPort over UrlFetchApp. muteHttpExceptions keeps every status a value we branch on; without it
// a 4xx/5xx would throw with a truncated body (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object)).

import type { HttpPort, HttpRequest, HttpResponse } from '../../ports/http';
import { HttpTransportError } from '../../ports/http';

/** UrlFetchApp's transport failures: timeouts, unreachable hosts, DNS. Quota errors are not transport errors. */
const TRANSPORT_FAILURE = /^(?:Exception: )?(?:Timeout|Address unavailable|DNS error|Unexpected error)/i;

export function gasHttp(): HttpPort {
  return {
    fetch(req: HttpRequest): HttpResponse {
      const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
        method: req.method,
        muteHttpExceptions: true,
        followRedirects: true,
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
        if (TRANSPORT_FAILURE.test(message)) throw new HttpTransportError(message);
        throw e;
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
