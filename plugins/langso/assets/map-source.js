/* Làng số: the base map's bytes for the pmtiles reader (langso/map, issue 16).
 *
 * `new LangsoRangeSource(url)` is a pmtiles `Source` (getKey, getBytes): B's map.js builds
 * `new pmtiles.PMTiles(new LangsoRangeSource(url))`. Each read asks for its bytes only, with an
 * HTTP `Range: bytes=start-end` request, as static hosts (GitHub Pages, GitLab Pages, Netlify,
 * Cloudflare Pages) answer: 206 and those bytes. A host that ignores Range answers 200 with the
 * whole file (`mkdocs serve` and `langso serve` do, so does Python's http.server): that one answer
 * is kept (one ArrayBuffer) and every later read is a slice of it, with no second download.
 * pmtiles' own FetchSource refuses such a host ("Check that your storage backend supports HTTP
 * Byte Serving"); hence this source.
 *
 * Requests are the same for the same tile (pmtiles reads the header at 0..16383, then the
 * directory entry's offset and length), so the service worker (offline/assets/sw.js) keeps each
 * range under a key made of the URL and the range and gives it back without signal.
 */
(function (global) {
  "use strict";

  function LangsoRangeSource(url) {
    this.url = new URL(url, global.location.href).href;
    this.whole = null; // Promise<ArrayBuffer> once a read was answered with the whole file
  }

  LangsoRangeSource.prototype.getKey = function () {
    return this.url;
  };

  /** Resolve to `{data: ArrayBuffer}` holding bytes `offset` .. `offset + length - 1`. */
  LangsoRangeSource.prototype.getBytes = function (offset, length, signal) {
    var self = this;
    function slice(buffer) {
      return { data: buffer.slice(offset, offset + length) };
    }
    if (self.whole) return self.whole.then(slice);
    return fetch(self.url, {
      headers: { Range: "bytes=" + offset + "-" + (offset + length - 1) },
      credentials: "same-origin",
      signal: signal,
    }).then(function (response) {
      if (response.status === 206) {
        return response.arrayBuffer().then(function (data) { return { data: data }; });
      }
      if (response.status === 200) {
        if (!self.whole) {
          self.whole = response.arrayBuffer();
          // A cancelled or broken download is not kept: the next read asks again.
          self.whole.catch(function () { self.whole = null; });
          return self.whole.then(slice);
        }
        if (response.body) response.body.cancel(); // another read got it first: drop this copy
        return self.whole.then(slice);
      }
      throw new Error("HTTP " + response.status + " " + self.url);
    });
  };

  global.LangsoRangeSource = LangsoRangeSource;
})(window);
