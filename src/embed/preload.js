// ---- Organigramme: starts fetching each chart's data file while the
// WebAssembly loads, instead of after. The widget's own request for the same
// URL (same mode and credentials) then takes the preloaded response. Only
// same-origin files: the widget refuses others anyway. An async module may
// run while the page is still parsed: the charts parsed later are preloaded
// when it is, as the widget mounts them then.
{
  const preload = () => {
    for (const host of document.querySelectorAll('[data-organigramme]:not([data-organigramme-mounted])')) {
      let src = host.getAttribute('data-src');
      // The standalone page also reads ?src=, as the widget does.
      if (host.getAttribute('data-organigramme') === 'standalone') src = new URLSearchParams(location.search).get('src') ?? src;
      let url = null;
      try { url = src ? new URL(src, location.href) : null; } catch { url = null; }
      if (url && url.origin === location.origin && !document.querySelector(`link[rel=preload][href="${CSS.escape(url.href)}"]`)) {
        const link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.crossOrigin = 'anonymous';
        link.href = url.href;
        document.head.append(link);
      }
    }
  };
  preload();
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', preload, { once: true });
}
