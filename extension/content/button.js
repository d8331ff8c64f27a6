{
  // A button of our UI: only a real click presses it, and pressing it leaves focus and selection in the
  // editor (mousedown is cancelled), so a fix lands where it should.
  Rapport.button = (className, label, onClick) => {
    const element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    element.addEventListener("mousedown", (event) => event.preventDefault());
    element.addEventListener("click", Rapport.trusted(onClick));
    return element;
  };
}
