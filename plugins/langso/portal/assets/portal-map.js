/* Làng số portal: the villages on a map (ban-do/), Leaflet without any tile: a point and a
   label for each village of the list below (a[data-lat][data-lon]); a tap opens its page.
   The map is hidden from screen readers: the list is the same thing, in words.
   Labels as the village map places them (langso/assets/map.js): each tries the side with more
   room, then the other, then above and below its dot, then wrapped beside it; a label
   that would leave the map, cover a zoom button or another village's dot or label is hidden
   (its dot stays; the list names every village). A label also says which dot it names: it
   touches its own dot (at most NEAR px from the dot's edge) and is farther from every other dot
   than from its own by CLEAR px at least, else it is hidden (two close villages at large text:
   a label between the two dots named neither clearly). Placed again after every zoom and move. */
(function () {
  "use strict";
  var box = document.getElementById("portal-map");
  if (!box || !window.L) return;
  var L = window.L;
  var RADIUS = 11, STROKE = 3, OFFSET = 8, NEAR = 4, CLEAR = 4;
  var map = L.map(box, {
    attributionControl: false, zoomControl: false, keyboard: false, zoomSnap: 0.25,
    scrollWheelZoom: false,
  });
  L.control.zoom({ zoomInTitle: "Phóng to", zoomOutTitle: "Thu nhỏ" }).addTo(map);
  /* The map is aria-hidden (the list says the same): its buttons stay out of the tab order. */
  box.querySelectorAll(".leaflet-control-zoom a").forEach(function (a) {
    a.setAttribute("tabindex", "-1");
  });
  var markers = [];
  var points = [];
  document.querySelectorAll("#portal-map-list a[data-lat]").forEach(function (a) {
    var lat = parseFloat(a.getAttribute("data-lat"));
    var lon = parseFloat(a.getAttribute("data-lon"));
    if (isNaN(lat) || isNaN(lon)) return;
    var label = document.createElement("span");
    label.textContent = a.firstChild ? a.firstChild.textContent : a.textContent;
    var marker = L.circleMarker([lat, lon], {
      radius: RADIUS, color: "#ffffff", weight: STROKE, fillColor: "#0b4a66", fillOpacity: 1,
    }).addTo(map);
    marker.bindTooltip(label, {
      permanent: true, direction: "right", offset: [OFFSET, 0], className: "portal-map__label",
    });
    marker.on("click", function () { location.href = a.href; });
    markers.push(marker);
    points.push([lat, lon]);
  });

  function overlaps(a, b) {
    return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  }
  /* What a label must not cover: the zoom buttons and every dot but its own. */
  function obstacles() {
    var found = [];
    box.querySelectorAll(".leaflet-control-zoom").forEach(function (node) {
      found.push({ rect: node.getBoundingClientRect(), owner: null });
    });
    markers.forEach(function (marker) {
      var path = marker.getElement && marker.getElement();
      if (path) found.push({ rect: path.getBoundingClientRect(), owner: marker });
    });
    return found;
  }
  /* The distance from a rectangle to a point (0 inside). */
  function gap(r, x, y) {
    var dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
    return Math.sqrt(dx * dx + dy * dy);
  }
  function centre(rect) {
    return [(rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2];
  }
  /* The label touches its own dot and is clearly nearer to it than to any other. */
  function names(r, marker, blocked) {
    var own = null, k;
    for (k = 0; k < blocked.length; k++) if (blocked[k].owner === marker) own = blocked[k].rect;
    if (!own) return true;
    var c = centre(own), mine = gap(r, c[0], c[1]);
    if (mine > RADIUS + STROKE / 2 + NEAR) return false;
    for (k = 0; k < blocked.length; k++) {
      if (!blocked[k].owner || blocked[k].owner === marker) continue;
      var o = centre(blocked[k].rect);
      if (gap(r, o[0], o[1]) < mine + CLEAR) return false;
    }
    return true;
  }
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
      if (!names(r, marker, blocked)) return false;
      for (k = 0; k < kept.length; k++) if (overlaps(r, kept[k])) return false;
      kept.push(r);
      return true;
    }
    var wider = frame.right - dot >= dot - frame.left ? "right" : "left";
    var sides = [wider, wider === "right" ? "left" : "right", "top", "bottom"];
    var shift = { right: [OFFSET, 0], left: [-OFFSET, 0], top: [0, -OFFSET], bottom: [0, OFFSET] };
    for (var pass = 0; pass < 2; pass++) {
      /* one line beside, above or below its dot; then wrapped beside it */
      for (var k = 0; k < (pass ? 2 : 4); k++) {
        var room = sides[k] === "right" ? frame.right - dot : dot - frame.left;
        /* the dot's half (14), the offset and Leaflet's margin (14), 8 px short of the edge */
        node.style.maxWidth = pass ? Math.max(48, Math.floor(room - 36)) + "px" : "";
        node.style.whiteSpace = pass ? "normal" : "";
        tip.options.direction = sides[k];
        tip.options.offset = shift[sides[k]];
        tip.update();
        if (free()) return true;
      }
    }
    return false;
  }
  function declutter() {
    var frame = box.getBoundingClientRect();
    var blocked = obstacles();
    var kept = [];
    var shown = 0;
    markers.forEach(function (marker) {
      var tip = marker.getTooltip();
      var node = tip && tip.getElement();
      if (!node) return;
      var ok = placeLabel(marker, frame, blocked, kept);
      node.style.visibility = ok ? "" : "hidden";
      if (ok) shown++;
    });
    box.setAttribute("data-labels", String(shown));
  }

  var zoomWidth = (box.querySelector(".leaflet-control-zoom") || { offsetWidth: 0 }).offsetWidth;
  if (points.length === 1) map.setView(points[0], 13);
  /* room for the zoom buttons (top left); labels go on either side of their points */
  else if (points.length) {
    map.fitBounds(points, {
      paddingTopLeft: [Math.max(40, zoomWidth + 24), 40],
      paddingBottomRight: [40, 40],
      maxZoom: 15,
    });
  }
  declutter();
  map.on("zoomend moveend", declutter);
  box.setAttribute("data-points", String(points.length));
})();
