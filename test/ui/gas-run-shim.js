// google.script.run for a sidebar served outside Google, behaving like Google's client
// (https://developers.google.com/apps-script/guides/html/reference/run): each with*() returns a
// new runner; server functions are own enumerable keys (names ending in "_" are private); illegal
// arguments throw synchronously; results arrive asynchronously; a failure without a handler goes
// to the console. Calls travel to Node through window.__gasCall (Playwright exposeFunction).
(function () {
  var names = window.__GAS_SERVER_FUNCTIONS__ || [];

  function check(value, key, seen) {
    if (value === null || value === undefined) return;
    var t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return;
    if (t === 'function' || t === 'symbol' || t === 'bigint') throw new TypeError('Failed due to illegal value in property: ' + key);
    if (Object.prototype.toString.call(value) === '[object Date]') throw new TypeError('Failed due to illegal value in property: ' + key);
    if (typeof Node !== 'undefined' && value instanceof Node) throw new TypeError('Failed due to illegal value in property: ' + key);
    if (seen.indexOf(value) >= 0) throw new TypeError('Failed due to circular reference.');
    seen.push(value);
    Object.keys(value).forEach(function (k) { check(value[k], k, seen); });
    seen.pop();
  }

  function makeRunner(success, failure, userObject) {
    var runner = {};
    Object.defineProperty(runner, 'withSuccessHandler', { value: function (f) { return makeRunner(f, failure, userObject); } });
    Object.defineProperty(runner, 'withFailureHandler', { value: function (f) { return makeRunner(success, f, userObject); } });
    Object.defineProperty(runner, 'withUserObject', { value: function (o) { return makeRunner(success, failure, o); } });
    names.filter(function (n) { return !/_$/.test(n); }).forEach(function (name) {
      runner[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        args.forEach(function (a, i) { check(a, String(i), []); });
        var json = JSON.stringify(args.map(function (a) { return a === undefined ? null : a; }));
        window.__gasCall(name, json).then(function (raw) {
          var res = JSON.parse(raw);
          if ('error' in res) {
            var err = new Error(res.error);
            if (failure) failure(err, userObject); else console.error(err);
          } else if (success) {
            success(res.value, userObject);
          }
        });
      };
    });
    return runner;
  }

  window.google = { script: {
    run: makeRunner(null, null, undefined),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } },
  } };
})();
