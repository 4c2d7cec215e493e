// Apps Script error texts that Google shows in the user's language. Google localises exception
// messages: "Exceeded maximum execution time … or equivalent based on your script's locale"
// (labnol.org/code/20016-maximum-execution-time-limit, which lists a dozen translations), and its
// own API returns "the same error text translated to the requested locale"
// (https://developers.google.com/apps-script/api/reference/rest/v1/LocalizedMessage). Google does
// not publish the German or Japanese wording of these texts: the translations below are the
// fake's own, there so tests prove the add-on never depends on English wording.

export type MessageId = 'urlFetchTimeout' | 'urlFetchDns' | 'triggerRuntime';

const TEXTS: Record<string, Record<MessageId, (arg: string) => string>> = {
  en: {
    // Unconfirmed wording (see urlfetch.ts); other projects' fakes use it.
    urlFetchTimeout: (url) => `Timeout: ${url}`,
    urlFetchDns: (url) => `DNS error: ${url}`,
    // Quotas page, "Service using too much computer time for one day" (trigger total runtime).
    triggerRuntime: () => 'Service using too much computer time for one day.',
  },
  de: {
    urlFetchTimeout: (url) => `Zeitüberschreitung bei der Anfrage: ${url}`,
    urlFetchDns: (url) => `DNS-Fehler: ${url}`,
    triggerRuntime: () => 'Der Dienst hat an einem Tag zu viel Rechenzeit beansprucht.',
  },
  ja: {
    urlFetchTimeout: (url) => `タイムアウト: ${url}`,
    urlFetchDns: (url) => `DNS エラー: ${url}`,
    triggerRuntime: () => '1 日のサービスのコンピュータ使用時間が長すぎます。',
  },
};

/** The text in the user's language (Session.getActiveUserLocale, e.g. "de" or "ja_JP"); English otherwise. */
export function localised(locale: string | undefined, id: MessageId, arg = ''): string {
  const lang = (locale ?? 'en').toLowerCase().split(/[_-]/)[0] ?? 'en';
  return (TEXTS[lang] ?? TEXTS['en']!)[id](arg);
}
