// Keeps an element where it is on the screen while the layout around it settles. Selecting a
// racer card changes other panels (the update rule above it grows or shrinks, its formulas are
// typeset a frame later), and a card is selected as the mouse goes down on it: if the card moved,
// the release would land elsewhere and the click be lost. For a moment after the selection, the
// page scrolls by whatever the element moved: after every change of the page's DOM (a
// MutationObserver runs before any input event can be handled, so no release falls between a
// change and its correction) and whenever an ancestor changes size for another reason (a font).
const HOLD_MS = 600;

export function holdInPlace(element: Element): void {
  let top = element.getBoundingClientRect().top;
  const keep = () => {
    if (!element.isConnected) return;
    const shift = element.getBoundingClientRect().top - top;
    if (shift !== 0) window.scrollBy(0, shift);
    top = element.getBoundingClientRect().top;
  };
  // A scroll by the user moves the element on purpose: that is its new place.
  const scrolled = () => {
    top = element.getBoundingClientRect().top;
  };
  const mutations = new MutationObserver(keep);
  mutations.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const observer = new ResizeObserver(keep);
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) observer.observe(ancestor);
  window.addEventListener('scroll', scrolled, { passive: true });
  window.setTimeout(() => {
    mutations.disconnect();
    observer.disconnect();
    window.removeEventListener('scroll', scrolled);
  }, HOLD_MS);
}
