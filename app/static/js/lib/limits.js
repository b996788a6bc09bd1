// The server's limits, from base.html's #squeeze-limits (app/web/limits.py); {} without a page.
// pushMax: records one sync push takes; runMaxMs: the longest run the API keeps.
const block = globalThis.document?.getElementById('squeeze-limits');
export const limits = block ? JSON.parse(block.textContent) : {};
