// Sidebar script (runs in the browser inside HtmlService's iframe). Talks to the server only
// through google.script.run; every text from the server is escaped before it reaches the DOM.
export {};
