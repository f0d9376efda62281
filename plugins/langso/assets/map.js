/* Làng số: the village map (ban-do/), drawn with Leaflet once the page's text has painted
   (loaded by map-loader.js; langso.geomap.page). Plain ES5 for old Android WebViews.

   Data comes from the page itself: the slot #ban-do-khung (base map: data-nen, data-nen-kieu
   raster|vector, data-nen-zoom "min max", data-nen-bien "W S E N", data-nen-nguon; routes:
   data-tuyen; site root: data-goc) and the list below it (ul[data-nhom][data-ten] > li >
   a[data-lat][data-lon]). Places at one spot (the village hall and the team meeting in it), and
   spots closer on screen than a finger, are ONE marker listing each place: the pin you see is
   the pin you tap; zooming in splits them. The filter is a native <select> (one row at any text
   size, Android's own big picker) and the list below follows it. On a touch screen one finger
   scrolls the page and two fingers move the map. Nothing is requested from another host: the
   base map is read from the site's own file through LangsoRangeSource (map-source.js); a walking
   tour (?tuyen=<slug>) is drawn by map-tour.js from this file's LangsoMap. */
(function () {
  "use strict";
  var box = document.getElementById("ban-do-khung");
  if (!box || !window.L) return;
  var L = window.L;
  var COLORS = ["#b3261e", "#1a5fb4", "#26734d", "#8a4baf", "#a35200", "#00758f", "#5c5f00"];
  var LABEL_ZOOM = 13; /* labels from this zoom (a commune's width); below it a tap shows the name */
  var LABEL_CHARS = 40; /* then two lines at most (map.css), narrowed to the room beside the dot */
  /* Spots closer than this on screen are one marker, drawn at its first spot: markers are at
     least this far apart, so a 48 px target never covers another marker's centre (24 px) and
     the dots (24 px) never touch. */
  var NEAR_PX = 34;
  var FAR_M = 5000; /* a reader farther than this from every point is far from the village */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The spots: each place (a page linked) once, with every group it is in. */
  var groups = [];
  var spots = [];
  var bySpot = {};
  var pages = {};
  var lists = document.querySelectorAll("ul[data-nhom]");
  for (var i = 0; i < lists.length; i++) {
    var key = lists[i].getAttribute("data-nhom");
    var group = {
      key: key,
      name: lists[i].getAttribute("data-ten"),
      color: COLORS[i % COLORS.length],
      count: 0,
      list: lists[i],
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
      var id = lat + "," + lon;
      var spot = bySpot[id];
      if (!spot) {
        spot = { latlng: L.latLng(lat, lon), places: [], byHref: {} };
        bySpot[id] = spot;
        spots.push(spot);
      }
      var place = spot.byHref[href];
      if (!place) {
        place = { href: href, name: a.textContent.trim(), groups: [], group: group };
        spot.byHref[href] = place;
        spot.places.push(place);
        pages[href] = true;
      }
      place.groups.push(key);
    }
  }
  var total = Object.keys(pages).length;

  /* The frame: the filter, the map, "Vị trí của tôi" and the status line under it. */
  box.removeAttribute("style");
  box.removeAttribute("aria-busy");
  box.textContent = "";
  var bar = el("div", "langso-map__bar");
  var filter = el("label", "langso-map__filter");
  filter.appendChild(el("span", "langso-map__filter-label", "Hiện:"));
  var select = el("select", "langso-map__select");
  filter.appendChild(select);
  bar.appendChild(filter);
  var canvas = el("div", "langso-map__canvas");
  canvas.setAttribute("role", "region");
  canvas.setAttribute("aria-label", "Bản đồ làng (danh sách các điểm ở dưới)");
  var under = el("div", "langso-map__under");
  var locate = el("button", "langso-map__locate", "Vị trí của tôi");
  locate.type = "button";
  var status = el("p", "langso-map__status");
  status.setAttribute("role", "status");
  under.appendChild(locate);
  under.appendChild(status);
  box.appendChild(bar);
  box.appendChild(canvas);
  box.appendChild(under);

  var touch = "ontouchstart" in window || navigator.maxTouchPoints > 0;
  var nen = box.getAttribute("data-nen");
  var kind = box.getAttribute("data-nen-kieu");
  var zooms = (box.getAttribute("data-nen-zoom") || "").split(" ");
  var edges = (box.getAttribute("data-nen-bien") || "").split(" ").map(parseFloat);
  /* zoomSnap 0.25: the fitted view fills the box (whole zoom steps halve or double it) */
  var options = {
    zoomControl: false,
    attributionControl: false,
    maxZoom: 19,
    zoomSnap: 0.25,
    dragging: !touch, /* one finger scrolls the page; two fingers move and zoom the map */
    fadeAnimation: false, /* a closed popup goes at once (cheap phones: less to draw) */
  };
  var area = null;
  if (nen && edges.length === 4) {
    area = L.latLngBounds([edges[1], edges[0]], [edges[3], edges[2]]);
    options.minZoom = Math.max(0, parseInt(zooms[0], 10) || 0);
    options.maxZoom = Math.max(options.minZoom, (parseInt(zooms[1], 10) || 16) + 2);
    options.maxBounds = area.pad(0.25);
  }
  var map = L.map(canvas, options);
  L.control.zoom({ zoomInTitle: "Phóng to", zoomOutTitle: "Thu nhỏ" }).addTo(map);
  /* The scale's longest bar follows the text size, so "500 m" always fits inside it. */
  var Scale = L.Control.Scale.extend({
    _update: function () {
      var line = this._mScale;
      var size = line ? parseFloat(getComputedStyle(line).fontSize) || 12 : 12;
      this.options.maxWidth = Math.max(100, Math.ceil(7 * size));
      L.Control.Scale.prototype._update.call(this);
    },
  });
  var scale = new Scale({ imperial: false, position: "bottomleft" }).addTo(map);
  if (touch) status.textContent = "Dùng hai ngón tay để kéo hoặc phóng to bản đồ.";

  if (nen && window.pmtiles && window.LangsoRangeSource) {
    var archive = new window.pmtiles.PMTiles(new window.LangsoRangeSource(nen));
    var attribution = box.getAttribute("data-nen-nguon") || "© Những người đóng góp OpenStreetMap";
    var safe = attribution.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    /* The credit the OSMF asks for, linked to its copyright page (a link: nothing loaded). */
    if (/OpenStreetMap/.test(attribution)) {
      safe = '<a href="https://www.openstreetmap.org/copyright">' + safe + "</a>";
    }
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

  /* The part of the map no control covers: right of the zoom buttons (top left), above the
     scale (bottom left); measured, as they follow the reader's text size. */
  function room() {
    var corner = map.getContainer();
    function size(selector, side) {
      var node = corner.querySelector(selector);
      return node ? node[side] + 10 : 0; /* Leaflet's 10 px margin */
    }
    var gap = 12;
    return {
      paddingTopLeft: [size(".leaflet-control-zoom", "offsetWidth") + 2 * gap, gap + 8],
      paddingBottomRight: [gap + 12, size(".leaflet-control-scale", "offsetHeight") + gap],
    };
  }

  /* Which places show: the filter's group ("" all), or none while a tour is shown alone. */
  var chosen = "";
  function passes(place) {
    if (chosen === "tuyen") return false;
    return chosen === "" || place.groups.indexOf(chosen) >= 0;
  }
  function visibleSpots() {
    return spots.filter(function (spot) {
      return spot.places.some(passes);
    });
  }

  var shown = L.featureGroup().addTo(map);
  var markers = [];
  function short(name) {
    return name.length > LABEL_CHARS ? name.slice(0, LABEL_CHARS - 1).replace(/\s+$/, "") + "…" : name;
  }
  function groupNames(place) {
    var names = [];
    groups.forEach(function (g) {
      if (place.groups.indexOf(g.key) >= 0) names.push(g.name);
    });
    return names.join(" · ");
  }

  /* One marker: its places' names, a popup with a link to each, a count when more than one. */
  function makeMarker(cluster) {
    var places = cluster.places;
    var many = places.length > 1;
    var names = places.map(function (place) {
      return place.name;
    });
    var title = many ? places.length + " nơi: " + names.join("; ") : names[0];
    var icon = L.divIcon({
      className: "langso-map__pin" + (many ? " langso-map__pin--many" : ""),
      html: '<span style="background:' + places[0].group.color + '">' + (many ? places.length : "") + "</span>",
      iconSize: [48, 48],
      iconAnchor: [24, 24],
      popupAnchor: [0, -12],
      tooltipAnchor: [12, 0],
    });
    var marker = L.marker(cluster.spots[0].latlng, { icon: icon, title: title, keyboard: true, riseOnHover: true });
    var popup = el("div", "langso-map__popup");
    if (!many) {
      popup.appendChild(el("strong", "", places[0].name));
      popup.appendChild(el("span", "langso-map__groups", groupNames(places[0])));
      var open = el("a", "langso-map__open", "Mở trang");
      open.href = places[0].href;
      popup.appendChild(open);
    } else {
      var where = cluster.spots.length > 1 ? " nơi ở gần nhau" : " nơi ở cùng chỗ này";
      popup.appendChild(el("strong", "", places.length + where));
      var list = el("ul", "langso-map__places");
      places.forEach(function (place) {
        var item = el("li");
        var link = el("a", "langso-map__open", place.name);
        link.href = place.href;
        item.appendChild(link);
        item.appendChild(el("span", "langso-map__groups", groupNames(place)));
        list.appendChild(item);
      });
      popup.appendChild(list);
    }
    marker.bindPopup(popup, popupOptions());
    marker.bindTooltip(short(places[0].name) + (many ? " +" + (places.length - 1) : ""), {
      permanent: true,
      direction: "auto",
      className: "langso-map__label",
      opacity: 1,
    });
    marker.on("add", function () {
      marker.getElement().setAttribute("aria-label", title);
    });
    shown.addLayer(marker);
    markers.push(marker);
  }

  /* Spots closer than NEAR_PX at this zoom to a marker's first spot join it (list order:
     landmarks first), so no pin hides another; zooming in splits them. */
  function recluster() {
    map.closePopup();
    shown.clearLayers();
    markers = [];
    var clusters = [];
    visibleSpots().forEach(function (spot) {
      var at = map.latLngToLayerPoint(spot.latlng);
      var places = spot.places.filter(passes);
      for (var k = 0; k < clusters.length; k++) {
        if (clusters[k].seed.distanceTo(at) < NEAR_PX) {
          clusters[k].spots.push(spot);
          clusters[k].places = clusters[k].places.concat(places);
          return;
        }
      }
      clusters.push({ seed: at, spots: [spot], places: places });
    });
    clusters.forEach(makeMarker);
    declutter();
  }

  /* Labels stay readable: none below LABEL_ZOOM, none past the map's edge, over a control or
     over another marker's dot; each tries its side, the other side, then wrapped onto two lines
     as wide as the room beside the dot (at the largest text a long name still shows); never
     two overlapping (the first kept). */
  function overlaps(a, b) {
    return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  }
  /* What a label must not cover, in the page's pixels: the controls and every dot but its own. */
  function obstacles(layers) {
    var found = [];
    var controls = canvas.querySelectorAll(".leaflet-control-zoom, .leaflet-control-scale");
    for (var k = 0; k < controls.length; k++) found.push({ rect: controls[k].getBoundingClientRect(), owner: null });
    layers.forEach(function (layer) {
      var icon = layer.getElement && layer.getElement();
      if (icon && icon.firstChild) found.push({ rect: icon.firstChild.getBoundingClientRect(), owner: layer });
    });
    return found;
  }
  /* Places ``marker``'s label on the first free side; false when none is free. */
  function placeLabel(marker, frame, blocked, kept) {
    var tip = marker.getTooltip();
    var node = tip.getElement();
    var dot = map.latLngToContainerPoint(marker.getLatLng()).x + frame.left;
    function free() {
      var r = node.getBoundingClientRect();
      if (r.left < frame.left || r.right > frame.right || r.top < frame.top || r.bottom > frame.bottom) return false;
      for (var k = 0; k < blocked.length; k++) {
        if (blocked[k].owner !== marker && overlaps(r, blocked[k].rect)) return false;
      }
      for (k = 0; k < kept.length; k++) if (overlaps(r, kept[k])) return false;
      kept.push(r);
      return true;
    }
    var wider = frame.right - dot >= dot - frame.left ? "right" : "left";
    var sides = [wider, wider === "right" ? "left" : "right"];
    for (var pass = 0; pass < 2; pass++) {
      for (var k = 0; k < 2; k++) {
        var room = sides[k] === "right" ? frame.right - dot : dot - frame.left;
        /* the dot's half (12), Leaflet's 6 px margin, 8 px short of the edge */
        node.style.maxWidth = pass ? Math.max(48, Math.floor(room - 26)) + "px" : "";
        tip.options.direction = sides[k];
        /* Leaflet adds the icon's tooltipAnchor (12 px right) on both sides: "left" takes it back */
        tip.options.offset = sides[k] === "left" ? [-24, 0] : [0, 0];
        tip.update(); /* Leaflet's update shows the label: its visibility is set after */
        if (free()) return true;
      }
    }
    return false;
  }
  function declutter() {
    var show = map.getZoom() >= LABEL_ZOOM;
    var frame = canvas.getBoundingClientRect();
    var blocked = show ? obstacles(markers) : [];
    var kept = [];
    markers.forEach(function (marker) {
      var tip = marker.getTooltip();
      var node = tip && tip.getElement();
      if (!node) return;
      node.style.visibility = show && placeLabel(marker, frame, blocked, kept) ? "" : "hidden";
    });
  }
  map.on("zoomend", recluster);
  map.on("moveend", declutter);

  /* A popup uses the whole map, 12 px from its sides: the controls hide while it is open
     (map.css, .langso-map--popup), so its text wraps in a wide column and the links of a few
     places show without scrolling, at the largest text too; taller than the map, it scrolls. */
  var POPUP_SIDES = 12 + 12 + 2; /* map.css: the content's margins, the borders */
  function popupOptions() {
    var size = map.getSize();
    var width = Math.max(120, size.x - 24 - POPUP_SIDES); /* the content's, as Leaflet counts it */
    return {
      minWidth: Math.min(180, width),
      maxWidth: width,
      maxHeight: Math.max(96, size.y - 16 - 20 - 20), /* the tip (20) and the margins (20) */
      autoPanPaddingTopLeft: L.point(12, 8),
      autoPanPaddingBottomRight: L.point(12, 8),
    };
  }
  map.on("popupopen", function (event) {
    box.className += " langso-map--popup";
    var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", "Đóng"); /* Leaflet writes "Close popup" */
  });
  map.on("popupclose", function () {
    box.className = box.className.replace(/ langso-map--popup/g, "");
  });

  function fitTo(bounds, animate) {
    var options = room();
    options.maxZoom = 17;
    options.animate = animate;
    if (bounds && bounds.isValid()) map.fitBounds(bounds, options);
    else if (area) map.fitBounds(area, options);
    else map.setView([16, 106], 5);
  }
  function villageBounds() {
    var found = visibleSpots();
    if (!found.length) found = spots;
    return L.latLngBounds(
      found.map(function (spot) {
        return spot.latlng;
      })
    );
  }

  /* The filter: "Tất cả" and one option per group; the list below shows the same groups. */
  function option(value, label) {
    var item = el("option", "", label);
    item.value = value;
    select.appendChild(item);
    return item;
  }
  option("", "Tất cả (" + total + ")");
  groups.forEach(function (g) {
    option(g.key, g.name + " (" + g.count + ")");
  });
  function press(value) {
    chosen = value;
    select.value = value;
    groups.forEach(function (g) {
      var hide = value !== "" && value !== "tuyen" && value !== g.key;
      g.list.hidden = hide;
      var heading = g.list.previousElementSibling;
      if (heading && /^H[2-6]$/.test(heading.tagName)) heading.hidden = hide;
    });
    fitTo(chosen === "tuyen" && api.tour ? api.tour.bounds : villageBounds(), false);
    recluster();
  }
  select.addEventListener("change", function () {
    press(select.value);
  });

  /* "Vị trí của tôi": the position is asked for only when tapped; the reader and the points
     shown are fitted together, unless the reader is far from the village. */
  var me = null;
  locate.addEventListener("click", function () {
    if (!navigator.geolocation) {
      status.textContent = "Điện thoại không cho biết vị trí trên trang này.";
      return;
    }
    status.textContent = "Đang tìm vị trí của bạn…";
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
        if (me) map.removeLayer(me);
        /* the dot in its own pane above the markers (600) and labels (650): never under a pin */
        if (!map.getPane("langso-toi")) map.createPane("langso-toi").style.zIndex = 660;
        var dot = L.marker(here, {
          pane: "langso-toi",
          icon: L.divIcon({ className: "langso-map__me", html: "<span></span>", iconSize: [22, 22] }),
          title: "Bạn đang ở đây",
          alt: "Bạn đang ở đây",
          keyboard: false,
        });
        me = L.featureGroup([
          L.circle(here, { radius: pos.coords.accuracy, weight: 1, color: "#1a5fb4", interactive: false }),
          dot,
        ]).addTo(map);
        var nearest = Infinity;
        spots.forEach(function (spot) {
          nearest = Math.min(nearest, map.distance(here, spot.latlng));
        });
        if (nearest > FAR_M) {
          status.textContent = "Bạn đang ở cách làng khoảng " + Math.round(nearest / 1000) + " km.";
          fitTo(villageBounds(), true);
        } else if (area && !area.contains(here)) {
          status.textContent = "Bạn đang ở ngoài vùng của bản đồ này.";
          fitTo(villageBounds(), true);
        } else {
          status.textContent = "Chấm xanh là chỗ bạn đang đứng (sai số khoảng " + Math.round(pos.coords.accuracy) + " m).";
          fitTo(villageBounds().extend(here), true);
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

  /* The theme's full stylesheet (loaded on the first tap) changes the rem: follow the size. */
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      map.invalidateSize();
      scale._update();
      markers.concat(api.stops ? api.stops() : []).forEach(function (marker) {
        L.setOptions(marker.getPopup(), popupOptions());
      });
      declutter();
    }).observe(canvas);
  }

  /* For map-tour.js (?tuyen=<slug>): the map, its frame and how to show only the tour. */
  var api = {
    map: map,
    box: box,
    status: status,
    room: room,
    popupOptions: popupOptions,
    obstacles: obstacles,
    overlaps: overlaps,
    el: el,
    tour: null,
    markers: function () {
      return markers;
    },
    showTour: function (name, bounds) {
      api.tour = { bounds: bounds };
      option("tuyen", "Chỉ tuyến: " + name);
      select.insertBefore(select.lastChild, select.firstChild);
      press("tuyen");
    },
  };
  window.LangsoMap = api;
  fitTo(villageBounds(), false);
  press("");
})();
