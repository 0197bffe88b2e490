// Live parts of a page: an element with data-live="URL" takes each "tree" event of that stream as
// its new content, until the stream says "end". Pages read the same without this script.
document.querySelectorAll("[data-live]").forEach((el) => {
  const stream = new EventSource(el.dataset.live);
  stream.addEventListener("tree", (e) => {
    el.innerHTML = e.data;
  });
  stream.addEventListener("end", () => {
    stream.close();
    el.removeAttribute("aria-busy");
    el.dataset.ended = "true";
  });
});
