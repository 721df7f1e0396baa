
// ---- Organigramme embed bundle: appended to the wasm-bindgen glue by
// scripts/embed-bundle.sh. Importing this module starts the widget: every
// [data-organigramme] element becomes a chart. If WebAssembly cannot start,
// each element keeps its content and gets an alert that says so.
try {
  await __wbg_init();
} catch (error) {
  for (const host of document.querySelectorAll('[data-organigramme]')) {
    // As the widget decides: a supported data-lang, else the nearest lang, else French.
    const supported = (tag) => /^(fr|en)(-|$)/i.test(tag || '');
    const lang = [host.dataset.lang, host.closest('[lang]')?.getAttribute('lang')].find(supported) || 'fr';
    const alert = document.createElement('p');
    alert.className = 'og-alert';
    alert.setAttribute('role', 'alert');
    const english = lang.toLowerCase().startsWith('en');
    const pageLang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
    if (!pageLang.startsWith(english ? 'en' : 'fr')) alert.setAttribute('lang', english ? 'en' : 'fr');
    alert.textContent = english
      ? 'The interactive organisation chart could not start (WebAssembly is unavailable); its static version follows.'
      : 'L’organigramme interactif n’a pas pu démarrer (WebAssembly indisponible) ; sa version statique suit.';
    host.prepend(alert);
    host.dispatchEvent(new CustomEvent('organigramme:error', { bubbles: true, detail: alert.textContent }));
  }
  console.error('organigramme:', error);
}
