// The one client of /api/v1: the device's token, JSON both ways, failures as RFC 9457 problems.
import * as deviceStore from '../device/store.js';

/** The problem details (status, title, detail, errors) of a failed call; status 0: offline. */
export class ApiError extends Error {
  constructor(status, problem, cause) {
    super(problem?.detail ?? (status ? `The server answered ${status}.` : cause.message), { cause });
    Object.assign(this, { errors: [] }, problem, { status });
  }
}

export const deviceToken = (store = deviceStore) => store.getMeta('token').catch(() => null);

/** The JSON answer (null for 204; `as: 'blob'`: a file), sent with the device's token or `token`. */
export async function api(path, { method, body, token, as = 'json', fetchImpl = fetch } = {}) {
  if (token === undefined) token = await deviceToken();
  const headers = body ? { 'Content-Type': 'application/json' } : {};
  if (token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    // A string body (a file picked for import) goes as it is: the server says what is wrong with it.
    const sent = typeof body === 'string' ? body : body && JSON.stringify(body);
    response = await fetchImpl('/api/v1' + path, { method, headers, body: sent });
  } catch (cause) {
    throw new ApiError(0, null, cause);
  }
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response.status === 204 ? null : response[as]();
}
