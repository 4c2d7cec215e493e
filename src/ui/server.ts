// Typed bridge from the sidebar to the server functions: `typeof import('../entry/index')` checks
// every call's name and arguments at compile time (the pattern of enuchi/React-Google-Apps-Script).

type Server = typeof import('../entry/index');
type Fn = keyof Server;

interface Runner {
  withSuccessHandler(cb: (value: unknown) => void): Runner;
  withFailureHandler(cb: (error: Error) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script: { run: Runner } };

export function call<K extends Fn>(name: K, ...args: Parameters<Server[K]>): Promise<ReturnType<Server[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<Server[K]>))
      .withFailureHandler((e) => reject(e));
    const fn = runner[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${String(name)}`));
      return;
    }
    fn.apply(runner, args);
  });
}
