/* The admin page's cards call the JSON APIs through this: the bearer token, JSON both ways, and a
   network failure answered like a refusal, so each card shows one kind of result. */
window.AdminHttp = {
  async call(method, url, token, body) {
    let res;
    try {
      res = await fetch(url, {
        method, cache: 'no-store',
        headers: Object.assign({ Authorization: 'Bearer ' + token }, body ? { 'Content-Type': 'application/json' } : {}),
        body: body ? JSON.stringify(body) : undefined
      });
    } catch (e) {
      return { ok: false, status: 0, data: { message: 'The server cannot be reached.' } };
    }
    let data = {};
    if (res.status !== 204) { try { data = await res.json(); } catch (e) { data = {}; } }
    return { ok: res.ok, status: res.status, data: data || {} };
  }
};
