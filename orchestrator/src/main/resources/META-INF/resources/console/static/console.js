// Live parts of a page: an element with data-live="URL" takes each "tree" event of that stream as
// its new content, until the stream says "end"; the heading's state follows the session it names.
// Pages read the same without this script (they refresh themselves while something runs).
document.querySelectorAll("[data-live]").forEach((el) => {
  const stream = new EventSource(el.dataset.live);
  stream.addEventListener("tree", (e) => {
    el.innerHTML = e.data;
    const heading = document.getElementById("session-state");
    const node = heading && el.querySelector(`li[data-session="${heading.dataset.root}"]`);
    if (node) {
      heading.textContent = node.dataset.state;
      heading.className = `state state-${node.dataset.state}`;
    }
  });
  stream.addEventListener("end", () => {
    stream.close();
    el.removeAttribute("aria-busy");
    el.dataset.ended = "true";
  });
});
