// The screens' DOM helpers: only screens touch the DOM.
export const $ = (id) => document.getElementById(id);

/** A `tag` element with `text` in it and `props` (className, href…) set. */
export const el = (tag, text, props) => Object.assign(document.createElement(tag), { textContent: text }, props);
