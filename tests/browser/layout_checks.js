// The in-browser checks of tests/browser/layout.py (check_layout), called with `phone`.
(phone) => {
  const doc = document.documentElement;
  const out = {scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, wide: [], broken: [],
               clippedCaptions: [], smallTargets: []};
  if (doc.scrollWidth > window.innerWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width && r.right > window.innerWidth + 1) {
        out.wide.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} (${Math.round(r.right)} px)`);
        if (out.wide.length >= 5) break;
      }
    }
  }
  const labels = document.querySelectorAll('main h1, main h2, main h3, main th, main .predikat, main .chip, main .card-title, main .course-card-title, main label, main legend, main .button');
  // Text only screen readers get (visually-hidden, a phone table's thead) is not shown.
  const shown = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.display === 'none' || (s.clip && s.clip !== 'auto') || (s.overflow === 'hidden' && a.getBoundingClientRect().width <= 2)) return false;
    }
    return true;
  };
  for (const el of labels) {
    if (!shown(el)) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /\S{4,}/g; let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top / 4)));
        if (tops.size > 1 && !/[\/@._-]/.test(m[0])) out.broken.push(m[0]);
      }
    }
  }
  for (const cap of document.querySelectorAll('main caption')) {
    const style = getComputedStyle(cap);
    if (cap.closest('.visually-hidden, .w-sr-only') || cap.classList.contains('visually-hidden') || cap.classList.contains('w-sr-only')) continue;
    let box = cap.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    const outer = box && box !== document.body ? box.getBoundingClientRect() : {left: 0, right: window.innerWidth};
    const r = cap.getBoundingClientRect();
    if (r.width && (r.right > outer.right + 1 || r.left < outer.left - 1)) out.clippedCaptions.push(cap.innerText.slice(0, 60));
  }
  if (phone) {
    const controls = document.querySelectorAll('main input:not([type=hidden]), main select, main textarea');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (!r.width || getComputedStyle(el).visibility === 'hidden') continue;
      const label = el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
      const target = ['checkbox', 'radio'].includes(el.type) && label && label.contains(el) ? label.getBoundingClientRect() : r;
      if (target.height < 43.5) out.smallTargets.push(`${el.tagName.toLowerCase()}[${el.type || ''}]${el.name ? ' name=' + el.name : ''} ${Math.round(target.width)}×${Math.round(target.height)}`);
    }
  }
  const main = document.querySelector('main') || document.body;
  out.mainText = main.innerText;
  out.bodyText = document.body.innerText;
  return out;
}
