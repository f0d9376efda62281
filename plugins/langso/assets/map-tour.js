/* Làng số: a walking tour on the village map, ban-do/?tuyen=<slug> (langso.geomap.page), after
   map.js (its window.LangsoMap). Published only when langso/tours wrote tuyen-tham-quan/
   tuyen.geojson: a LineString per tour ({"slug","ten","url","khoang_cach_m","phut"}) and, when
   present, a Point per stop ({"slug","so","ten","url"}, url null for a free point).

   The map comes first on the screen (scrolled under the header), shows the route alone (the
   filter's "Tất cả" brings the other points back), fitted to the route, with numbered stops:
   the first green, the last dark. Only the site's own file is fetched. */
(function () {
  "use strict";
  var api = window.LangsoMap;
  var L = window.L;
  var wanted = (location.search.match(/[?&]tuyen=([a-z0-9-]+)/) || [])[1];
  if (!api || !L || !wanted) return;
  var map = api.map;
  var status = api.status;
  var el = api.el;

  var header = document.querySelector(".md-header");
  var top = api.box.getBoundingClientRect().top + window.pageYOffset;
  window.scrollTo(0, Math.max(0, top - (header ? header.offsetHeight : 0) - 8));

  var routes = api.box.getAttribute("data-tuyen");
  function missing() {
    status.textContent = "Không tìm thấy tuyến tham quan này.";
  }
  if (!routes || !window.fetch) return missing();
  var root = api.box.getAttribute("data-goc") || "";

  function stopMarker(stop, index, count) {
    var first = index === 0;
    var last = index === count - 1;
    var mark = first ? " (bắt đầu)" : last ? " (kết thúc)" : "";
    var title = stop.so + ". " + stop.ten + mark;
    var marker = L.marker(stop.at, {
      icon: L.divIcon({
        className: "langso-map__stop" + (first ? " langso-map__stop--start" : last ? " langso-map__stop--end" : ""),
        html: "<span>" + stop.so + "</span>",
        iconSize: [48, 48],
        iconAnchor: [24, 24],
        popupAnchor: [0, -14],
      }),
      title: title,
      keyboard: true,
      riseOnHover: true,
    });
    var popup = el("div", "langso-map__popup");
    popup.appendChild(el("strong", "", title));
    if (stop.url) {
      var open = el("a", "langso-map__open", "Mở trang");
      open.href = root + stop.url;
      popup.appendChild(open);
    } else {
      popup.appendChild(el("span", "langso-map__groups", "Một điểm trên đường đi"));
    }
    var free = api.room();
    marker.bindPopup(popup, {
      maxWidth: 240,
      autoPanPaddingTopLeft: L.point(free.paddingTopLeft[0], 8),
      autoPanPaddingBottomRight: L.point(8, 8),
    });
    if (first || last) {
      marker.bindTooltip(first ? "Bắt đầu" : "Kết thúc", {
        permanent: true,
        direction: "auto",
        offset: [8, 0],
        className: "langso-map__label",
        opacity: 1,
      });
    }
    marker.on("add", function () {
      marker.getElement().setAttribute("aria-label", title);
    });
    return marker;
  }

  fetch(routes)
    .then(function (response) {
      return response.json();
    })
    .then(function (data) {
      var mine = (data.features || []).filter(function (f) {
        return f.properties && f.properties.slug === wanted && f.geometry;
      });
      var line = mine.filter(function (f) {
        return f.geometry.type === "LineString";
      })[0];
      if (!line) return missing();
      var stops = mine
        .filter(function (f) {
          return f.geometry.type === "Point";
        })
        .map(function (f) {
          var c = f.geometry.coordinates;
          return { so: f.properties.so, ten: f.properties.ten || "", url: f.properties.url, at: L.latLng(c[1], c[0]) };
        })
        .sort(function (a, b) {
          return a.so - b.so;
        });
      if (!stops.length) {
        /* no stops published: the line's two ends */
        var ends = line.geometry.coordinates;
        var last = ends[ends.length - 1];
        stops = [
          { so: 1, ten: "Điểm đầu", url: null, at: L.latLng(ends[0][1], ends[0][0]) },
          { so: 2, ten: "Điểm cuối", url: null, at: L.latLng(last[1], last[0]) },
        ];
      }
      var tour = L.featureGroup().addTo(map);
      L.geoJSON(line, { style: { color: "#b3261e", weight: 5, opacity: 0.85 } }).addTo(tour);
      stops.forEach(function (stop, index) {
        stopMarker(stop, index, stops.length).addTo(tour);
      });
      var name = line.properties.ten || wanted;
      status.textContent = "";
      status.appendChild(document.createTextNode("Tuyến: "));
      var link = el("a", "", name);
      link.href = root + (line.properties.url || "");
      status.appendChild(link);
      var metres = line.properties.khoang_cach_m;
      var minutes = line.properties.phut;
      if (metres && minutes) {
        var km = (Math.round(metres / 100) / 10).toString().replace(".", ",");
        status.appendChild(document.createTextNode(" · " + km + " km, khoảng " + minutes + " phút đi bộ"));
      }
      api.box.className += " langso-map--tuyen";
      api.showTour(name, tour.getBounds());
    })
    .catch(function () {
      status.textContent = "Chưa tải được tuyến tham quan.";
    });
})();
