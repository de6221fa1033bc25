/** When the page's own scripts have had their chance to run (for events they must be able to hear). */

/**
 * Module scripts run in document order while `readyState` is `interactive`, before `DOMContentLoaded`: a bundle
 * that checks its configuration while it loads is earlier than the page script that listens for the result.
 */
function pageScriptsHaveRun(): boolean {
  if (typeof document === 'undefined' || document.readyState === 'complete') return true;
  if (document.readyState === 'loading') return false;
  const [navigation] = performance.getEntriesByType?.('navigation') ?? [];
  return navigation ? (navigation as PerformanceNavigationTiming).domContentLoadedEventEnd > 0 : true;
}

/** True while `DOMContentLoaded` is being dispatched: a listener added now would never be called. */
function dispatchingContentLoaded(): boolean {
  const [navigation] = performance.getEntriesByType?.('navigation') ?? [];
  return navigation !== undefined && (navigation as PerformanceNavigationTiming).domContentLoadedEventStart > 0;
}

/** Runs `callback` now if the page's scripts have run, else one task after `DOMContentLoaded`. */
export function whenPageScriptsHaveRun(callback: () => void): void {
  if (pageScriptsHaveRun()) callback();
  else if (dispatchingContentLoaded()) setTimeout(callback, 0);
  else document.addEventListener('DOMContentLoaded', () => setTimeout(callback, 0), { once: true });
}
