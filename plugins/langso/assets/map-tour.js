/* Làng số: a walking tour on the village map, ban-do/?tuyen=<slug> (langso.geomap.page), after
   map.js (its window.LangsoMap). Published only when langso/tours wrote tuyen-tham-quan/
   tuyen.geojson: a LineString per tour ({"slug","ten","url","khoang_cach_m","phut",
   "khoang_cach_chu","thoi_gian_chu"}: the last two the tour page's own words, shown as they
   are, never formatted here) and, when present, a Point per stop ({"slug","so","ten","url"},
   url null for a free point: then its place on the tour page, url#diem-<so>).

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

  /* Stops closer on screen than a finger share ONE marker (the rule of map.js's points): its
     dot shows their numbers ("1–3"), its popup lists each stop with a link; zooming in splits
     them. "Bắt đầu" belongs to the marker holding stop 1, "Kết thúc" to the one holding the
     last stop. A free stop (no page) links to its place on the tour page (#diem-N). */
  var NEAR_PX = 34;
  var tourUrl = "";
  var stopLayer = L.featureGroup();
  var stopMarkers = [];
  function numbers(group) {
    var first = group[0].so;
    var last = group[group.length - 1].so;
    var running = group.every(function (stop, k) {
      return stop.so === first + k;
    });
    if (group.length === 1) return String(first);
    return running ? first + "–" + last : group.map(function (stop) {
      return stop.so;
    }).join(",");
  }
  function stopHref(stop) {
    return stop.url ? root + stop.url : root + tourUrl + "#diem-" + stop.so;
  }
  function stopMarker(group, count) {
    var first = group[0].index === 0;
    var last = group[group.length - 1].index === count - 1;
    function mark(stop) {
      return stop.index === 0 ? " (bắt đầu)" : stop.index === count - 1 ? " (kết thúc)" : "";
    }
    var names = group.map(function (stop) {
      return stop.so + ". " + stop.ten + mark(stop);
    });
    var title = group.length > 1 ? group.length + " điểm dừng: " + names.join("; ") : names[0];
    var marker = L.marker(group[0].at, {
      icon: L.divIcon({
        className:
          "langso-map__stop" + (first ? " langso-map__stop--start" : last ? " langso-map__stop--end" : ""),
        html: "<span>" + numbers(group) + "</span>",
        iconSize: [48, 48],
        iconAnchor: [24, 24],
        popupAnchor: [0, -14],
      }),
      title: title,
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: 500, /* above the village's points when "Tất cả" brings them back */
    });
    var popup = el("div", "langso-map__popup");
    if (group.length === 1) {
      var stop = group[0];
      popup.appendChild(el("strong", "", title));
      var open = el("a", "langso-map__open", stop.url ? "Mở trang" : "Xem trên trang tuyến");
      open.href = stopHref(stop);
      popup.appendChild(open);
    } else {
      popup.appendChild(el("strong", "", group.length + " điểm dừng ở gần nhau"));
      var list = el("ul", "langso-map__places");
      group.forEach(function (stop, k) {
        var item = el("li");
        var link = el("a", "langso-map__open", names[k]);
        link.href = stopHref(stop);
        item.appendChild(link);
        list.appendChild(item);
      });
      popup.appendChild(list);
    }
    marker.bindPopup(popup, api.popupOptions());
    if (first || last) {
      marker.bindTooltip(first && last ? "Bắt đầu · Kết thúc" : first ? "Bắt đầu" : "Kết thúc", {
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
  function drawStops(stops) {
    stopLayer.clearLayers();
    stopMarkers = [];
    var groups = [];
    stops.forEach(function (stop) {
      var at = map.latLngToLayerPoint(stop.at);
      for (var k = 0; k < groups.length; k++) {
        if (groups[k].seed.distanceTo(at) < NEAR_PX) {
          groups[k].stops.push(stop);
          return;
        }
      }
      groups.push({ seed: at, stops: [stop] });
    });
    groups.forEach(function (group) {
      var marker = stopMarker(group.stops, stops.length);
      stopMarkers.push(marker);
      stopLayer.addLayer(marker);
    });
    placeLabels();
  }
  /* "Bắt đầu" / "Kết thúc" on the side of their dot where they cover no other stop's dot and
     stay inside the map (right, left, above, below; else right). */
  function placeLabels() {
    var frame = map.getContainer().getBoundingClientRect();
    var blocked = api.obstacles(stopMarkers);
    function clear(r, own) {
      if (r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom) return false;
      return blocked.every(function (b) {
        return b.owner === own || !api.overlaps(r, b.rect);
      });
    }
    stopMarkers.forEach(function (marker) {
      var tip = marker.getTooltip();
      if (!tip || !tip.getElement()) return;
      var dot = marker.getElement().firstChild.getBoundingClientRect();
      var half = [dot.width / 2 + 2, dot.height / 2 + 2]; /* clear of its own dot */
      var offsets = { right: [half[0], 0], left: [-half[0], 0], top: [0, -half[1]], bottom: [0, half[1]] };
      var sides = ["right", "left", "top", "bottom"];
      for (var k = 0; k < sides.length; k++) {
        tip.options.direction = sides[k];
        tip.options.offset = offsets[sides[k]];
        tip.update();
        if (clear(tip.getElement().getBoundingClientRect(), marker)) return;
      }
      tip.options.direction = "right";
      tip.options.offset = offsets.right;
      tip.update();
    });
  }
  api.stops = function () {
    return stopMarkers;
  };

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
      stops.forEach(function (stop, index) {
        stop.index = index;
      });
      tourUrl = line.properties.url || "";
      var tour = L.featureGroup().addTo(map);
      L.geoJSON(line, { style: { color: "#b3261e", weight: 5, opacity: 0.85 } }).addTo(tour);
      stopLayer.addTo(tour);
      map.on("zoomend", function () {
        drawStops(stops);
      });
      map.on("moveend", placeLabels);
      var name = line.properties.ten || wanted;
      status.textContent = "";
      status.appendChild(document.createTextNode("Tuyến: "));
      var link = el("a", "", name);
      link.href = root + (line.properties.url || "");
      status.appendChild(link);
      /* the tour page's own words (langso.tours), never formatted here */
      var length = line.properties.khoang_cach_chu;
      var time = line.properties.thoi_gian_chu;
      if (length && time) {
        status.appendChild(document.createTextNode(" · " + length + " · " + time + (/đi bộ/.test(time) ? "" : " đi bộ")));
      }
      api.box.className += " langso-map--tuyen";
      var bounds = L.latLngBounds(
        stops.map(function (stop) {
          return stop.at;
        })
      ).extend(tour.getBounds());
      api.showTour(name, bounds);
      drawStops(stops); /* at the fitted zoom (showTour fits without animation) */
    })
    .catch(function () {
      status.textContent = "Chưa tải được tuyến tham quan.";
    });
})();
