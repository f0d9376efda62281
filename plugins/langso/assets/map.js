/* Làng số: the village map (ban-do/), drawn with Leaflet once the page's text has painted
   (loaded by map-loader.js; langso.geomap.page). Plain ES5 for old Android WebViews.

   Data comes from the page itself: the slot #ban-do-khung (base map: data-nen, data-nen-kieu
   raster|vector, data-nen-zoom "min max", data-nen-bien "W S E N", data-nen-nguon; routes:
   data-tuyen; site root: data-goc) and the list below it (ul[data-nhom][data-ten] > li >
   a[data-lat][data-lon]). One marker per page linked (a plaque's line joins its page's marker).
   Nothing is requested from another host: the base map is read from the site's own file through
   LangsoRangeSource (map-source.js). */
(function () {
  "use strict";
  var box = document.getElementById("ban-do-khung");
  if (!box || !window.L) return;
  var L = window.L;
  var COLORS = ["#b3261e", "#1a5fb4", "#26734d", "#8a4baf", "#a35200", "#00758f", "#5c5f00"];
  var LABEL_ZOOM = 13; /* labels from this zoom (a commune's width); below it a tap shows the name */
  var LABEL_CHARS = 22;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The points: one per linked page, with every group it belongs to. */
  var groups = [];
  var points = [];
  var byHref = {};
  var lists = document.querySelectorAll("ul[data-nhom]");
  for (var i = 0; i < lists.length; i++) {
    var key = lists[i].getAttribute("data-nhom");
    var group = {
      key: key,
      name: lists[i].getAttribute("data-ten"),
      color: COLORS[i % COLORS.length],
      count: 0,
    };
    groups.push(group);
    var links = lists[i].querySelectorAll("a[data-lat]");
    for (var j = 0; j < links.length; j++) {
      var a = links[j];
      var href = a.getAttribute("href");
      var lat = parseFloat(a.getAttribute("data-lat"));
      var lon = parseFloat(a.getAttribute("data-lon"));
      if (isNaN(lat) || isNaN(lon)) continue;
      group.count++;
      var point = byHref[href];
      if (!point) {
        point = { href: href, name: a.textContent, lat: lat, lon: lon, groups: [], group: group };
        byHref[href] = point;
        points.push(point);
      }
      point.groups.push(key);
    }
  }

  /* The frame: filter chips, the map, its status line. */
  box.removeAttribute("style");
  box.removeAttribute("aria-busy");
  box.textContent = "";
  var chips = el("div", "langso-map__chips");
  chips.setAttribute("role", "group");
  chips.setAttribute("aria-label", "Lọc các điểm trên bản đồ");
  var canvas = el("div", "langso-map__canvas");
  canvas.setAttribute("role", "region");
  canvas.setAttribute("aria-label", "Bản đồ làng (danh sách các điểm ở dưới)");
  var status = el("p", "langso-map__status");
  status.setAttribute("role", "status");
  box.appendChild(chips);
  box.appendChild(canvas);
  box.appendChild(status);

  var nen = box.getAttribute("data-nen");
  var kind = box.getAttribute("data-nen-kieu");
  var zooms = (box.getAttribute("data-nen-zoom") || "").split(" ");
  var edges = (box.getAttribute("data-nen-bien") || "").split(" ").map(parseFloat);
  var options = { zoomControl: false, attributionControl: false, maxZoom: 19 };
  var area = null;
  if (nen && edges.length === 4) {
    area = L.latLngBounds([edges[1], edges[0]], [edges[3], edges[2]]);
    options.minZoom = Math.max(0, parseInt(zooms[0], 10) || 0);
    options.maxZoom = Math.max(options.minZoom, (parseInt(zooms[1], 10) || 16) + 2);
    options.maxBounds = area.pad(0.25);
  }
  var map = L.map(canvas, options);
  /* The theme's full stylesheet (loaded on the first tap) changes the rem: follow the size. */
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      map.invalidateSize();
    }).observe(canvas);
  }
  L.control.zoom({ zoomInTitle: "Phóng to", zoomOutTitle: "Thu nhỏ" }).addTo(map);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);

  if (nen && window.pmtiles && window.LangsoRangeSource) {
    var archive = new window.pmtiles.PMTiles(new window.LangsoRangeSource(nen));
    var attribution = box.getAttribute("data-nen-nguon") || "© OpenStreetMap";
    var safe = attribution.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    var maxNative = parseInt(zooms[1], 10) || 16;
    var layer = null;
    if (kind === "vector" && window.protomapsL) {
      layer = window.protomapsL.leafletLayer({
        url: archive,
        flavor: "light",
        lang: "vi",
        maxDataZoom: maxNative,
        attribution: safe,
        bounds: area,
      });
    } else if (kind === "raster") {
      layer = window.pmtiles.leafletRasterLayer(archive, {
        attribution: safe,
        maxNativeZoom: maxNative,
        maxZoom: options.maxZoom,
        bounds: area,
      });
    }
    if (layer) {
      L.control.attribution({ prefix: false }).addTo(map);
      layer.addTo(map);
      box.className += " langso-map--nen";
    }
  }

  /* Markers: a 48 px tap target around a coloured dot; the name as a label from LABEL_ZOOM. */
  var shown = L.featureGroup().addTo(map);
  function short(name) {
    return name.length > LABEL_CHARS ? name.slice(0, LABEL_CHARS - 1).replace(/\s+$/, "") + "…" : name;
  }
  points.forEach(function (point, index) {
    var icon = L.divIcon({
      className: "langso-map__pin",
      html: '<span style="background:' + point.group.color + '"></span>',
      iconSize: [48, 48],
      iconAnchor: [24, 24],
      popupAnchor: [0, -12],
      tooltipAnchor: [10, 0],
    });
    var marker = L.marker([point.lat, point.lon], {
      icon: icon,
      title: point.name,
      alt: point.name,
      keyboard: true,
      riseOnHover: true,
    });
    var popup = el("div", "langso-map__popup");
    popup.appendChild(el("strong", "", point.name));
    var names = [];
    groups.forEach(function (g) {
      if (point.groups.indexOf(g.key) >= 0) names.push(g.name);
    });
    popup.appendChild(el("span", "langso-map__groups", names.join(" · ")));
    var open = el("a", "langso-map__open", "Mở trang");
    open.href = point.href;
    popup.appendChild(open);
    marker.bindPopup(popup, { maxWidth: 260, minWidth: 160 });
    marker.bindTooltip(short(point.name), {
      permanent: true,
      direction: "auto", /* left of a point in the map's right half: never cut by the edge */
      className: "langso-map__label",
      opacity: 1,
    });
    marker.langsoOrder = index;
    point.marker = marker;
    shown.addLayer(marker);
  });

  /* Labels stay readable: none below LABEL_ZOOM, and never two overlapping (the first kept:
     landmarks come first in the list). */
  function declutter() {
    var show = map.getZoom() >= LABEL_ZOOM;
    var kept = [];
    points.forEach(function (point) {
      var tip = point.marker.getTooltip();
      var node = tip && tip.getElement();
      if (!node) return;
      if (!show || !shown.hasLayer(point.marker)) {
        node.style.visibility = "hidden";
        return;
      }
      node.style.visibility = "";
      var r = node.getBoundingClientRect();
      for (var k = 0; k < kept.length; k++) {
        var o = kept[k];
        if (r.left < o.right && r.right > o.left && r.top < o.bottom && r.bottom > o.top) {
          node.style.visibility = "hidden";
          return;
        }
      }
      kept.push(r);
    });
  }
  map.on("zoomend moveend", declutter);
  map.on("popupopen", function (event) {
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", "Đóng"); /* Leaflet writes "Close popup" */
  });

  function fit(animate) {
    var target = shown.getLayers().length ? shown.getBounds() : area;
    if (target) map.fitBounds(target, { padding: [32, 32], maxZoom: 17, animate: animate });
    else map.setView([16, 106], 5);
  }

  /* Chips: "Tất cả" and one per group; one pressed at a time. */
  function press(chosen, first) {
    var buttons = chips.querySelectorAll("button");
    for (var b = 0; b < buttons.length; b++) {
      buttons[b].setAttribute("aria-pressed", String(buttons[b].value === chosen));
    }
    points.forEach(function (point) {
      var visible = chosen === "" || point.groups.indexOf(chosen) >= 0;
      if (visible) shown.addLayer(point.marker);
      else shown.removeLayer(point.marker);
    });
    map.closePopup();
    fit(!first);
    declutter();
  }
  function chip(value, label, color) {
    var button = el("button", "langso-map__chip");
    button.type = "button";
    button.value = value;
    if (color) {
      var dot = el("span", "langso-map__dot");
      dot.style.background = color;
      dot.setAttribute("aria-hidden", "true");
      button.appendChild(dot);
    }
    button.appendChild(document.createTextNode(label));
    button.addEventListener("click", function () {
      press(value);
    });
    chips.appendChild(button);
  }
  chip("", "Tất cả (" + points.length + ")");
  groups.forEach(function (g) {
    chip(g.key, g.name + " (" + g.count + ")", g.color);
  });

  /* "Vị trí của tôi": the position is asked for only when tapped. */
  var me = null;
  var Locate = L.Control.extend({
    options: { position: "topright" },
    onAdd: function () {
      var button = el("button", "langso-map__locate", "Vị trí của tôi");
      button.type = "button";
      L.DomEvent.disableClickPropagation(button);
      button.addEventListener("click", function () {
        if (!navigator.geolocation) {
          status.textContent = "Điện thoại không cho biết vị trí trên trang này.";
          return;
        }
        status.textContent = "Đang tìm vị trí của bạn…";
        navigator.geolocation.getCurrentPosition(
          function (pos) {
            var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
            if (me) map.removeLayer(me);
            me = L.featureGroup([
              L.circle(here, { radius: pos.coords.accuracy, weight: 1, color: "#1a5fb4" }),
              L.circleMarker(here, { radius: 8, weight: 3, color: "#fff", fillColor: "#1a5fb4", fillOpacity: 1 }),
            ]).addTo(map);
            if (area && !area.contains(here)) {
              status.textContent = "Bạn đang ở ngoài vùng của bản đồ này.";
            } else {
              status.textContent = "Chấm xanh là chỗ bạn đang đứng (sai số khoảng " + Math.round(pos.coords.accuracy) + " m).";
              map.setView(here, Math.max(map.getZoom(), 16));
            }
          },
          function (error) {
            status.textContent =
              error.code === 1
                ? "Bạn chưa cho phép xem vị trí. Bật quyền vị trí cho trình duyệt rồi chạm lại."
                : "Chưa tìm được vị trí. Ra chỗ thoáng rồi chạm lại.";
          },
          { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
        );
      });
      return button;
    },
  });
  new Locate().addTo(map);

  fit(false);
  press("", true);

  /* ?tuyen=<slug>: that walking tour's route, from the tours' GeoJSON. */
  var wanted = (location.search.match(/[?&]tuyen=([a-z0-9-]+)/) || [])[1];
  var routes = box.getAttribute("data-tuyen");
  if (wanted && routes && window.fetch) {
    fetch(routes)
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        var found = (data.features || []).filter(function (f) {
          return f.properties && f.properties.slug === wanted;
        })[0];
        if (!found) {
          status.textContent = "Không tìm thấy tuyến tham quan này.";
          return;
        }
        var line = L.geoJSON(found, { style: { color: "#b3261e", weight: 5, opacity: 0.85 } }).addTo(map);
        map.fitBounds(line.getBounds(), { padding: [32, 32] });
        status.textContent = "";
        status.appendChild(document.createTextNode("Tuyến: "));
        var link = el("a", "", found.properties.ten || wanted);
        link.href = (box.getAttribute("data-goc") || "") + (found.properties.url || "");
        status.appendChild(link);
        box.className += " langso-map--tuyen";
      })
      .catch(function () {
        status.textContent = "Chưa tải được tuyến tham quan.";
      });
  }
})();
