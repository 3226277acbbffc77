/**
 * The service worker's news, as state: offline use is ready, or a new version is waiting. A new
 * version is applied only when the person chooses to reload; nothing reloads under them.
 */
/** How long "works offline now" is shown. */
export const OFFLINE_NOTICE_MS = 10_000;

export class AppUpdate {
  /** A new version is installed and waiting. */
  waiting = $state(false);
  /** Everything is cached: the app now works without a network. Shown once. */
  offlineReady = $state(false);
  #apply: ((reload?: boolean) => Promise<void>) | undefined;

  /** Wires the registration's callbacks (from `virtual:pwa-register`). */
  attach(register: (options: { onNeedRefresh: () => void; onOfflineReady: () => void }) => (reload?: boolean) => Promise<void>): void {
    this.#apply = register({
      onNeedRefresh: () => (this.waiting = true),
      onOfflineReady: () => {
        this.offlineReady = true;
        // Good news needs no answer: it leaves by itself.
        setTimeout(() => (this.offlineReady = false), OFFLINE_NOTICE_MS);
      },
    });
  }

  /** Activates the waiting version and reloads the page once it controls it. */
  async reload(): Promise<void> {
    // workbox-window reloads only pages that were controlled when they loaded; a first visit
    // that finds an update later is reloaded here, when the new version takes control.
    globalThis.navigator?.serviceWorker?.addEventListener('controllerchange', () => globalThis.location.reload(), { once: true });
    await this.#apply?.(true);
  }

  dismiss(): void {
    this.waiting = false;
    this.offlineReady = false;
  }
}

export const appUpdate = new AppUpdate();
