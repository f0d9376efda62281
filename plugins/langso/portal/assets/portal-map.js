/* Làng số portal: the villages on a map (ban-do/), Leaflet without any tile: a point and a
   label for each village of the list below (a[data-lat][data-lon]); a tap opens its page.
   The map is hidden from screen readers: the list is the same thing, in words. */
(function () {
  "use strict";
  var box = document.getElementById("portal-map");
  if (!box || !window.L) return;
  var L = window.L;
  var map = L.map(box, {
    attributionControl: false, zoomControl: false, keyboard: false, zoomSnap: 0.25,
    scrollWheelZoom: false,
  });
  var points = [];
  document.querySelectorAll("#portal-map-list a[data-lat]").forEach(function (a) {
    var lat = parseFloat(a.getAttribute("data-lat"));
    var lon = parseFloat(a.getAttribute("data-lon"));
    if (isNaN(lat) || isNaN(lon)) return;
    var label = document.createElement("span");
    label.textContent = a.firstChild ? a.firstChild.textContent : a.textContent;
    var marker = L.circleMarker([lat, lon], {
      radius: 11, color: "#ffffff", weight: 3, fillColor: "#0b4a66", fillOpacity: 1,
    }).addTo(map);
    marker.bindTooltip(label, {
      permanent: true, direction: "right", offset: [12, 0], className: "portal-map__label",
    });
    marker.on("click", function () { location.href = a.href; });
    points.push([lat, lon]);
  });
  if (points.length === 1) map.setView(points[0], 13);
  /* room for the labels, drawn to the right of their points */
  else if (points.length) {
    map.fitBounds(points, {
      paddingTopLeft: [36, 36], paddingBottomRight: [Math.min(160, box.clientWidth / 2), 36],
      maxZoom: 15,
    });
  }
  box.setAttribute("data-points", String(points.length));
})();
