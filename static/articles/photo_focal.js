// The photo desk's focal point: a click on the preview fills the two number fields,
// and a marker shows the point, so card crops keep what matters in frame.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".focal-picker");
  const across = document.getElementById("id_focal_x");
  const down = document.getElementById("id_focal_y");
  const image = picker && picker.querySelector("img");
  if (!image || !across || !down) {
    return;
  }
  const marker = document.createElement("span");
  marker.className = "focal-marker";
  marker.setAttribute("aria-hidden", "true");
  picker.appendChild(marker);

  function show() {
    const unset = across.value === "" || down.value === "";
    marker.hidden = unset;
    if (!unset) {
      marker.style.left = `${Number(across.value) * 100}%`;
      marker.style.top = `${Number(down.value) * 100}%`;
    }
  }

  image.title = "Click on what must stay in the picture when it is cropped";
  image.addEventListener("click", (event) => {
    const box = image.getBoundingClientRect();
    const clamp = (value) => Math.min(1, Math.max(0, value)).toFixed(3);
    across.value = clamp((event.clientX - box.left) / box.width);
    down.value = clamp((event.clientY - box.top) / box.height);
    show();
  });
  across.addEventListener("input", show);
  down.addEventListener("input", show);
  show();
});
